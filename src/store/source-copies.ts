/**
 * What a lookup shows of a source (its `SourceSummary`) is copied where a page's lookup reads it:
 * into the latest sources of each person it names, beside the kept allegations of each claim it
 * reports, and into each claim it reported first (and so into the copies of that claim's summary).
 * Ingest, forget and import write those copies when they bring the people and claims up to date; a
 * source read again unchanged (a new read time, perhaps a new title) has them restated here.
 */
import type { CrosscheckDatabase } from './database.ts';
import { restateClaimSummaries } from './claim-copies.ts';
import { claimSummary, ofSource } from './summaries.ts';
import type { SourceSummary } from './views.ts';

export async function restateSourceCopies(db: CrosscheckDatabase, summary: SourceSummary): Promise<void> {
  const { url } = summary;
  const [appearanceKeys, allegations] = await Promise.all([
    ofSource(db.appearances, url).primaryKeys(),
    ofSource(db.allegations, url).toArray(),
  ]);
  const claimIds = [...new Set(allegations.flatMap((allegation) => allegation.claim ?? []))];
  const [people, members, claims] = await Promise.all([
    db.people.bulkGet(appearanceKeys.map(([, person]) => person)),
    db.claimMembers.bulkGet(claimIds),
    db.claims.bulkGet(claimIds),
  ]);
  const copy = <T extends { url: string }>(items: T[], replace: (item: T) => T) =>
    items.some((item) => item.url === url) ? items.map((item) => (item.url === url ? replace(item) : item)) : null;
  const reportedFirst = new Map(
    claims.flatMap((claim) => (claim?.sources[0] === url ? [[claim.id, { ...claim, firstReported: summary }]] : [])),
  );
  await Promise.all([
    db.people.bulkPut(
      people.flatMap((person) => {
        const recent = person && copy(person.recent, (entry) => ({ ...entry, source: summary }));
        return person && recent ? [{ ...person, recent }] : [];
      }),
    ),
    db.claimMembers.bulkPut(
      members.flatMap((row) => {
        const sources = row && copy(row.sources, () => summary);
        const claim = row && reportedFirst.get(row.claim);
        if (!row || (!sources && !claim)) return [];
        return [{ ...row, sources: sources ?? row.sources, ...(claim ? { claimSummary: claimSummary(claim) } : {}) }];
      }),
    ),
    db.claims.bulkPut([...reportedFirst.values()]),
  ]);
  // Their people's copies of those claims' summaries, once the people's records above are written.
  if (reportedFirst.size > 0) await restateClaimSummaries(db, reportedFirst);
}
