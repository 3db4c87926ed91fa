/** The preview of an import: how the file's records compare with the store's. Reads only. */
import type { ImportKeys } from '../messaging/contract.ts';
import type { CrosscheckDatabase } from '../store/database.ts';
import { sourceKeyFor } from '../store/page-view.ts';
import type { ImportComparison } from './import-outcome.ts';

export async function compareImport(db: CrosscheckDatabase, keys: ImportKeys): Promise<ImportComparison> {
  return db.transaction('r', [db.sources, db.people, db.claims, db.notes], async () => {
    const counts = await Promise.all([db.sources, db.people, db.claims, db.notes].map((table) => table.count()));
    const comparison: ImportComparison = {
      storeEmpty: counts.every((count) => count === 0),
      sources: { new: 0, same: 0, newer: 0, older: 0 },
      people: { known: 0 },
      claims: { known: 0 },
      notes: { new: 0, newer: 0, same: 0, older: 0 },
    };
    // A backup names articles by their keys; annotations by any address the article may have been read at.
    const stored = await db.sources.bulkGet(keys.sources.map((source) => source.url));
    for (const [index, source] of keys.sources.entries()) {
      let found = stored[index];
      if (!found && source.contentHash === undefined) {
        const key = await sourceKeyFor(db, source.url);
        found = key ? await db.sources.get(key) : undefined;
      }
      if (!found) comparison.sources.new++;
      else if (source.contentHash === undefined || found.contentHash === source.contentHash) comparison.sources.same++;
      else if ((source.lastRead ?? 0) > found.lastRead) comparison.sources.newer++;
      else comparison.sources.older++;
    }
    const [people, claims, notes] = await Promise.all([
      db.people.bulkGet(keys.people),
      db.claims.bulkGet(keys.claims),
      db.notes.bulkGet(keys.notes.map((note) => note.id)),
    ]);
    comparison.people.known = people.filter(Boolean).length;
    comparison.claims.known = claims.filter(Boolean).length;
    keys.notes.forEach((note, index) => {
      const stored = notes[index];
      if (!stored) comparison.notes.new++;
      else if (note.updated > stored.updated) comparison.notes.newer++;
      else if (note.updated === stored.updated) comparison.notes.same++;
      else comparison.notes.older++;
    });
    return comparison;
  });
}
