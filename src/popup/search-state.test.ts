import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stances } from '../messaging/analysis-schema.ts';
import { searchKinds, searchSchema, searchSorts } from '../messaging/contract.ts';
import * as v from 'valibot';
import {
  emptySearch,
  isFiltered,
  parseSearchState,
  searchQueryString,
  searchRequest,
  type SearchState,
} from './search-state.ts';

describe('the notebook’s search state', () => {
  it('reads the words, filters and order from the query string, and ignores what it does not know', () => {
    const state = parseSearchState(
      '?tab=12&q=han+dong&kind=person&kind=planet&outlet=BBC+News&tag=follow+up&stance=denied&stance=exonerated&from=2023-03-01&to=2023-02-30&sort=newest',
    );
    expect(state).toEqual({
      query: 'han dong',
      kinds: ['person'],
      outlets: ['BBC News'],
      tags: ['follow up'],
      stances: ['denied'],
      from: '2023-03-01',
      to: '',
      sort: 'newest',
    });
    expect(parseSearchState('')).toEqual(emptySearch);
    expect(isFiltered(emptySearch)).toBe(false);
    expect(isFiltered({ ...emptySearch, query: 'dong' })).toBe(false);
    expect(isFiltered({ ...emptySearch, to: '2023-03-01' })).toBe(true);
  });

  it('asks the store for whole days, from the first one’s start to the last one’s end', () => {
    const request = searchRequest({ ...emptySearch, from: '2023-03-23', to: '2023-03-24' }, 50);
    expect(request.from).toBe(new Date(2023, 2, 23).getTime());
    expect(request.to).toBe(new Date(2023, 2, 25).getTime() - 1);
    expect(request).not.toHaveProperty('kinds');
  });

  it('round-trips through the address, and every state makes a request the contract accepts', () => {
    const list = <T>(values: fc.Arbitrary<T>) => fc.uniqueArray(values, { maxLength: 3 });
    const day = fc
      .date({ min: new Date(1990, 0, 1), max: new Date(2090, 11, 31), noInvalidDate: true })
      .map((date) =>
        [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((n) => String(n).padStart(2, '0')).join('-'),
      );
    const state: fc.Arbitrary<SearchState> = fc.record({
      query: fc.string({ maxLength: 40 }),
      kinds: list(fc.constantFrom(...searchKinds)),
      outlets: list(fc.string({ minLength: 1, maxLength: 30 })),
      tags: list(fc.string({ minLength: 1, maxLength: 30 })),
      stances: list(fc.constantFrom(...stances)),
      from: fc.oneof(fc.constant(''), day),
      to: fc.oneof(fc.constant(''), day),
      sort: fc.constantFrom(...searchSorts),
    });
    fc.assert(
      fc.property(state, (value) => {
        expect(parseSearchState(searchQueryString(value))).toEqual(value);
        expect(v.safeParse(searchSchema, searchRequest(value, 50)).success).toBe(true);
      }),
    );
  });
});
