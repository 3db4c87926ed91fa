/**
 * Each person's source count, counted from their appearances (one per source): what a schema
 * upgrade and a backup's import derive, rather than trust a stored or imported number.
 */
import type { Collection } from 'dexie';
import type { CrosscheckDatabase } from './database.ts';
import type { AppearanceRecord } from './records.ts';

export async function sourceCounts(appearances: Collection<AppearanceRecord>): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await appearances.each((appearance) => counts.set(appearance.person, (counts.get(appearance.person) ?? 0) + 1));
  return counts;
}

/** Sets every stored person's source count from the appearances stored now. */
export async function recountSources(db: CrosscheckDatabase): Promise<void> {
  const counts = await sourceCounts(db.appearances.toCollection());
  await db.people.toCollection().modify((person) => {
    person.sourceCount = counts.get(person.id) ?? 0;
  });
}
