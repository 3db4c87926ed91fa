/**
 * The small pieces every view is made of, loaded in batches: one read per table however many
 * claims, sources or discrepancies a view shows.
 */
import { Dexie } from 'dexie';
import type { CrosscheckDatabase } from './database.ts';
import type { AllegationRecord, ClaimRecord, DiscrepancyRecord, NoteRecord, SourceRecord } from './records.ts';
import { sourceTime } from './source-time.ts';
import type { ClaimSummary, DiscrepancyView, PersonRef, ReportView, SourceSummary } from './views.ts';

export function sourceSummary(source: SourceRecord): SourceSummary {
  const { url, href, outlet, title, published, publishedTime, firstRead, lastRead } = source;
  return { url, href, outlet, title, published, publishedTime, firstRead, lastRead };
}

/** A person's appearances, one per source, in the order of the sources' times. */
export function appearancesOf(db: CrosscheckDatabase, person: string) {
  return db.appearances.where('[person+time]').between([person, Dexie.minKey], [person, Dexie.maxKey]);
}

/** A note as the reader sees it: without the search index's words. */
export function noteOf(record: NoteRecord): NoteRecord {
  const { id, target, body, tags, colour, created, updated, orphaned } = record;
  return { id, target, body, tags, colour, created, updated, orphaned };
}

export { sourceTime } from './source-time.ts';

/** Loads sources by URL, once each, remembering them for the rest of a view. */
export class SourceCache {
  readonly #db: CrosscheckDatabase;
  readonly #known = new Map<string, SourceRecord | undefined>();

  constructor(db: CrosscheckDatabase) {
    this.#db = db;
  }

  async load(urls: Iterable<string>): Promise<void> {
    const missing = [...new Set(urls)].filter((url) => !this.#known.has(url));
    if (missing.length === 0) return;
    const found = await this.#db.sources.bulkGet(missing);
    missing.forEach((url, index) => this.#known.set(url, found[index]));
  }

  get(url: string): SourceRecord | undefined {
    return this.#known.get(url);
  }

  summary(url: string): SourceSummary | null {
    const source = this.#known.get(url);
    return source ? sourceSummary(source) : null;
  }
}

export async function claimSummaries(claims: ClaimRecord[], sources: SourceCache): Promise<ClaimSummary[]> {
  await sources.load(claims.flatMap((claim) => claim.sources.slice(0, 1)));
  return claims.map((claim) => ({
    id: claim.id,
    summary: claim.summary,
    accused: claim.accused.map((id, index) => ({ id, name: claim.accusedNames[index] ?? '' })),
    stances: claim.stances,
    sourceCount: claim.sources.length,
    firstReported: claim.sources[0] === undefined ? null : sources.summary(claim.sources[0]),
  }));
}

export async function discrepancyViews(records: DiscrepancyRecord[], sources: SourceCache): Promise<DiscrepancyView[]> {
  await sources.load(records.flatMap((record) => record.values.map((value) => value.source)));
  return records.map((record) => ({
    kind: record.kind,
    ...(record.about === undefined ? {} : { about: record.about }),
    values: record.values.map((value) => ({
      source: value.source,
      outlet: sources.get(value.source)?.outlet ?? value.source,
      text: value.text,
    })),
  }));
}

/** Each allegation as its source worded it, the earliest source first. */
export async function reportViews(
  allegations: AllegationRecord[],
  people: Map<string, PersonRef>,
  sources: SourceCache,
): Promise<ReportView[]> {
  await sources.load(allegations.map((allegation) => allegation.source));
  const reports: ReportView[] = [];
  for (const record of allegations) {
    const source = sources.get(record.source);
    if (!source) continue;
    const { allegation } = record;
    reports.push({
      source: sourceSummary(source),
      index: record.index,
      text: allegation.text,
      stance: allegation.stance,
      cue: record.cue,
      accused: record.accused.map((id) => people.get(id) ?? { id, name: '' }),
      attributedTo: allegation.attributedTo,
      selectors: record.selectors,
    });
  }
  return reports.sort((a, b) => sourceTime(a.source) - sourceTime(b.source));
}

/** The names of everyone the allegations accuse. */
export async function personNames(
  db: CrosscheckDatabase,
  allegations: AllegationRecord[],
  names = new Map<string, PersonRef>(),
): Promise<Map<string, PersonRef>> {
  const ids = [...new Set(allegations.flatMap((allegation) => allegation.accused))].filter((id) => !names.has(id));
  for (const person of await db.people.bulkGet(ids)) {
    if (person) names.set(person.id, { id: person.id, name: person.name });
  }
  return names;
}
