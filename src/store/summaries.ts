/**
 * The small pieces every view is made of. A view first gathers what its records refer to (sources
 * by URL, people by id) and reads them all in one batch; the pieces are then built without another
 * read. In a browser every read is a round trip, so a view costs a few of them, not one per item.
 */
import { Dexie, type IndexableType, type Table } from 'dexie';
import type { CrosscheckDatabase } from './database.ts';
import type {
  AllegationRecord,
  ClaimRecord,
  DiscrepancyRecord,
  NoteRecord,
  PersonRecord,
  SourceRecord,
} from './records.ts';
import { hostnameOf } from '../settings.ts';
import { siteOf } from './canonical-url.ts';
import { sourceTime } from './source-time.ts';
import {
  type ClaimSummary,
  type DiscrepancyView,
  type NoteView,
  type PersonRef,
  type ReportView,
  type SourceSummary,
  sourceSummaryKeys,
} from './views.ts';

export function sourceSummary(source: SourceRecord): SourceSummary {
  const summary: Partial<Record<keyof SourceSummary, unknown>> = {};
  for (const key of sourceSummaryKeys) if (source[key] !== undefined) summary[key] = source[key];
  return summary as SourceSummary;
}

/**
 * What a view shows of a claim: copied into the records that list it (see `PersonRecord.claimSummaries`
 * and `ClaimMembersRecord.claimSummary`), so a page's lookup reads no claim's whole record.
 */
export function claimSummary(claim: ClaimRecord): ClaimSummary {
  return {
    id: claim.id,
    summary: claim.summary,
    accused: claim.accused.map((id, index) => ({ id, name: claim.accusedNames[index] ?? '' })),
    stances: claim.stances,
    sourceCount: claim.sourceCount,
    firstReported: claim.firstReported ?? null,
  };
}

/** The summaries of these sources, by URL, in one batch (a source no longer stored has none). */
export async function sourceSummaries(
  sources: Table<SourceRecord, string>,
  urls: Iterable<string>,
): Promise<Map<string, SourceSummary>> {
  const distinct = [...new Set(urls)];
  const found = distinct.length > 0 ? await sources.bulkGet(distinct) : [];
  return new Map(found.flatMap((source) => (source ? [[source.url, sourceSummary(source)] as const] : [])));
}

/** A person's appearances, one per source, the most recent source first. */
export function appearancesOf(db: CrosscheckDatabase, person: string) {
  return db.appearances.where('[person+recency]').between([person, Dexie.minKey], [person, Dexie.maxKey]);
}

/** The rows of a table keyed by source first that belong to one source: one range of primary keys. */
export function ofSource<T, K extends [string, IndexableType]>(table: Table<T, K>, url: string) {
  return table.where(':id').between([url, Dexie.minKey], [url, Dexie.maxKey]);
}

export { discrepancySubject } from './discrepancy-subject.ts';

/** A person's or a claim's discrepancies (see `discrepancySubject`), in order. */
export function discrepanciesOf(db: CrosscheckDatabase, subject: string) {
  return db.discrepancies.where(':id').between([subject, Dexie.minKey], [subject, Dexie.maxKey]);
}

/** A note as the reader sees it: without the search index's words. */
export function noteOf(record: NoteRecord): NoteRecord {
  const { id, target, body, tags, colour, created, updated, orphaned, writtenOn } = record;
  return {
    id,
    target,
    body,
    tags,
    colour,
    created,
    updated,
    orphaned,
    ...(writtenOn === undefined ? {} : { writtenOn }),
  };
}

export { sourceTime } from './source-time.ts';

/** The sources and people a view's records refer to. */
export interface References {
  sources?: Iterable<string>;
  people?: Iterable<string>;
}

export function referencesOf(records: {
  discrepancies?: DiscrepancyRecord[];
  allegations?: AllegationRecord[];
  notes?: NoteRecord[];
}): Required<References> {
  return {
    sources: [
      ...(records.discrepancies ?? []).flatMap((record) => record.values.map((value) => value.source)),
      ...(records.allegations ?? []).map((allegation) => allegation.source),
      ...(records.notes ?? []).flatMap((note) => (note.writtenOn === undefined ? [] : [note.writtenOn])),
    ],
    people: (records.allegations ?? []).flatMap((allegation) => allegation.accused),
  };
}

/** The sources and people a view refers to, read in one batch, and the view's pieces built from them. */
export class Referenced {
  readonly #db: CrosscheckDatabase;
  readonly #sources = new Map<string, SourceSummary | undefined>();
  readonly #people = new Map<string, PersonRef | undefined>();

  constructor(db: CrosscheckDatabase) {
    this.#db = db;
  }

  /** Sources whose summaries the view has read already, copied in other records: loading does not read them. */
  knowSources(summaries: Iterable<SourceSummary>): void {
    for (const summary of summaries) this.#sources.set(summary.url, summary);
  }

  /** People the view has read already: loading does not read them again. */
  knowPeople(people: Iterable<PersonRecord | undefined>): void {
    for (const person of people) if (person) this.#people.set(person.id, { id: person.id, name: person.name });
  }

  async load(...references: References[]): Promise<void> {
    const missing = <T>(known: Map<string, T>, keys: Iterable<string>) =>
      [...new Set(keys)].filter((key) => !known.has(key));
    const sources = missing(
      this.#sources,
      references.flatMap((reference) => [...(reference.sources ?? [])]),
    );
    const people = missing(
      this.#people,
      references.flatMap((reference) => [...(reference.people ?? [])]),
    );
    const [foundSources, foundPeople] = await Promise.all([
      sources.length > 0 ? this.#db.sources.bulkGet(sources) : [],
      people.length > 0 ? this.#db.people.bulkGet(people) : [],
    ]);
    sources.forEach((url, index) => {
      const source = foundSources[index];
      this.#sources.set(url, source && sourceSummary(source));
    });
    people.forEach((id, index) => {
      const person = foundPeople[index];
      this.#people.set(id, person && { id: person.id, name: person.name });
    });
  }

  source(url: string): SourceSummary | undefined {
    return this.#sources.get(url);
  }

  /**
   * A copy: a view lists one source in several places, and some ways of carrying a view (WebDriver
   * BiDi's serialisation, for one) send an object met twice as a reference that does not come back.
   */
  summary(url: string): SourceSummary | null {
    const source = this.#sources.get(url);
    return source ? { ...source } : null;
  }

  person(id: string): PersonRef {
    return this.#people.get(id) ?? { id, name: '' };
  }

  discrepancy(record: DiscrepancyRecord): DiscrepancyView {
    return {
      kind: record.kind,
      ...(record.about === undefined ? {} : { about: record.about }),
      values: record.values.map((value) => ({
        source: value.source,
        outlet: this.#sources.get(value.source)?.outlet ?? value.source,
        text: value.text,
      })),
    };
  }

  /**
   * A note as the view shows it: with where it was written, if a page wrote it. The outlet is what that
   * page called itself, so it comes with the site, which the page cannot choose: a page that names
   * itself "BBC News" cannot pass its notes off as the BBC's page's.
   */
  note(record: NoteRecord): NoteView {
    const note = noteOf(record);
    if (note.writtenOn === undefined) return note;
    const host = hostnameOf(note.writtenOn);
    const site = host === null ? note.writtenOn : siteOf(host);
    const outlet = this.#sources.get(note.writtenOn)?.outlet;
    const named = outlet === undefined || outlet.toLowerCase() === site ? site : `${outlet} (${site})`;
    return { ...note, writtenOnOutlet: named };
  }

  /** Each allegation as its source worded it, the earliest source first. */
  reports(allegations: AllegationRecord[]): ReportView[] {
    const reports: ReportView[] = [];
    for (const record of allegations) {
      const source = this.summary(record.source);
      if (!source) continue;
      const { allegation } = record;
      reports.push({
        source,
        index: record.index,
        text: allegation.text,
        stance: allegation.stance,
        cue: record.cue,
        accused: record.accused.map((id) => this.person(id)),
        attributedTo: allegation.attributedTo,
        selectors: record.selectors,
      });
    }
    return reports.sort((a, b) => sourceTime(a.source) - sourceTime(b.source));
  }
}
