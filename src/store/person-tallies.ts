/**
 * What a person's record keeps of their appearances (one per source) so that no lookup or ingest
 * reads all of them: how many sources name them, and each spelling with the first few sources that
 * used it. Ingest adds one appearance at a time; a schema upgrade, a rebuilt person and an import
 * count them again from the appearances stored, rather than trust a stored or imported figure.
 */
import type { Collection } from 'dexie';
import type { CrosscheckDatabase } from './database.ts';
import type { AppearanceRecord, PersonRecord } from './records.ts';

export type PersonTallies = Pick<PersonRecord, 'sourceCount' | 'spellings'>;

export const noTallies: PersonTallies = { sourceCount: 0, spellings: [] };

/** How many sources a spelling keeps: enough to show who wrote it which way, not every source. */
export const spellingSourceLimit = 5;

/** The tallies with these appearances added. */
export function tallied(tallies: PersonTallies, appearances: readonly AppearanceRecord[]): PersonTallies {
  const spellings = new Map(tallies.spellings.map((spelling) => [spelling.text, spelling.sources]));
  for (const appearance of appearances) {
    const use = { url: appearance.source, time: -appearance.recency };
    for (const { text } of appearance.profile.variants) {
      const sources = (spellings.get(text) ?? []).filter((known) => known.url !== use.url);
      sources.push(use);
      sources.sort((a, b) => a.time - b.time || a.url.localeCompare(b.url));
      spellings.set(text, sources.slice(0, spellingSourceLimit));
    }
  }
  return {
    sourceCount: tallies.sourceCount + appearances.length,
    spellings: [...spellings].map(([text, sources]) => ({ text, sources })),
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

/** Sets every stored person's tallies from the appearances stored now. */
export async function recountPeople(db: CrosscheckDatabase): Promise<void> {
  const tallies = await talliesOf(db.appearances.toCollection());
  await db.people.toCollection().modify((person) => {
    Object.assign(person, tallies.get(person.id) ?? noTallies);
  });
}
