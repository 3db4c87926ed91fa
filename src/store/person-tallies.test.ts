import { describe, expect, it } from 'vitest';
import { companionLimit, noTallies, type PersonTallies, spellingSourceLimit, tallied } from './person-tallies.ts';
import type { AppearanceRecord } from './records.ts';

function appearance(source: string, time: number, variants: string[], coMentioned: string[] = []): AppearanceRecord {
  const profile = {
    name: 'Michael Spavor',
    variants: variants.map((text) => ({ text, count: 1 })),
    titles: [],
    coMentioned,
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
    const oneByOne = arrivals.reduce<PersonTallies>((tallies, next) => tallied(tallies, [next]), noTallies);
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

  it('keep the people most often named alongside, a bounded few however many sources name the person', () => {
    // Kovrig in every source, Trudeau in every third, and a name seen once in each.
    const sources = Array.from({ length: companionLimit * 3 }, (_, n) =>
      appearance(
        `https://news.example/${n}`,
        n,
        ['Michael Spavor'],
        ['Michael Kovrig', ...(n % 3 === 0 ? ['Justin Trudeau'] : []), `Witness ${n}`],
      ),
    );
    const oneByOne = sources.reduce<PersonTallies>((tallies, next) => tallied(tallies, [next]), noTallies);
    const recounted = tallied(noTallies, sources);
    for (const { companions } of [oneByOne, recounted]) {
      expect(companions).toHaveLength(companionLimit);
      expect(companions.slice(0, 2)).toEqual([
        { name: 'Michael Kovrig', count: sources.length, time: sources.length - 1 },
        { name: 'Justin Trudeau', count: companionLimit, time: sources.length - 3 },
      ]);
      // Of the names seen once, the most recent sources' are kept.
      expect(companions.at(-1)?.name).toBe(`Witness ${sources.length - (companionLimit - 2)}`);
    }
  });

  it('count a companion once per source, however its name is written', () => {
    const counted = tallied(noTallies, [
      appearance('https://news.example/a', 1, ['Spavor'], ['Michael Kovrig', 'MICHAEL KOVRIG']),
      appearance('https://news.example/b', 2, ['Spavor'], ['michael kovrig']),
    ]);
    expect(counted.companions).toEqual([{ name: 'Michael Kovrig', count: 2, time: 2 }]);
  });
});
