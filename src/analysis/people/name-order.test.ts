import { describe, expect, it } from 'vitest';
import { isFamilyNameFirst } from './name-order.ts';

describe('isFamilyNameFirst', () => {
  it('reads Chinese names with an unmistakable given name as family name first', () => {
    expect(isFamilyNameFirst('Meng Wanzhou', [])).toBe(true);
    expect(isFamilyNameFirst('Wang Wenbin', [])).toBe(true);
  });

  it('needs a description to read a one-syllable given name so', () => {
    expect(isFamilyNameFirst('Han Tao', ["China's", 'consul-general'])).toBe(true);
    expect(isFamilyNameFirst('Han Tao', [])).toBe(false);
    expect(isFamilyNameFirst('Han Dong', ['Canadian', 'member', 'of', 'parliament'])).toBe(false);
  });

  it('leaves other names in Western order', () => {
    expect(isFamilyNameFirst('Michael Kovrig', ['Chinese'])).toBe(false);
    expect(isFamilyNameFirst('Justin Pierre Trudeau', [])).toBe(false);
  });
});
