import { describe, expect, it } from 'vitest';
import { maxTermsPerRecord, queryTerms, searchTerms } from './search-terms.ts';

describe('searchTerms', () => {
  it('folds case, accents and possessives, and drops common words', () => {
    expect(searchTerms(['Mr Dong’s denial of the allegations', 'Zoë O’Brien, Québec'])).toEqual([
      'mr',
      'dong',
      'denial',
      'allegations',
      'zoe',
      'obrien',
      'quebec',
    ]);
  });

  it('keeps numbers, even single digits, and skips missing texts', () => {
    expect(searchTerms(['1,000 days; 2 Michaels', undefined])).toEqual(['1', '000', 'days', '2', 'michaels']);
  });

  it('keeps words of other scripts', () => {
    expect(searchTerms(['孟晚舟 Мэн Ваньчжоу'])).toEqual(['孟晚舟', 'мэн', 'ваньчжоу']);
  });

  it('stops at a bound however long the text', () => {
    const text = Array.from({ length: maxTermsPerRecord + 500 }, (_, i) => `word${i}`).join(' ');
    expect(searchTerms([text])).toHaveLength(maxTermsPerRecord);
  });
});

describe('queryTerms', () => {
  it('folds a query as the index folds texts, once per word', () => {
    expect(queryTerms('The  SPAVOR, spavor Québec')).toEqual(['spavor', 'quebec']);
  });
});
