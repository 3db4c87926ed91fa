import { describe, expect, it } from 'vitest';
import { noTallies, spellingSourceLimit, tallied } from './person-tallies.ts';
import type { AppearanceRecord } from './records.ts';

function appearance(source: string, time: number, variants: string[]): AppearanceRecord {
  const profile = {
    name: 'Michael Spavor',
    variants: variants.map((text) => ({ text, count: 1 })),
    titles: [],
    coMentioned: [],
    role: 'subject' as const,
  };
  return {
    source,
    person: 'p',
    local: 'p1',
    recency: -time,
    name: profile.name,
    role: 'subject',
    variants,
    titles: [],
    mentionCount: 1,
    profile,
  };
}

describe('a person’s tallies', () => {
  it('count every source but keep only the first few to use each spelling, whatever order they arrive in', () => {
    const arrivals = Array.from({ length: spellingSourceLimit + 3 }, (_, n) =>
      appearance(`https://news.example/${n}`, 1000 - n, ['Michael Spavor', ...(n % 2 ? ['Sparov'] : [])]),
    );
    const oneByOne = arrivals.reduce((tallies, next) => tallied(tallies, [next]), noTallies);
    expect(oneByOne).toEqual(tallied(noTallies, [...arrivals].reverse()));
    expect(oneByOne.sourceCount).toBe(arrivals.length);
    const sourcesOf = (text: string) => oneByOne.spellings.find((spelling) => spelling.text === text)?.sources;
    // The oldest sources are the last to arrive here.
    expect(sourcesOf('Michael Spavor')?.map((source) => source.time)).toEqual([993, 994, 995, 996, 997]);
    expect(sourcesOf('Sparov')?.map((source) => source.time)).toEqual([993, 995, 997, 999]);
  });

  it('list a source once under a spelling it used', () => {
    const first = appearance('https://news.example/a', 5, ['Spavor']);
    expect(tallied(tallied(noTallies, [first]), [first])).toMatchObject({ spellings: [{ sources: [{ time: 5 }] }] });
  });
});
