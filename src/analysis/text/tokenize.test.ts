import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyUtf16, messyText } from '../test-support/messy-text.ts';
import { type Token, tokenize } from './tokenize.ts';

const shown = (text: string) => tokenize(text).map((token) => `${token.kind}:${token.text}`);
const texts = (text: string) => tokenize(text).map((token) => token.text);

/** What the tokenizer may leave out: whitespace, control and format characters, lone surrogates. */
const skippable = /^[\s\p{Cc}\p{Cf}\p{Cn}\p{Cs}]*$/u;

function checkInvariants(text: string, tokens: Token[]): void {
  let previousEnd = 0;
  for (const token of tokens) {
    expect(token.start).toBeGreaterThanOrEqual(previousEnd);
    expect(token.end).toBeGreaterThan(token.start);
    expect(token.text).toBe(text.slice(token.start, token.end));
    expect(token.text.trim()).toBe(token.text);
    expect(text.slice(previousEnd, token.start)).toMatch(skippable);
    previousEnd = token.end;
  }
  expect(text.slice(previousEnd)).toMatch(skippable);
}

describe('tokenize', () => {
  it('splits possessives off names, with either apostrophe', () => {
    expect(shown("Dong's remarks")).toEqual(['word:Dong', "clitic:'s", 'word:remarks']);
    expect(shown('China’s consul')).toEqual(['word:China', 'clitic:’s', 'word:consul']);
    expect(shown("the Charles' estate")).toEqual(['word:the', 'word:Charles', "clitic:'", 'word:estate']);
  });

  it('keeps apostrophes and hyphens inside words', () => {
    expect(texts("O'Brien don't rock'n'roll")).toEqual(["O'Brien", "don't", "rock'n'roll"]);
    expect(texts('Claire Bailey-Ross and COVID-19')).toEqual(['Claire', 'Bailey-Ross', 'and', 'COVID-19']);
    expect(texts('two Canadians- Michael')).toEqual(['two', 'Canadians', '-', 'Michael']);
  });

  it('keeps initials, titles and dotted abbreviations with their stop', () => {
    expect(shown('J. K. Rowling')).toEqual(['abbreviation:J.', 'abbreviation:K.', 'word:Rowling']);
    expect(shown('J.K. Rowling met Mr. Smith and Dr. Who in the U.S. on Jan. 5')).toEqual([
      'abbreviation:J.K.',
      'word:Rowling',
      'word:met',
      'abbreviation:Mr.',
      'word:Smith',
      'word:and',
      'abbreviation:Dr.',
      'word:Who',
      'word:in',
      'word:the',
      'abbreviation:U.S.',
      'word:on',
      'abbreviation:Jan.',
      'number:5',
    ]);
    expect(texts('e.g. a Ph.D. at 9 a.m.')).toEqual(['e.g.', 'a', 'Ph.D.', 'at', '9', 'a.m.']);
  });

  it('leaves the stop of a word that only abbreviates before a number', () => {
    expect(texts('Downing St. No. 10')).toEqual(['Downing', 'St.', 'No.', '10']);
    expect(texts('He said no. Then')).toEqual(['He', 'said', 'no', '.', 'Then']);
    expect(texts('I. Then')).toEqual(['I', '.', 'Then']);
  });

  it('reads numbers whole', () => {
    expect(shown('1,000 days, 3.5%, 10:30 on 24 September, 2021.')).toEqual([
      'number:1,000',
      'word:days',
      'punct:,',
      'number:3.5',
      'punct:%',
      'punct:,',
      'number:10:30',
      'word:on',
      'number:24',
      'word:September',
      'punct:,',
      'number:2021',
      'punct:.',
    ]);
  });

  it('keeps diacritics and other scripts in their words', () => {
    expect(texts('Zoë Ångström, Nguyễn Thị Minh Khai, Łukasz')).toEqual([
      'Zoë',
      'Ångström',
      ',',
      'Nguyễn',
      'Thị',
      'Minh',
      'Khai',
      ',',
      'Łukasz',
    ]);
    expect(texts('مرحبا بالعالم. שלום עולם!')).toEqual(['مرحبا', 'بالعالم', '.', 'שלום', 'עולם', '!']);
    expect(texts('नरेन्द्र मोदी')).toEqual(['नरेन्द्र', 'मोदी']);
  });

  it('gives each Han and kana character its own token', () => {
    expect(texts('习近平会见了Trudeau。')).toEqual(['习', '近', '平', '会', '见', '了', 'Trudeau', '。']);
    expect(texts('東京タワー')).toEqual(['東', '京', 'タ', 'ワ', 'ー']);
  });

  it('keeps URLs, e-mail addresses, handles, hashtags and emoji whole', () => {
    expect(shown('now: https://t.co/Bq8SOvYMso, (@PierrePoilievre) #cdnpoli')).toEqual([
      'word:now',
      'punct::',
      'url:https://t.co/Bq8SOvYMso',
      'punct:,',
      'punct:(',
      'handle:@PierrePoilievre',
      'punct:)',
      'hashtag:#cdnpoli',
    ]);
    expect(shown('see https://en.wikipedia.org/wiki/Foo_(bar).')).toEqual([
      'word:see',
      'url:https://en.wikipedia.org/wiki/Foo_(bar)',
      'punct:.',
    ]);
    expect(shown('claire.bailey-ross@port.ac.uk.')).toEqual(['email:claire.bailey-ross@port.ac.uk', 'punct:.']);
    expect(shown('👍🏽 🇨🇦👨‍👩‍👧 ❤️')).toEqual(['emoji:👍🏽', 'emoji:🇨🇦', 'emoji:👨‍👩‍👧', 'emoji:❤️']);
  });

  it('groups runs of terminators and passes over control characters', () => {
    expect(shown('wow!?\u0000\u0007 yes… fine...')).toEqual([
      'word:wow',
      'punct:!?',
      'word:yes',
      'punct:…',
      'word:fine',
      'punct:...',
    ]);
  });

  it('returns nothing for empty or blank text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' \n\t\u00a0\u2029')).toEqual([]);
  });

  it('covers every readable character exactly once, in order, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(messyText(), anyUtf16(), fc.string({ unit: 'binary' })), (text) =>
        checkInvariants(text, tokenize(text)),
      ),
      { numRuns: 500 },
    );
  });

  it('handles megabytes of text that defeat backtracking patterns', () => {
    const inputs = [
      'a'.repeat(1_000_000),
      'a.'.repeat(500_000),
      'a@'.repeat(200_000),
      'a.a@'.repeat(200_000),
      'http://'.repeat(100_000),
      "'s".repeat(200_000),
      '#'.repeat(200_000),
      '👍🏽'.repeat(100_000),
      'Mr. Dong said it is false. '.repeat(20_000),
    ];
    for (const text of inputs) {
      const tokens = tokenize(text);
      expect(tokens.length).toBeGreaterThan(0);
      expect(tokens.at(-1)!.end).toBeLessThanOrEqual(text.length);
    }
    expect(tokenize('\u0000\u200b'.repeat(500_000))).toEqual([]);
  });
});
