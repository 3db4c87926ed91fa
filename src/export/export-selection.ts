/**
 * Which records an export holds, read from the store in two steps: a plan (the keys of every record
 * in scope, small even for a large store) and then batches of records by key. A large store is far
 * beyond what one message between the background and a page may carry, and every batch is a read
 * of its own, so the background stays free for the pages being read meanwhile.
 *
 * In scope are:
 * - everything: every record;
 * - an article: what was found in it, the people and claims it names, and the notes on any of them;
 * - a person: their mentions and the allegations against them in every source, their claims, and
 *   the notes on them and on their claims;
 * - a claim: each source's report of it, the people it accuses, and the notes on it;
 * - a date range: the articles published in it (read in it, when undated) with what was found in
 *   them, and the notes written in it.
 */
import type { ExportScope } from '../messaging/contract.ts';
import type { CrosscheckDatabase } from '../store/database.ts';
import { sourceKeyFor } from '../store/page-view.ts';
import { mentionRecords } from '../store/source-mentions.ts';
import {
  appearancesOf,
  discrepanciesOf,
  discrepancySubject,
  noteOf,
  ofSource,
  sourceTime,
} from '../store/summaries.ts';
import type { BackupRecord, StoreRecords } from './backup-schema.ts';

export interface ExportPlan {
  /** What the scope is, for a reader: "Han Dong", an article's title, "everything". */
  label: string;
  sources: string[];
  people: string[];
  claims: string[];
  notes: string[];
}

export interface ExportBatch {
  sources: string[];
  people: string[];
  claims: string[];
  notes: string[];
}

/** Thrown when the scope names something the store does not hold. */
export class ExportScopeError extends Error {
  override name = 'ExportScopeError';
}

export async function planExport(db: CrosscheckDatabase, scope: ExportScope): Promise<ExportPlan> {
  return db.transaction(
    'r',
    [db.sources, db.people, db.appearances, db.allegations, db.claims, db.notes],
    async (): Promise<ExportPlan> => {
      switch (scope.kind) {
        case 'everything': {
          const [sources, people, claims, notes] = await Promise.all([
            db.sources.toCollection().primaryKeys(),
            db.people.toCollection().primaryKeys(),
            db.claims.toCollection().primaryKeys(),
            db.notes.toCollection().primaryKeys(),
          ]);
          return { label: 'everything', sources, people, claims, notes };
        }
        case 'page':
          return planPage(db, scope.url);
        case 'person':
          return planPerson(db, scope.id);
        case 'claim':
          return planClaim(db, scope.id);
        case 'dates':
          return planDates(db, scope.from, scope.to);
      }
    },
  );
}

/** One batch of the records in scope, stripped of what the store derives for its own indexes. */
export async function exportRecords(
  db: CrosscheckDatabase,
  scope: ExportScope,
  batch: ExportBatch,
): Promise<StoreRecords> {
  return db.transaction(
    'r',
    [db.sources, db.people, db.appearances, db.sourceMentions, db.allegations, db.claims, db.discrepancies, db.notes],
    async () => {
      const focus = await focusOf(db, scope);
      const ofSources = <T>(rows: (url: string) => Promise<T[]>) =>
        Promise.all(batch.sources.map(rows)).then((found) => found.flat());
      const ofSubjects = (kind: 'person' | 'claim', ids: string[]) =>
        Promise.all(ids.map((id) => discrepanciesOf(db, discrepancySubject(kind, id)).toArray())).then((found) =>
          found.flat(),
        );
      const [
        sources,
        appearances,
        mentions,
        allegations,
        people,
        claims,
        personDiscrepancies,
        claimDiscrepancies,
        notes,
      ] = await Promise.all([
        db.sources.bulkGet(batch.sources),
        ofSources((url) => ofSource(db.appearances, url).toArray()),
        focus.mentions === 'none'
          ? []
          : db.sourceMentions.bulkGet(batch.sources).then((rows) => rows.flatMap(mentionRecords)),
        ofSources((url) => ofSource(db.allegations, url).toArray()),
        db.people.bulkGet(batch.people),
        db.claims.bulkGet(batch.claims),
        ofSubjects('person', batch.people),
        ofSubjects('claim', batch.claims),
        db.notes.bulkGet(batch.notes),
      ]);
      return {
        sources: present(sources).map(withoutTerms),
        people: present(people).map(withoutTerms),
        appearances: appearances.filter((row) => focus.person(row.person)),
        mentions: mentions.filter((row) => focus.person(row.person)),
        allegations: allegations.filter((row) => focus.allegation(row)),
        claims: present(claims).map(withoutTerms),
        discrepancies: [...personDiscrepancies, ...claimDiscrepancies],
        notes: present(notes).map(noteOf),
      };
    },
  );
}

/** Which of an exported article's findings a scope keeps: a person's scope keeps theirs only. */
interface Focus {
  mentions: 'all' | 'none';
  person(id: string): boolean;
  allegation(row: BackupRecord<'allegations'>): boolean;
}

async function focusOf(db: CrosscheckDatabase, scope: ExportScope): Promise<Focus> {
  if (scope.kind === 'person') {
    return {
      mentions: 'all',
      person: (id) => id === scope.id,
      allegation: (row) => row.accused.includes(scope.id),
    };
  }
  if (scope.kind === 'claim') {
    const accused = new Set((await db.claims.get(scope.id))?.accused ?? []);
    return { mentions: 'none', person: (id) => accused.has(id), allegation: (row) => row.claim === scope.id };
  }
  return { mentions: 'all', person: () => true, allegation: () => true };
}

async function planPage(db: CrosscheckDatabase, address: string): Promise<ExportPlan> {
  const key = await sourceKeyFor(db, address);
  const source = key ? await db.sources.get(key) : undefined;
  if (!source) throw new ExportScopeError('Crosscheck has not read this page, so there is nothing of it to export.');
  const [appearances, allegations] = await Promise.all([
    ofSource(db.appearances, source.url).toArray(),
    ofSource(db.allegations, source.url).toArray(),
  ]);
  const people = unique(appearances.map((appearance) => appearance.person));
  const claims = unique(allegations.flatMap((allegation) => (allegation.claim ? [allegation.claim] : [])));
  const notes = await notesAbout(db, { sources: [source.url], people, claims });
  return { label: source.title, sources: [source.url], people, claims, notes };
}

async function planPerson(db: CrosscheckDatabase, id: string): Promise<ExportPlan> {
  const person = await db.people.get(id);
  if (!person) throw new ExportScopeError('There is no such person in the store: they may have been deleted.');
  const [sources, allegations] = await Promise.all([
    appearancesOf(db, id).toArray((rows) => rows.map((row) => row.source).reverse()),
    db.allegations.where('accused').equals(id).toArray(),
  ]);
  const claims = unique(allegations.flatMap((allegation) => (allegation.claim ? [allegation.claim] : [])));
  // The others accused alongside them are named in the export, so their names come along.
  const people = unique([id, ...allegations.flatMap((allegation) => allegation.accused)]);
  const notes = await notesAbout(db, { sources: [], people: [id], claims });
  return { label: person.name, sources: unique(sources), people, claims, notes };
}

async function planClaim(db: CrosscheckDatabase, id: string): Promise<ExportPlan> {
  const claim = await db.claims.get(id);
  if (!claim) throw new ExportScopeError('There is no such claim in the store: it may have been deleted.');
  const members = await db.allegations.where('claim').equals(id).toArray();
  const people = unique([...claim.accused, ...members.flatMap((member) => member.accused)]);
  const notes = await notesAbout(db, { sources: [], people: [], claims: [id] });
  return {
    label: claim.summary,
    sources: unique(members.map((member) => member.source)),
    people,
    claims: [id],
    notes,
  };
}

async function planDates(db: CrosscheckDatabase, from = -8.64e15, to = 8.64e15): Promise<ExportPlan> {
  const inRange = (time: number) => time >= from && time <= to;
  const sources = await db.sources.filter((source) => inRange(sourceTime(source))).primaryKeys();
  const [appearances, allegations, written] = await Promise.all([
    Promise.all(sources.map((url) => ofSource(db.appearances, url).toArray())).then((found) => found.flat()),
    Promise.all(sources.map((url) => ofSource(db.allegations, url).toArray())).then((found) => found.flat()),
    db.notes.where('created').between(from, to, true, true).primaryKeys(),
  ]);
  const people = unique(appearances.map((appearance) => appearance.person));
  const claims = unique(allegations.flatMap((allegation) => (allegation.claim ? [allegation.claim] : [])));
  const notes = unique([...written, ...(await notesAbout(db, { sources, people: [], claims: [] }))]).sort();
  return { label: rangeLabel(from, to), sources: sources.sort(), people: people.sort(), claims: claims.sort(), notes };
}

/** The notes on any of these sources (whole or a selection), people or claims. */
async function notesAbout(
  db: CrosscheckDatabase,
  about: { sources: string[]; people: string[]; claims: string[] },
): Promise<string[]> {
  const keys = await Promise.all([
    db.notes.where('target.source').anyOf(about.sources).primaryKeys(),
    db.notes.where('target.person').anyOf(about.people).primaryKeys(),
    db.notes.where('target.claim').anyOf(about.claims).primaryKeys(),
  ]);
  return unique(keys.flat()).sort();
}

function rangeLabel(from: number, to: number): string {
  const day = (time: number) => new Date(time).toISOString().slice(0, 10);
  if (from <= -8.64e15 && to >= 8.64e15) return 'all dates';
  if (from <= -8.64e15) return `until ${day(to)}`;
  if (to >= 8.64e15) return `from ${day(from)}`;
  return `${day(from)} to ${day(to)}`;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function present<T>(rows: (T | undefined)[]): T[] {
  return rows.filter((row): row is T => row !== undefined);
}

/** A row without the search index's words, which the store derives again whenever a row is written. */
function withoutTerms<T extends object>(row: T): Omit<T, 'terms'> {
  const copy: T & { terms?: unknown } = { ...row };
  delete copy.terms;
  return copy;
}
