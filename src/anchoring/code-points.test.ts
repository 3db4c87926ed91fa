import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { astralOffsets, fromCodePoints, toCodePoints } from './code-points.ts';

describe('code point offsets', () => {
  const text = 'Dong 👍 said “no” 𝒳 twice 👍👍.';

  it('finds where each astral character starts', () => {
    expect(astralOffsets(text)).toEqual([5, 18, 27, 29]);
    expect(astralOffsets('plain text, é and — included')).toEqual([]);
    // A lone surrogate is not a character pair.
    expect(astralOffsets('a\ud83d b\udc4d')).toEqual([]);
  });

  it('counts an astral character once, as the W3C TextPositionSelector does', () => {
    const astral = astralOffsets(text);
    const start = text.indexOf('said');
    expect(toCodePoints(start, astral)).toBe([...text.slice(0, start)].length);
    expect(toCodePoints(text.length, astral)).toBe([...text].length);
    expect(toCodePoints(5, astral)).toBe(5);
    expect(toCodePoints(7, astral)).toBe(6);
  });

  it('converts any offset at a character boundary there and back', () => {
    const characters = fc.constantFrom('a', ' ', 'é', '👍', '𝒳', '\n', '“');
    fc.assert(
      fc.property(fc.array(characters, { maxLength: 60 }), fc.nat(), (chars, pick) => {
        const text = chars.join('');
        const astral = astralOffsets(text);
        const boundary = pick % (chars.length + 1);
        const offset = chars.slice(0, boundary).join('').length;
        expect(toCodePoints(offset, astral)).toBe(boundary);
        expect(fromCodePoints(boundary, astral)).toBe(offset);
      }),
    );
  });
});
