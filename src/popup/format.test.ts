import { describe, expect, it } from 'vitest';
import { count, sentence, size } from './format.ts';

describe('format', () => {
  it('counts in words, with the plural where it belongs', () => {
    expect(count(1, 'source')).toBe('1 source');
    expect(count(0, 'source')).toBe('0 sources');
    expect(count(1200, 'person', 'people')).toBe('1,200 people');
  });

  it('ends a sentence with one full stop, never two', () => {
    expect(sentence('Crosscheck could not save this article: quota exceeded')).toBe(
      'Crosscheck could not save this article: quota exceeded.',
    );
    expect(sentence('Could not save: read the page again. ')).toBe('Could not save: read the page again.');
    expect(sentence('Is the store full?')).toBe('Is the store full?');
  });

  it('writes sizes in the largest unit that keeps a number above one', () => {
    expect(size(512)).toBe('512 bytes');
    expect(size(853 * 1024)).toBe('853.0 KB');
    expect(size(3.5 * 1024 ** 2)).toBe('3.5 MB');
    expect(size(82 * 1024 ** 3)).toBe('82.0 GB');
  });
});
