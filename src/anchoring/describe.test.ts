import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeSpan } from './describe.ts';
import { contextLength } from './selectors.ts';

/** A lone half of a UTF-16 surrogate pair: what UTF-8 cannot encode and strict JSON readers refuse. */
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('describeSpan', () => {
  it('never cuts an emoji in half at the edge of the context', () => {
    const text = `Ottawa 😀x reported that the Liberal MP Han Dong was accused 🇨🇦 of lobbying.`;
    const start = text.indexOf('Han Dong');
    const { quote } = describeSpan(text, { start, end: start + 'Han Dong'.length });
    expect(quote.prefix).toBe('x reported that the Liberal MP ');
    expect(loneSurrogate.test(quote.suffix)).toBe(false);
  });

  it('holds whole characters, right beside the quote, at most a context long', () => {
    // Characters of one and of two UTF-16 units, mixed.
    const characters = fc.array(fc.constantFrom('😀', '𝒜', '🇨', 'é', ' ', 'a'), {
      minLength: 20,
      maxLength: 120,
      size: 'max',
    });
    fc.assert(
      fc.property(characters, fc.nat(), fc.nat(), (chars, a, b) => {
        const text = chars.join('');
        // Offsets at character boundaries, as a reader's selection and the analysis give them.
        const boundaries = [0];
        for (const char of chars) boundaries.push((boundaries.at(-1) as number) + char.length);
        const start = boundaries[a % boundaries.length] as number;
        const end = boundaries[b % boundaries.length] as number;
        const { quote, position } = describeSpan(text, { start, end });
        for (const part of [quote.prefix, quote.exact, quote.suffix]) expect(loneSurrogate.test(part)).toBe(false);
        expect(text.slice(position.start - quote.prefix.length, position.end + quote.suffix.length)).toBe(
          quote.prefix + quote.exact + quote.suffix,
        );
        expect(quote.prefix.length).toBeLessThanOrEqual(contextLength);
        expect(quote.suffix.length).toBeLessThanOrEqual(contextLength);
        expect(quote.prefix.length).toBeGreaterThanOrEqual(Math.min(position.start, contextLength - 1));
      }),
    );
  });
});
