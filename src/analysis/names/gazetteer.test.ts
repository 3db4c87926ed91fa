import { describe, expect, it } from 'vitest';
import { testGazetteer } from '../test-support/test-gazetteer.ts';
import { Gazetteer, gazetteerKey } from './gazetteer.ts';

describe('gazetteer', () => {
  const gazetteer = new Gazetteer(testGazetteer({ surname: 'dong', place: 'toronto\npakistani' }));

  it('finds a word on its lists by its key, accents and case aside', () => {
    expect(gazetteer.lookup(gazetteerKey('Dong'))).toEqual(['surname']);
    expect(gazetteer.lookup(gazetteerKey('TORONTO'))).toEqual(['place']);
    expect(gazetteer.lookup(gazetteerKey('Okafor'))).toEqual([]);
  });

  it('takes the people of any "-stan" land for a place word, listed or not, and only once', () => {
    expect(gazetteer.lookup(gazetteerKey('Khalistani'))).toEqual(['place']);
    expect(gazetteer.lookup(gazetteerKey('Pakistani'))).toEqual(['place']);
    expect(gazetteer.lookup(gazetteerKey('Stani'))).toEqual([]);
  });
});
