import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSpellingVariant, spellingKeys } from './spelling.ts';

describe('isSpellingVariant', () => {
  it('takes swapped letters and, in longer names, one letter added, dropped or changed', () => {
    expect(isSpellingVariant('spavor', 'sparov')).toBe(true);
    expect(isSpellingVariant('kovrig', 'korvig')).toBe(true);
    expect(isSpellingVariant('trudeau', 'trudeu')).toBe(true);
    expect(isSpellingVariant('poilievre', 'poilievere')).toBe(true);
    expect(isSpellingVariant('kovrig', 'kovrik')).toBe(true);
  });

  it('leaves short names, different first letters and bigger differences apart', () => {
    expect(isSpellingVariant('dong', 'deng')).toBe(false);
    expect(isSpellingVariant('chan', 'chen')).toBe(false);
    expect(isSpellingVariant('singh', 'sing')).toBe(false);
    expect(isSpellingVariant('kovrig', 'spavor')).toBe(false);
    expect(isSpellingVariant('spavor', 'pspavor')).toBe(false);
    expect(isSpellingVariant('michael', 'michael')).toBe(false);
    expect(isSpellingVariant('kovrig', 'kovrigxy')).toBe(false);
  });

  it('is symmetric', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'abcdeo'), maxLength: 9 }),
        fc.string({ unit: fc.constantFrom(...'abcdeo'), maxLength: 9 }),
        (a, b) => {
          expect(isSpellingVariant(a, b)).toBe(isSpellingVariant(b, a));
        },
      ),
    );
  });
});

describe('spellingKeys', () => {
  const letters = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz');
  const word = fc.string({ unit: letters, minLength: 5, maxLength: 12 });
  // One slip of the kind isSpellingVariant accepts, anywhere in the word.
  const slip = fc.tuple(word, fc.nat(), fc.nat(), letters, fc.constantFrom('swap', 'insert', 'delete', 'replace'));
  const apply = ([w, i, j, letter, kind]: [string, number, number, string, string]): string => {
    const at = i % (w.length + 1);
    const other = j % Math.max(1, w.length);
    if (kind === 'insert') return w.slice(0, at) + letter + w.slice(at);
    if (kind === 'delete') return w.slice(0, at) + w.slice(at + 1);
    if (kind === 'replace') return w.slice(0, at) + letter + w.slice(at + 1);
    const chars = [...w];
    const a = at % Math.max(1, w.length);
    [chars[a], chars[other]] = [chars[other] as string, chars[a] as string];
    return chars.join('');
  };

  it('gives every pair of variants a key in common, so an index finds them', () => {
    fc.assert(
      fc.property(slip, (input) => {
        const original = input[0];
        const variant = apply(input);
        if (!isSpellingVariant(original, variant)) return;
        const keys = new Set(spellingKeys(original));
        expect(spellingKeys(variant).some((key) => keys.has(key))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
