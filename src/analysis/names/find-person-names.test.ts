import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleText } from '../../../scripts/lib/article-text.ts';
import { fixturesDir } from '../../../scripts/lib/paths.ts';
import { anyText } from '../test-support/messy-text.ts';
import { splitSentences } from '../text/sentences.ts';
import { tokenize } from '../text/tokenize.ts';
import { findPersonNames, type PersonName } from './find-person-names.ts';

function fixtureText(name: string): string {
  const text = articleText(readFileSync(join(fixturesDir, name), 'utf8'), `http://127.0.0.1:8127/${name}`);
  if (!text) throw new Error(`no article in ${name}`);
  return text;
}

const names = (text: string) => findPersonNames(text).map((name) => name.text);

function checkSpans(text: string, found: PersonName[]): void {
  const tokens = tokenize(text);
  const starts = new Set(tokens.map((token) => token.start));
  const ends = new Set(tokens.map((token) => token.end));
  let previousEnd = 0;
  for (const name of found) {
    expect(name.start).toBeGreaterThanOrEqual(previousEnd);
    expect(name.end).toBeGreaterThan(name.start);
    expect(name.text).toBe(text.slice(name.start, name.end));
    expect(starts.has(name.start) && ends.has(name.end)).toBe(true);
    previousEnd = name.end;
  }
}

describe('findPersonNames on the seed articles', () => {
  const bbc = fixtureText('bbc-han-dong.html');
  const wion = fixtureText('wion-han-dong.html');
  const found = new Set([...names(bbc), ...names(wion)]);

  it('finds every person the two reports name, in full, by surname, by given name and misspelt', () => {
    for (const name of [
      'Han Dong',
      'Dong',
      'Han Tao',
      'Tao',
      'Michael Kovrig',
      'Michael Spavor',
      'Kovrig',
      'Spavor',
      'Sparov',
      'Meng Wanzhou',
      'Wanzhou',
      'Wang Wenbin',
      'Wenbin',
      'Justin Trudeau',
      'Pierre Poilievre',
      'Jagmeet Singh',
    ])
      expect(found, name).toContain(name);
  });

  it('finds the names in every sentence that mentions them, not only once', () => {
    const mentions = (text: string, name: string) => findPersonNames(text).filter((found) => found.text === name);
    expect(mentions(bbc, 'Dong')).toHaveLength(bbc.split('Mr Dong').length - 1);
    expect(mentions(wion, 'Kovrig')).toHaveLength(wion.split(/(?<!Michael )Kovrig/).length - 1);
  });

  it('finds the bylines', () => {
    expect(found).toContain('Maya Lindqvist');
    expect(found).toContain('Arjun Mehta');
  });

  it('takes no organisation, party, place or office for a person', () => {
    for (const notAPerson of ['Global News', 'Liberal Party', 'House of Commons', 'Conservative Party', 'Huawei'])
      for (const name of found) expect(notAPerson.includes(name) || name.includes(notAPerson), name).toBe(false);
  });
});

describe('findPersonNames on sentences', () => {
  it('leaves titles and possessives out of the name', () => {
    expect(names("On Wednesday, Mr Dong said he will leave Prime Minister Justin Trudeau's governing party.")).toEqual([
      'Dong',
      'Justin Trudeau',
    ]);
    expect(names('Dong’s remarks came after Dr. Zoë Ångström-Bailey spoke.')).toEqual(['Dong', 'Zoë Ångström-Bailey']);
  });

  it('keeps initials and particles inside the name', () => {
    expect(names('The novel by J. K. Rowling was praised by Ludwig van Beethoven’s biographer.')).toEqual([
      'J. K. Rowling',
      'Ludwig van Beethoven',
    ]);
  });

  it('does not take a riding, a news organisation or an office named like a person for one', () => {
    expect(names('Han Dong, the MP for Don Valley North, spoke to Global News.')).toEqual(['Han Dong']);
    expect(names("The Prime Minister's Office and the House of Commons said nothing.")).toEqual([]);
  });

  it('reuses the tokens and sentences a caller already has', () => {
    const text = 'Michael Spavor returned. Spavor thanked Canadians.';
    const tokens = tokenize(text);
    expect(findPersonNames(text, { tokens, sentences: splitSentences(text, tokens) })).toEqual(findPersonNames(text));
  });
});

describe('findPersonNames on any input', () => {
  it('returns ordered, non-overlapping spans on token boundaries, whatever the text', () => {
    fc.assert(
      fc.property(anyText(), (text) => checkSpans(text, findPersonNames(text))),
      { numRuns: 300 },
    );
  });

  it('returns nothing for text without names', () => {
    expect(findPersonNames('')).toEqual([]);
    expect(findPersonNames('   \n\n\u0000\u200b ')).toEqual([]);
    expect(findPersonNames('习近平在北京会见了特鲁多。 مرحبا بالعالم. 👍🏽🇨🇦')).toEqual([]);
  });

  it('copes with all capitals, markup, no spaces and control characters', () => {
    for (const text of [
      'MR DONG SAID THAT HAN TAO MET MICHAEL KOVRIG.',
      '<p class="lede">Michael Kovrig</p><script>alert(1)</script>',
      'MichaelKovrigandMichaelSpavorwerereleased'.repeat(1000),
      'Michael\u0000Kovrig\u0007 met\u001b Han\u200bDong.',
    ])
      checkSpans(text, findPersonNames(text));
    expect(names('<p class="lede">Michael Kovrig met Han Dong.</p>')).toEqual(['Michael Kovrig', 'Han Dong']);
  });

  it('tags five megabytes of text', () => {
    const paragraph = 'Mr Kovrig and Mr Spavor were released on 24 September, 2021. ';
    const text = paragraph.repeat(Math.ceil(5_000_000 / paragraph.length));
    const found = findPersonNames(text);
    expect(found.length).toBeGreaterThan(100_000);
    expect(findPersonNames('x'.repeat(5_000_000))).toEqual([]);
  }, 60_000);
});
