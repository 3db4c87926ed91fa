import { describe, expect, it } from 'vitest';
import { encodeWordSet, WordSet } from './word-set.ts';

const words = Array.from({ length: 4000 }, (_, index) => `word${index.toString(36)}`);

describe('word set', () => {
  it('holds every word it was made from', () => {
    const set = new WordSet(encodeWordSet(words, 8));
    expect(words.every((word) => set.has(word))).toBe(true);
  });

  it('answers yes for a word it does not hold about once in 2^bits', () => {
    const set = new WordSet(encodeWordSet(words, 8));
    const strangers = Array.from({ length: 20000 }, (_, index) => `other${index.toString(36)}`);
    const falseYes = strangers.filter((word) => set.has(word)).length / strangers.length;
    expect(falseYes).toBeGreaterThan(0.5 / 256);
    expect(falseYes).toBeLessThan(2 / 256);
  });

  it('takes about bits + 2 bits per word, whatever order the words come in', () => {
    const encoded = encodeWordSet(words, 8);
    expect(encodeWordSet([...words].reverse(), 8)).toEqual(encoded);
    expect((atob(encoded.data).length * 8) / words.length).toBeLessThan(8 + 2.5);
  });

  it('is empty when made from no words', () => {
    expect(new WordSet(encodeWordSet([], 8)).has('anything')).toBe(false);
  });
});
