import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareWordings, type WordingPart } from './wording-diff.ts';

const joined = (parts: WordingPart[]) => parts.map((part) => part.text).join('');
const differences = (parts: WordingPart[]) =>
  parts.filter((part) => part.difference !== null).map((part) => [part.difference, part.text]);

describe('compareWordings', () => {
  it('marks the words, dates, numbers and attribution each outlet has alone', () => {
    const bbc = {
      text: 'According to the Global News report, Mr Dong allegedly suggested to Mr Tao in February 2021 that a release of the two Canadians would benefit the Conservatives.',
      published: '2023-03-23T04:12:00Z',
      attributedTo: ['Global News'],
    };
    const wion = {
      text: 'Speaking to Global news on Wednesday, two national security sources said that Han Dong allegedly suggested to Han Tao in March 2021 that a release of the three Canadians would benefit the Conservatives.',
      published: '2023-03-24T09:41:00+05:30',
      attributedTo: ['two national security sources', 'Global news'],
    };
    const { reference, other } = compareWordings(bbc, wion);
    expect(joined(reference)).toBe(bbc.text);
    expect(joined(other)).toBe(wion.text);
    // "to" and "Global News" are in both; the BBC names "Mr Dong" and "Mr Tao", WION "Han Dong" and "Han Tao".
    expect(differences(reference)).toEqual([
      ['words', 'According'],
      ['words', 'the'],
      ['words', 'report'],
      ['words', 'Mr'],
      ['words', 'Mr'],
      ['date', 'February'],
      ['number', 'two'],
    ]);
    expect(differences(other)).toEqual([
      ['words', 'Speaking'],
      ['words', 'on'],
      ['date', 'Wednesday'],
      ['attribution', 'two national security sources'],
      ['words', 'said that Han'],
      ['words', 'Han'],
      ['date', 'March'],
      ['number', 'three'],
    ]);
  });

  it('marks nothing when the wordings differ only in case and spacing', () => {
    const { reference, other } = compareWordings(
      { text: 'Han Dong denied the  allegations.', attributedTo: [] },
      { text: 'Han Dong denied the allegations.', attributedTo: [] },
    );
    expect(differences(reference)).toEqual([]);
    expect(differences(other)).toEqual([]);
  });

  it('marks nothing in a wording compared with itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const { reference, other } = compareWordings({ text, attributedTo: [] }, { text, attributedTo: [] });
        expect([...differences(reference), ...differences(other)]).toEqual([]);
      }),
    );
  });

  it('keeps every character of both texts, in order, whatever they are', () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.stringMatching(/^[ \tab.,1-3İß]*$/));
    const wording = fc.record({ text, attributedTo: fc.array(fc.string(), { maxLength: 3 }) });
    fc.assert(
      fc.property(wording, wording, (a, b) => {
        const { reference, other } = compareWordings(a, b);
        expect(joined(reference)).toBe(a.text);
        expect(joined(other)).toBe(b.text);
        for (const part of [...reference, ...other]) expect(part.text).not.toBe('');
      }),
    );
  });
});
