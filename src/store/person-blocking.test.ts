import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { personKeys } from '../analysis/linking/person-keys.ts';
import { matchPerson } from '../analysis/linking/person-match.ts';
import type { PersonProfile } from '../analysis/types.ts';
import { lookupKeys, storedPersonKeys } from './person-blocking.ts';

// Words that are each other's spellings, initials, and common and rare given names and surnames; and
// words that differ from another in their first letter, one of them doubled ("Kkovrig" is a slip of
// "Kovrig"), or dropped ("Ovrigal" is not "Kovrigal").
const words = [
  'Michael',
  'Micheal',
  'M.',
  'Spavor',
  'Sparov',
  'Spavors',
  'S.',
  'Han',
  'Dong',
  'Tao',
  'Meng',
  'Kovrig',
  'Kkovrig',
  'Kovrigal',
  'Ovrigal',
  'Lovrig',
];

function profile(name: string): PersonProfile {
  // The same context on both sides: whatever the names allow, the context backs.
  return {
    name,
    variants: [{ text: name, count: 1 }],
    titles: ['MP'],
    coMentioned: ['Justin Trudeau'],
    role: 'subject',
    forms: ['titled'],
  };
}

const shares = (a: string[], b: string[]) => {
  const known = new Set(a);
  return b.some((key) => known.has(key));
};

describe('looking a person up among the stored', () => {
  it('finds every stored person the engine’s blocking keys find and the engine could link them to', () => {
    const name = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' '));
    fc.assert(
      fc.property(name, name, (documentName, storedName) => {
        const [document, stored] = [profile(documentName), profile(storedName)];
        // Names of initials alone share no key, and are never compared by the engine either.
        if (!shares(personKeys(document), personKeys(stored)) || matchPerson(document, [stored]) === null) return;
        expect(shares(lookupKeys(document), storedPersonKeys(stored))).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });

  it('does not read the people who share only a given name with them', () => {
    const michael = profile('Michael Spavor');
    expect(shares(personKeys(michael), storedPersonKeys(profile('Michael Kovrig')))).toBe(true);
    expect(shares(lookupKeys(michael), storedPersonKeys(profile('Michael Kovrig')))).toBe(false);
    // But a name it could be: the given name alone, or with an initial.
    for (const loose of ['Michael', 'Michael K.', 'Sparov', 'M. Spavor']) {
      expect(shares(lookupKeys(michael), storedPersonKeys(profile(loose))), loose).toBe(true);
    }
  });

  it('does not read the people known by a middle name alone, whom the engine never links to a full name', () => {
    const han = profile('Han Meng Dong');
    expect(matchPerson(han, [profile('Meng')])).toBeNull();
    expect(shares(lookupKeys(han), storedPersonKeys(profile('Meng')))).toBe(false);
    expect(shares(lookupKeys(han), storedPersonKeys(profile('Han')))).toBe(true);
  });
});
