import { describe, expect, it } from 'vitest';
import { foldName, nameTokens } from './name-text.ts';

describe('foldName', () => {
  it('ignores case, accents, apostrophe styles and spacing', () => {
    expect(foldName('José  Zoë')).toBe(foldName('jose zoe'));
    expect(foldName('O’Brien')).toBe("o'brien");
    expect(foldName('Søren Kierkegaard')).toBe('soren kierkegaard');
    expect(foldName('Bailey–Ross')).toBe('bailey-ross');
  });

  it('keeps letters of other scripts', () => {
    expect(foldName('习近平')).toBe('习近平');
    expect(foldName('محمد')).toBe('محمد');
  });
});

describe('nameTokens', () => {
  it('splits a name into folded words, initials without their stop', () => {
    expect(nameTokens('J. K. Rowling')).toEqual(['j', 'k', 'rowling']);
    expect(nameTokens(' Meng  Wanzhou ')).toEqual(['meng', 'wanzhou']);
    expect(nameTokens('')).toEqual([]);
  });
});
