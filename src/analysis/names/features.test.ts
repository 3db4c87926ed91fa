import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokenize.ts';
import { allowed, begin, inside, outside, sentenceFeatures, transitionFeatures, wordShape } from './features.ts';
import { testGazetteer } from '../test-support/test-gazetteer.ts';
import { Gazetteer } from './gazetteer.ts';

const gazetteer = new Gazetteer(
  testGazetteer({
    surname: 'dong',
    title: 'mr\nprime\nminister',
    place: 'valley\nnorth',
    common: 'the\nsaid',
    english: 'report',
  }),
);

function featuresOf(text: string, word: string): string[] {
  const tokens = tokenize(text);
  const index = tokens.findIndex((token) => token.text === word);
  return sentenceFeatures(tokens, gazetteer).fixed[index] ?? [];
}

describe('name tagger features', () => {
  it('reduces words to the shape of their letters', () => {
    expect(['Dong', 'DONG', 'J.', 'McDonald', 'Bailey-Ross', '2021', "O'Brien", '习', 'Zoë'].map(wordShape)).toEqual([
      'Xx',
      'X',
      'X.',
      'XxXx',
      'Xx-Xx',
      'd',
      "X'Xx",
      'o',
      'Xx',
    ]);
  });

  it('describes a word by itself, its neighbours and the gazetteer', () => {
    const features = featuresOf('The MP, Mr Dong said.', 'Dong');
    expect(features).toEqual(
      expect.arrayContaining(['b', 'sh=Xx', 'w=dong', 'pw=mr', 'pw|sh=mr Xx', 'nw=said', 'g=surname', 'pg=title']),
    );
    expect(features).toContain('ng=common');
    expect(features).toContain('lex=um Xx');
  });

  it('looks two words either side: "according to Haddad", "Haddad, 45, was"', () => {
    const features = featuresOf('According to Haddad, reports said.', 'Haddad');
    expect(features).toEqual(expect.arrayContaining(['ppw=according', 'pw=to', 'nw=,', 'nnw=reports']));
  });

  it('counts a word of the English dictionary as known, by its stem, whatever its case', () => {
    const reports = featuresOf('Reports said the MP left.', 'Reports');
    expect(reports).toEqual(expect.arrayContaining(['g=english', 'lex=cf Xx']));
    expect(featuresOf('The Reporting Unit said.', 'Reporting')).toContain('lex=cm Xx');
    expect(featuresOf('The Okafor Unit said.', 'Okafor')).toContain('lex=um Xx');
  });

  it('reads typographic apostrophes as plain ones', () => {
    expect(featuresOf('Dong’s party', 'Dong')).toContain("nw='s");
  });

  it('marks the capitalised run a word is in, and the run’s last word', () => {
    const trudeau = featuresOf('Prime Minister Justin Trudeau spoke.', 'Trudeau');
    expect(trudeau).toContain('rl=4E');
    expect(trudeau).toContain('rh|rp=trudeau E');
    const valley = featuresOf('the MP for Don Valley North left', 'Don');
    expect(valley).toContain('rl=3B');
    expect(valley).toContain('rhg=place B');
  });

  it('lets training leave out the words of rare words', () => {
    const tokens = tokenize('Mr Dong said.');
    const fixed = sentenceFeatures(tokens, gazetteer, { keepWord: (word) => word !== 'dong' }).fixed;
    expect(fixed[1]).not.toContain('w=dong');
    expect(fixed[0]).not.toContain('nw=dong');
    expect(fixed[1]).toContain('s3=ong');
  });

  it('pairs the previous tag with the shape, and never lets a name continue after no name', () => {
    expect(transitionFeatures(begin, 'Xx')).toEqual(['pt=1', 'pt|sh=1 Xx']);
    expect(allowed(-1, inside)).toBe(false);
    expect(allowed(outside, inside)).toBe(false);
    expect(allowed(begin, inside)).toBe(true);
    expect(allowed(inside, begin)).toBe(true);
  });
});
