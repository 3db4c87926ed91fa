/**
 * What a person's record keeps of their appearances (one per source) so that no lookup or ingest
 * reads all of them: how many sources name them, each spelling with the first few sources that
 * used it, and the people most often named alongside them. Ingest adds one appearance at a time; a
 * schema upgrade, a rebuilt person and an import count them again from the appearances stored,
 * rather than trust a stored or imported figure.
 */
import type { Collection, Table } from 'dexie';
import { foldName } from '../analysis/people/name-text.ts';
import type { AppearanceRecord, CompanionRecord, PersonRecord } from './records.ts';

export type PersonTallies = Pick<PersonRecord, 'sourceCount' | 'spellings' | 'companions'>;

export const noTallies: PersonTallies = { sourceCount: 0, spellings: [], companions: [] };

/** How many sources a spelling keeps: enough to show who wrote it which way, not every source. */
export const spellingSourceLimit = 5;

/**
 * How many companions a person keeps. Linking needs evidence that two sources give a person the
 * same context, and the people named most often alongside someone are that evidence; the long
 * tail of names seen once next to a much-reported person backs no match a frequent one would not.
 */
export const companionLimit = 40;

/** The tallies with these appearances added. */
export function tallied(tallies: PersonTallies, appearances: readonly AppearanceRecord[]): PersonTallies {
  const spellings = new Map(tallies.spellings.map((spelling) => [spelling.text, spelling.sources]));
  const companions = new Map(tallies.companions.map((companion) => [foldName(companion.name), companion]));
  for (const appearance of appearances) {
    const use = { url: appearance.source, time: -appearance.recency };
    for (const { text } of appearance.profile.variants) {
      const sources = (spellings.get(text) ?? []).filter((known) => known.url !== use.url);
      sources.push(use);
      sources.sort((a, b) => a.time - b.time || a.url.localeCompare(b.url));
      spellings.set(text, sources.slice(0, spellingSourceLimit));
    }
    // The first spelling of each name, as merging profiles keeps it.
    const named = new Map([...appearance.profile.coMentioned].reverse().map((name) => [foldName(name), name]));
    for (const [key, name] of named) {
      const known = companions.get(key);
      companions.set(
        key,
        known
          ? { name: known.name, count: known.count + 1, time: Math.max(known.time, use.time) }
          : { name, count: 1, time: use.time },
      );
    }
  }
  return {
    sourceCount: tallies.sourceCount + appearances.length,
    spellings: [...spellings].map(([text, sources]) => ({ text, sources })),
    companions: mostFrequent([...companions.values()]),
  };
}

function mostFrequent(companions: CompanionRecord[]): CompanionRecord[] {
  return companions
    .sort((a, b) => b.count - a.count || b.time - a.time || a.name.localeCompare(b.name))
    .slice(0, companionLimit);
}

/** The person with these tallies, their profile's co-mentioned names the companions kept. */
export function withTallies(person: PersonRecord, tallies: PersonTallies): PersonRecord {
  return {
    ...person,
    ...tallies,
    profile: { ...person.profile, coMentioned: tallies.companions.map((companion) => companion.name) },
  };
}

/** Every person's tallies, from one pass over the appearances. */
export async function talliesOf(appearances: Collection<AppearanceRecord>): Promise<Map<string, PersonTallies>> {
  const tallies = new Map<string, PersonTallies>();
  await appearances.each((appearance) => {
    tallies.set(appearance.person, tallied(tallies.get(appearance.person) ?? noTallies, [appearance]));
  });
  return tallies;
}

/** Sets every stored person's tallies from the appearances stored now (in an upgrade, its transaction's tables). */
export async function recountPeople(
  people: Table<PersonRecord, string>,
  appearances: Table<AppearanceRecord, [string, string]>,
): Promise<void> {
  const tallies = await talliesOf(appearances.toCollection());
  await people.toCollection().modify((person, reference) => {
    reference.value = withTallies(person, tallies.get(person.id) ?? noTallies);
  });
}
