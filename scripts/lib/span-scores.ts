/** Exact-span precision, recall and F1, summed over many texts before dividing. */
import type { Span } from '../../src/analysis/types.ts';

export interface SpanCounts {
  found: number;
  expected: number;
  correct: number;
}

export interface SpanScores extends SpanCounts {
  precision: number;
  recall: number;
  f1: number;
}

export const noCounts = (): SpanCounts => ({ found: 0, expected: 0, correct: 0 });

/** Adds one text's result to the running counts: a found span is correct when both its ends match. */
export function countSpans(counts: SpanCounts, found: readonly Span[], expected: readonly Span[]): SpanCounts {
  const wanted = new Set(expected.map((span) => `${span.start}:${span.end}`));
  counts.found += found.length;
  counts.expected += wanted.size;
  counts.correct += new Set(found.map((span) => `${span.start}:${span.end}`).filter((key) => wanted.has(key))).size;
  return counts;
}

export function scores(counts: SpanCounts): SpanScores {
  const precision = counts.found === 0 ? 0 : counts.correct / counts.found;
  const recall = counts.expected === 0 ? 0 : counts.correct / counts.expected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...counts, precision, recall, f1 };
}
