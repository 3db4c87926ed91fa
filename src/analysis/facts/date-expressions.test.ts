import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDates, formatDate, latestFullDate, trueWeekday } from './date-expressions.ts';

describe('findDates', () => {
  it('reads the ways news prose writes dates', () => {
    const dates = findDates(
      'Released on 24 September, 2021, after talks in February 2021 and a report on Wednesday (March 24); filed 2023-03-23.',
      '2023-03-24',
    );
    expect(dates.map((date) => [date.text, formatDate(date)])).toEqual([
      ['24 September, 2021', 'September 24, 2021'],
      ['February 2021', 'February 2021'],
      ['Wednesday (March 24)', 'March 24, 2023'],
      ['2023-03-23', 'March 23, 2023'],
    ]);
    expect(dates[2]?.weekday).toBe(3);
  });

  it('does not take the verb "may", impossible days or numbers inside words for dates', () => {
    expect(findDates('It may 2 be. February 30 came. Code X12 March 3x.', '2023-01-01')).toEqual([]);
  });

  it('puts a date without a year in the year of publication, or the year before when it would be months ahead', () => {
    expect(findDates('on December 28', '2024-01-05')[0]?.year).toBe(2023);
    expect(findDates('on March 30', '2024-03-05')[0]?.year).toBe(2024);
    expect(findDates('on March 30')[0]?.year).toBeUndefined();
  });

  it('never throws and finds dates in linear time on anything', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        for (const date of findDates(text, '2023-03-24')) expect(text.slice(date.start, date.end)).toContain(date.text);
      }),
    );
  });
});

describe('trueWeekday', () => {
  it('names the real day when the printed weekday does not fit the date', () => {
    const [wrong, right] = findDates('Wednesday (March 24) and Wednesday, March 22', '2023-03-24');
    expect(trueWeekday(wrong!)).toBe('Friday');
    expect(trueWeekday(right!)).toBeNull();
  });

  it('cannot check a weekday without a year', () => {
    expect(trueWeekday(findDates('Wednesday (March 24)')[0]!)).toBeNull();
  });
});

describe('latestFullDate', () => {
  it('is the latest date given with its year', () => {
    expect(latestFullDate('— Pierre Poilievre March 22, 2023. In February 2021 and on 24 September, 2021')).toBe(
      '2023-03-22',
    );
    expect(latestFullDate('no dates')).toBeUndefined();
  });
});
