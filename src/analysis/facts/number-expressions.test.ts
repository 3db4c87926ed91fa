import { describe, expect, it } from 'vitest';
import { findCounts } from './number-expressions.ts';

describe('findCounts', () => {
  it('pairs each count with the noun it counts', () => {
    expect(
      findCounts('The two Canadians were held for more than 1,000 days, two national security sources said.'),
    ).toEqual([
      { text: 'two Canadians', value: 2, unit: 'canadian' },
      { text: '1,000 days', value: 1000, unit: 'dai' },
      { text: 'two national security sources', value: 2, unit: 'sourc' },
    ]);
    expect(findCounts('fined 3 million dollars')).toEqual([
      { text: '3 million dollars', value: 3_000_000, unit: 'dollar' },
    ]);
  });

  it('leaves years and counts of nothing alone', () => {
    expect(findCounts('the 2018 arrest, one of them, in 2021.')).toEqual([]);
  });
});
