import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText } from '../test-support/messy-text.ts';
import { type Token, tokenize } from './tokenize.ts';

// Tokens hold no whitespace, so a space between them is unambiguous.
const shown = (text: string) =>
  tokenize(text)
    .map((token) => `${token.kind}:${token.text}`)
    .join(' ');

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

// What the tokenizer must do: a text, then "=>", then its tokens as "kind:text".
const cases = String.raw`
  Dong's remarks                      => word:Dong clitic:'s word:remarks
  China’s consul                      => word:China clitic:’s word:consul
  the Charles' estate                 => word:the word:Charles clitic:' word:estate
  O'Brien don't rock'n'roll           => word:O'Brien word:don't word:rock'n'roll
  Bailey-Ross, COVID-19               => word:Bailey-Ross punct:, word:COVID-19
  Canadians- Michael                  => word:Canadians punct:- word:Michael
  J. K. Rowling                       => abbreviation:J. abbreviation:K. word:Rowling
  J.K. Rowling                        => abbreviation:J.K. word:Rowling
  Mr. Smith and Dr. Who               => abbreviation:Mr. word:Smith word:and abbreviation:Dr. word:Who
  e.g. the U.S. at 9 a.m.             => abbreviation:e.g. word:the abbreviation:U.S. word:at number:9 abbreviation:a.m.
  Jan. 5                              => abbreviation:Jan. number:5
  Downing St. No. 10                  => word:Downing abbreviation:St. abbreviation:No. number:10
  He said no. Then                    => word:He word:said word:no punct:. word:Then
  I. Then                             => word:I punct:. word:Then
  1,000 days, 3.5%, 10:30             => number:1,000 word:days punct:, number:3.5 punct:% punct:, number:10:30
  September, 2021.                    => word:September punct:, number:2021 punct:.
  Zoë Ångström, Nguyễn Thị            => word:Zoë word:Ångström punct:, word:Nguyễn word:Thị
  مرحبا بالعالم. שלום!                => word:مرحبا word:بالعالم punct:. word:שלום punct:!
  नरेन्द्र मोदी                          => word:नरेन्द्र word:मोदी
  习近平Trudeau。                      => word:习 word:近 word:平 word:Trudeau punct:。
  東京タワー                          => word:東 word:京 word:タ word:ワ word:ー
  now: https://t.co/Bq8SOvYMso,       => word:now punct:: url:https://t.co/Bq8SOvYMso punct:,
  see https://en.wikipedia.org/wiki/Foo_(bar). => word:see url:https://en.wikipedia.org/wiki/Foo_(bar) punct:.
  (@PierrePoilievre) #cdnpoli         => punct:( handle:@PierrePoilievre punct:) hashtag:#cdnpoli
  claire.bailey-ross@port.ac.uk.      => email:claire.bailey-ross@port.ac.uk punct:.
  👍🏽 🇨🇦👨‍👩‍👧 ❤️                        => emoji:👍🏽 emoji:🇨🇦 emoji:👨‍👩‍👧 emoji:❤️
  wow!? yes… fine...                  => word:wow punct:!? word:yes punct:… word:fine punct:...
`
  .split('\n')
  .filter((line) => line.includes('=>'))
  .map((line) => line.split('=>').map((part) => part.trim()) as [string, string]);

describe('tokenize', () => {
  it.each(cases)('%s', (text, tokens) => expect(shown(text)).toBe(tokens));

  it('passes over control and format characters', () => {
    expect(shown('a\u0000\u0007 b\u200bc')).toBe('word:a word:b word:c');
  });

  it('returns nothing for empty or blank text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' \n\t\u00a0\u2029')).toEqual([]);
  });

  it('covers every readable character exactly once, in order, whatever the text', () => {
    fc.assert(
      fc.property(anyText(), (text) => checkInvariants(text, tokenize(text))),
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
