import { describe, expect, it } from 'vitest';
import { type Token, tokenize } from '../text/tokenize.ts';
import { begin, inside, outside, type Tag } from './features.ts';
import { testGazetteer } from '../test-support/test-gazetteer.ts';
import { Gazetteer, gazetteerKey } from './gazetteer.ts';
import { propagateNames } from './propagate-names.ts';

const gazetteer = new Gazetteer(
  testGazetteer({ given: 'han', surname: 'tao', title: 'mr', place: 'toronto\nairport\nrussia', common: 'will' }),
);
const listsOf = (token: Token) => gazetteer.lookup(gazetteerKey(token.text));

/** Tags the given names (in the order they occur) as the tagger would have, propagates, returns every name. */
function propagate(text: string, tagged: string[]): string[] {
  const tokens = tokenize(text);
  const tags: Tag[] = tokens.map(() => outside);
  let from = 0;
  for (const name of tagged) {
    const start = text.indexOf(name, from);
    from = start + name.length;
    tokens.forEach((token, index) => {
      if (token.start >= start && token.end <= start + name.length)
        tags[index] = token.start === start ? begin : inside;
    });
  }
  propagateNames(tokens, tags, listsOf);
  const names: string[] = [];
  tags.forEach((tag, index) => {
    const token = tokens[index] as Token;
    if (tag === begin) names.push(token.text);
    else if (tag === inside) names[names.length - 1] += text.slice(tokens[index - 1]!.end, token.end);
  });
  return names;
}

describe('propagateNames', () => {
  it('finds the later mentions of a name found in full', () => {
    expect(propagate('Michael Kovrig was freed. Kovrig returned. Mr Kovrig spoke.', ['Michael Kovrig'])).toEqual([
      'Michael Kovrig',
      'Kovrig',
      'Kovrig',
    ]);
  });

  it('completes a name the tagger found only the start of', () => {
    expect(propagate('Michael Kovrig was freed. Later Michael Kovrig spoke.', ['Michael Kovrig', 'Michael'])).toEqual([
      'Michael Kovrig',
      'Michael Kovrig',
    ]);
  });

  it('leaves a name word inside a longer capitalised name, and common words', () => {
    expect(
      propagate('Joe Kennedy spoke. Kennedy Airport closed. Will Smith came. Will you?', ['Joe Kennedy', 'Will Smith']),
    ).toEqual(['Joe Kennedy', 'Will Smith']);
  });

  it('takes a lone capitalised word joined to a name by "and" for a name', () => {
    expect(propagate('the Sparov and Kovrig case', ['Kovrig'])).toEqual(['Sparov', 'Kovrig']);
    expect(propagate('Kovrig and Sparov left', ['Kovrig'])).toEqual(['Kovrig', 'Sparov']);
    expect(propagate('Kovrig and Russia', ['Kovrig'])).toEqual(['Kovrig']);
  });

  it('separates name words glued to a place', () => {
    expect(propagate('the consul general in Toronto Han Tao said', [])).toEqual(['Han Tao']);
    expect(propagate('in Toronto Airport Tao said', [])).toEqual([]);
  });
});
