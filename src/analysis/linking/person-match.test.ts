import { describe, expect, it } from 'vitest';
import type { MentionForm, PersonProfile } from '../types.ts';
import { personKeys } from './person-keys.ts';
import { matchDocumentPeople, matchPerson } from './person-match.ts';
import { mergeProfiles } from './person-profile.ts';

function profile(
  name: string,
  options: {
    variants?: string[];
    with?: string[];
    titles?: string[];
    forms?: MentionForm[];
    role?: PersonProfile['role'];
  } = {},
): PersonProfile {
  return {
    name,
    variants: [name, ...(options.variants ?? [])].map((text) => ({ text, count: 1 })),
    titles: options.titles ?? [],
    coMentioned: options.with ?? [],
    role: options.role ?? 'subject',
    forms: options.forms ?? ['full'],
  };
}

const twoMichaels = ['Michael Kovrig', 'Justin Trudeau'];

describe('matchPerson', () => {
  it('links the same full name without further evidence', () => {
    expect(matchPerson(profile('Han Dong'), [profile('Han Tao'), profile('Han Dong')])).toMatchObject({
      index: 1,
      reason: 'exact',
    });
    expect(matchPerson(profile('José Martí'), [profile('Jose Marti')])?.reason).toBe('exact');
  });

  it('links a titled surname, a given name used as a surname and a misspelling only with context', () => {
    const known = [profile('Han Dong', { with: twoMichaels }), profile('Meng Wanzhou', { with: twoMichaels })];
    expect(matchPerson(profile('Dong', { forms: ['titled'], with: ['Justin Trudeau'] }), known)).toMatchObject({
      index: 0,
      reason: 'title-stripped',
    });
    expect(matchPerson(profile('Dong', { forms: ['titled'] }), known)).toBeNull();
    expect(matchPerson(profile('Meng', { forms: ['titled'], with: ['Michael Kovrig'] }), known)).toMatchObject({
      index: 1,
      reason: 'given-as-surname',
    });
    const spavor = profile('Michael Spavor', { with: twoMichaels });
    expect(matchPerson(profile('Michael Sparov', { with: ['Michael Kovrig'] }), [spavor])).toMatchObject({
      reason: 'spelling-variant',
    });
    expect(matchPerson(profile('Michael Sparov'), [spavor])).toBeNull();
    // A shared title is context for a surname, but a misspelling needs a person both sources mention.
    expect(
      matchPerson(profile('Michael Sparov', { titles: ['businessman'] }), [
        profile('Michael Spavor', { titles: ['businessman'] }),
      ]),
    ).toBeNull();
  });

  it('calls a misspelling the other source also used an alias', () => {
    const known = profile('Michael Spavor', { variants: ['Sparov'], with: twoMichaels });
    expect(matchPerson(profile('Michael Sparov', { with: ['Michael Kovrig'] }), [known])?.reason).toBe('alias');
  });

  it('links initials, middle names and a reversed family name with context', () => {
    const known = [profile('Justin Trudeau', { with: ['Han Dong'] }), profile('Meng Wanzhou', { with: ['Han Dong'] })];
    expect(matchPerson(profile('J. Trudeau', { with: ['Han Dong'] }), known)).toMatchObject({
      index: 0,
      reason: 'alias',
    });
    expect(matchPerson(profile('Justin Pierre Trudeau', { with: ['Han Dong'] }), known)?.reason).toBe('alias');
    expect(matchPerson(profile('Wanzhou Meng', { with: ['Han Dong'] }), known)).toMatchObject({
      index: 1,
      reason: 'alias',
    });
  });

  it('never links two full names that differ in given name or surname, whatever the context', () => {
    const context = { with: ['Justin Trudeau', 'Pierre Poilievre'], titles: ['MP'] };
    expect(matchPerson(profile('Kevin Dong', context), [profile('Han Dong', context)])).toBeNull();
    expect(matchPerson(profile('Han Tao', context), [profile('Han Dong', context)])).toBeNull();
    expect(matchPerson(profile('Michael Spavor', context), [profile('Michael Kovrig', context)])).toBeNull();
    expect(matchPerson(profile('Harjit Singh', context), [profile('Jagmeet Singh', context)])).toBeNull();
  });

  it('does not guess between two people a bare surname fits equally well', () => {
    const context = { with: ['Justin Trudeau'] };
    const known = [profile('Jagmeet Singh', context), profile('Harjit Singh', context)];
    expect(matchPerson(profile('Singh', { forms: ['titled'], with: ['Justin Trudeau'] }), known)).toBeNull();
    // Context that fits one of them settles it.
    const settled = [
      profile('Jagmeet Singh', { with: ['Justin Trudeau', 'Pierre Poilievre'] }),
      known[1] as PersonProfile,
    ];
    expect(
      matchPerson(profile('Singh', { forms: ['titled'], with: ['Justin Trudeau', 'Pierre Poilievre'] }), settled)
        ?.index,
    ).toBe(0);
  });

  it('keeps the people who wrote an article apart from the people it is about', () => {
    expect(matchPerson(profile('Maya Lindqvist', { role: 'byline' }), [profile('Maya Lindqvist')])).toBeNull();
    expect(
      matchPerson(profile('Maya Lindqvist', { role: 'byline' }), [profile('Maya Lindqvist', { role: 'byline' })])
        ?.reason,
    ).toBe('exact');
  });

  it('does not count a companion who shares the surname as context', () => {
    const known = [profile('Han Dong', { with: ['Kevin Dong'] })];
    expect(matchPerson(profile('Dong', { forms: ['titled'], with: ['Kevin Dong'] }), known)).toBeNull();
  });
});

describe('matchDocumentPeople', () => {
  it('never gives two people of one document the same known person, and matches full names first', () => {
    const known = [profile('Jagmeet Singh', { with: ['Justin Trudeau'] })];
    const matches = matchDocumentPeople(
      [profile('Singh', { forms: ['titled'], with: ['Justin Trudeau', 'Jagmeet Singh'] }), profile('Jagmeet Singh')],
      known,
    );
    expect(matches[1]).toMatchObject({ index: 0, reason: 'exact' });
    expect(matches[0]).toBeNull();
  });
});

describe('personKeys', () => {
  it('shares a key between every pair matchPerson can link', () => {
    const pairs: [PersonProfile, PersonProfile][] = [
      [profile('Michael Spavor'), profile('Sparov')],
      [profile('Michael Kovrig'), profile('Michael Korvig')],
      [profile('Meng Wanzhou'), profile('Meng')],
      [profile('Justin Trudeau'), profile('J. Trudeau')],
      [profile('Han Dong'), profile('Dong')],
    ];
    for (const [a, b] of pairs) {
      const keys = new Set(personKeys(a));
      expect(personKeys(b).some((key) => keys.has(key))).toBe(true);
    }
    const unrelated = new Set(personKeys(profile('Han Dong')));
    expect(personKeys(profile('Michael Kovrig')).some((key) => unrelated.has(key))).toBe(false);
  });
});

describe('mergeProfiles', () => {
  it('keeps every spelling with its count and names the person by the full name most mentions use', () => {
    const merged = mergeProfiles(
      { ...profile('Michael Sparov'), variants: [{ text: 'Michael Sparov', count: 1 }] },
      {
        ...profile('Michael Spavor', { with: ['Han Dong'], titles: ['businessman'] }),
        variants: [
          { text: 'Michael Spavor', count: 3 },
          { text: 'Spavor', count: 2 },
        ],
      },
    );
    expect(merged.name).toBe('Michael Spavor');
    expect(merged.variants).toEqual([
      { text: 'Michael Sparov', count: 1 },
      { text: 'Michael Spavor', count: 3 },
      { text: 'Spavor', count: 2 },
    ]);
    expect(merged.coMentioned).toEqual(['Han Dong']);
    expect(merged.titles).toEqual(['businessman']);
    expect(mergeProfiles(profile('Dong'), profile('Han Dong')).name).toBe('Han Dong');
  });
});
