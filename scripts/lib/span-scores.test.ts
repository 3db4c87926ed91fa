import { describe, expect, it } from 'vitest';
import { countSpans, noCounts, scores } from './span-scores.ts';

describe('span scores', () => {
  it('counts only spans whose both ends match', () => {
    const counts = countSpans(
      noCounts(),
      [
        { start: 0, end: 8 },
        { start: 10, end: 14 },
        { start: 20, end: 25 },
      ],
      [
        { start: 0, end: 8 },
        { start: 10, end: 15 },
      ],
    );
    expect(counts).toEqual({ found: 3, expected: 2, correct: 1 });
    const result = scores(counts);
    expect(result.precision).toBeCloseTo(1 / 3);
    expect(result.recall).toBeCloseTo(1 / 2);
    expect(result.f1).toBeCloseTo(0.4);
  });

  it('sums over texts before dividing, and scores nothing found as zero', () => {
    const counts = noCounts();
    countSpans(counts, [{ start: 0, end: 3 }], [{ start: 0, end: 3 }]);
    countSpans(counts, [], [{ start: 4, end: 9 }]);
    expect(scores(counts)).toMatchObject({ precision: 1, recall: 0.5 });
    expect(scores(noCounts())).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});
