import { describe, expect, it } from 'vitest';
import type { Person } from '../types.ts';
import { personDiscrepancies } from './person-discrepancies.ts';

function person(name: string, ...spellings: string[]): Person {
  return {
    id: 'p1',
    name,
    role: 'subject',
    variants: [name, ...spellings],
    titles: [],
    mentions: [name, ...spellings].map((text) => ({ start: 0, end: text.length, text, form: 'full' as const })),
  };
}

describe('personDiscrepancies', () => {
  it('lists each source’s spellings of a misspelt name', () => {
    expect(
      personDiscrepancies([
        { document: 'bbc', person: person('Michael Spavor', 'Spavor') },
        { document: 'wion', person: person('Michael Spavor', 'Sparov') },
      ]),
    ).toEqual([
      {
        kind: 'name-spelling',
        values: [
          { document: 'bbc', text: 'Spavor' },
          { document: 'wion', text: 'Spavor' },
          { document: 'wion', text: 'Sparov' },
        ],
        about: 'the spelling of Spavor / Sparov',
      },
    ]);
  });

  it('counts accents as spelling but not case', () => {
    expect(
      personDiscrepancies([
        { document: 'a', person: person('José Martí') },
        { document: 'b', person: person('Jose Marti') },
      ]),
    ).toHaveLength(2);
    expect(
      personDiscrepancies([
        { document: 'a', person: person('Han Dong') },
        { document: 'b', person: person('HAN DONG') },
      ]),
    ).toEqual([]);
  });
});
