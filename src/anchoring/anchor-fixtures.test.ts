/**
 * Re-anchoring on the two seed fixture articles, edited the ways an outlet edits: a note must stay
 * where it was through small edits around its words, and be orphaned, never moved to another
 * sentence, when its own sentence is rewritten or taken out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleText } from '../../scripts/lib/article-text.ts';
import { fixturesDir } from '../../scripts/lib/paths.ts';
import type { Span } from '../analysis/types.ts';
import { anchorSelectors } from './anchor.ts';
import { describeSpan } from './describe.ts';

const fixtures = ['bbc-han-dong.html', 'wion-han-dong.html'].map((name) => {
  const text = articleText(readFileSync(join(fixturesDir, name), 'utf8'), `http://127.0.0.1:8127/${name}`);
  if (!text) throw new Error(`no article in ${name}`);
  return text;
});
const wion = fixtures[1] as string;

const spansOf = (text: string, pattern: RegExp): Span[] =>
  [...text.matchAll(pattern)].map((match) => ({ start: match.index, end: match.index + match[0].length }));

/** Every quote of one to six words in the text, with the sentence it is in. */
function* quotesOf(text: string): Generator<{ quote: Span; words: Span[]; at: number; sentence: Span }> {
  const sentences = spansOf(text, /[^.!?\n]+[.!?]?/g);
  const words = spansOf(text, /[\p{L}\p{N}'’-]+/gu);
  for (let at = 0; at < words.length; at++) {
    for (let count = 1; count <= 6 && at + count <= words.length; count++) {
      const quote = { start: (words[at] as Span).start, end: (words[at + count - 1] as Span).end };
      const sentence = sentences.find((one) => one.start <= quote.start && quote.end <= one.end);
      if (sentence) yield { quote, words, at: at, sentence };
    }
  }
}

const replaced = (text: string, { start, end }: Span, by: string) => text.slice(0, start) + by + text.slice(end);

describe('re-anchoring on the seed fixtures', () => {
  it('orphans a note whose sentence was rewritten, rather than moving it to the same words in another', () => {
    // "the allegations" is also in the opposition leaders' sentence.
    const denial = 'Dong said that the allegations made against him were false';
    const start = wion.indexOf(denial) + 'Dong said that the '.length;
    const selectors = describeSpan(wion, { start, end: start + 'allegations'.length });
    const start2 = wion.indexOf(denial);
    const edited = replaced(wion, { start: start2, end: start2 + denial.length }, 'Dong called the reports false');
    expect(anchorSelectors(edited, selectors)).toEqual({ status: 'orphaned', reason: 'not-found' });
  });

  it('seldom moves a repeated quote to another sentence when its own is taken out (7% before, now about 1%)', () => {
    let moved = 0;
    let notes = 0;
    for (const text of fixtures) {
      for (const { quote, sentence } of quotesOf(text)) {
        const words = text.slice(quote.start, quote.end);
        if (text.indexOf(words) === text.lastIndexOf(words)) continue;
        notes++;
        const anchoring = anchorSelectors(replaced(text, sentence, ''), describeSpan(text, quote));
        if (anchoring.status === 'anchored') moved++;
      }
    }
    // What is left is a sentence whose neighbour starts or goes on with the very same words: ". The", "No more".
    expect(notes).toBeGreaterThan(700);
    expect(moved / notes).toBeLessThan(0.015);
  });

  it('keeps a note in place through small edits beside it', () => {
    let right = 0;
    let wrong = 0;
    let notes = 0;
    for (const text of fixtures) {
      for (const { quote, words, at } of quotesOf(text)) {
        const before = words[at - 1];
        const beforeThat = words[at - 2];
        const count = words.findIndex((word) => word.end === quote.end) - at + 1;
        // Quotes of up to three words: longer ones only have more of their own words to go by.
        if (count > 3) continue;
        const after = words[at + count];
        const edits: [Span, string][] = [];
        if (before) edits.push([before, 'recently']);
        if (after) edits.push([{ start: after.start, end: after.start }, 'reportedly ']);
        if (beforeThat) edits.push([{ start: beforeThat.start, end: beforeThat.end + 1 }, '']);
        for (const [span, by] of edits) {
          notes++;
          const shift = span.start < quote.start ? by.length - (span.end - span.start) : 0;
          const anchoring = anchorSelectors(replaced(text, span, by), describeSpan(text, quote));
          if (anchoring.status !== 'anchored') continue;
          const { start, end } = anchoring.span;
          if (start === quote.start + shift && end === quote.end + shift) right++;
          else wrong++;
        }
      }
    }
    expect(notes).toBeGreaterThan(6_000);
    expect(right / notes).toBeGreaterThan(0.998);
    expect(wrong).toBeLessThanOrEqual(1);
  });
});
