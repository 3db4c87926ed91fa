/**
 * Taking an article out of the store, at the reader's request: what was found in it goes, the
 * people and claims it named are brought up to date with the sources that remain, and the reader's
 * notes on it stay, marked orphaned, until the article is read again.
 */
import type { CrosscheckDatabase } from './database.ts';
import { recomputeClaims, refreshPerson } from './linking.ts';
import { ofSource } from './summaries.ts';

export async function forgetSource(db: CrosscheckDatabase, url: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.researchTables(), async () => {
    const [appearances, allegations] = await Promise.all([
      ofSource(db.appearances, url).toArray(),
      ofSource(db.allegations, url).toArray(),
    ]);
    await Promise.all([
      db.sources.delete(url),
      ofSource(db.appearances, url).delete(),
      db.sourceMentions.delete(url),
      ofSource(db.allegations, url).delete(),
    ]);
    for (const person of await db.people.bulkGet(appearances.map((appearance) => appearance.person))) {
      if (person) await refreshPerson(db, person, { rebuild: true, now });
    }
    const claimIds = new Set(allegations.flatMap((allegation) => (allegation.claim ? [allegation.claim] : [])));
    await recomputeClaims(db, await db.claims.bulkGet([...claimIds]));
    await db.notes.where('target.source').equals(url).modify({ orphaned: true });
  });
}

/** Everything read and written, gone. The settings stay: they are how the reader uses Crosscheck, not their research. */
export async function forgetEverything(db: CrosscheckDatabase): Promise<void> {
  const tables = db.researchTables();
  await db.transaction('rw', tables, () => Promise.all(tables.map((table) => table.clear())));
}
