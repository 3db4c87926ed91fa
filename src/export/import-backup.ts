/**
 * Writing a checked backup into the store, in one transaction: it all goes in, or (a refusal by the
 * browser, a stopped background) none of it does.
 *
 * Into an empty store the backup is restored exactly as it was made: exporting again gives the same
 * file. Into a store that already holds articles it is merged, the way reading its articles would
 * have merged them, and importing it twice changes nothing the second time:
 * - an article the store lacks is added with what was found in it; of two versions of one article,
 *   the one read more recently is kept whole (its findings with it);
 * - a person or claim is the store's own when it has the same id (an earlier import of the same
 *   backup), when the same version of an article names them in the same place, or when the
 *   analysis engine links them, as it links a newly read article's people and claims. Linking
 *   pairs people one to one, so two people the backup tells apart are never merged;
 * - the people and claims that changed are brought up to date from their sources, with their
 *   spellings and discrepancies;
 * - a note the store has too is kept in whichever version was changed last;
 * - the settings keep the store's mode and add the backup's switched-off sites.
 */
import { type ClaimReport, claimKeys, matchClaim, matchDocumentPeople } from '../analysis/index.ts';
import type { IndexableType, Table } from 'dexie';
import type { CrosscheckDatabase } from '../store/database.ts';
import {
  firstReportedFirst,
  membership,
  recountPeople,
  refreshClaim,
  refreshPerson,
  restateClaimMembers,
} from '../store/linking.ts';
import type {
  AllegationRecord,
  ClaimRecord,
  MentionRecord,
  NoteRecord,
  PersonRecord,
  SourceMentionsRecord,
  SourceRecord,
} from '../store/records.ts';
import { sourceMentionsRows } from '../store/source-mentions.ts';
import { rowsWithAny } from '../store/index-queries.ts';
import { lookupKeys } from '../store/person-blocking.ts';
import { changeSettings, readSettings } from '../store/settings-store.ts';
import { sourceTime } from '../store/source-time.ts';
import { ofSource } from '../store/summaries.ts';
import type { Settings } from '../settings.ts';
import type { BackupRecord, StoreRecords } from './backup-schema.ts';
import { compareStrings } from './export-data.ts';
import { groupBy } from '../group-by.ts';
import type { ImportResult } from './import-outcome.ts';
import { notesDiffer } from './note-merge.ts';
import { notesWithSubjectsChecked } from './note-targets.ts';

export type ImportProgress = (written: number, total: number) => void;

/** Rows per write request batch: the transaction yields between batches, so the background stays responsive. */
const batchSize = 2_000;

export interface BackupContents extends StoreRecords {
  settings: Settings;
}

export async function importBackup(
  db: CrosscheckDatabase,
  backup: BackupContents,
  progress: ImportProgress = () => undefined,
): Promise<ImportResult> {
  return db.transaction('rw', db.tables, async () => {
    const empty = (await Promise.all([db.sources, db.people, db.claims, db.notes].map((table) => table.count()))).every(
      (count) => count === 0,
    );
    // A note about something neither the file nor the store holds is kept, orphaned, and counted
    // among the notes this import writes.
    const { notes, unattached } = await notesWithSubjectsChecked(db, backup);
    const contents = { ...backup, notes };
    const result = await (empty
      ? restore(db, contents, unattached, progress)
      : new Merge(db, contents, unattached, progress).run());
    // Derived, so counted from what the store now holds rather than taken from the file: the claims'
    // copies of their sources first, since the people's copies of the claims are taken from them.
    await restateClaimMembers(db);
    await recountPeople(db);
    return result;
  });
}

/** Writes rows in batches, reporting each. */
class Writer {
  written = 0;
  readonly #progress: ImportProgress;
  readonly total: number;

  constructor(total: number, progress: ImportProgress) {
    this.total = total;
    this.#progress = progress;
  }

  /** `weight`: how many of the backup's rows a row stands for (a source's mentions are written as one). */
  async put<T>(
    table: { bulkPut(rows: T[]): Promise<unknown> },
    rows: T[],
    weight: (row: T) => number = () => 1,
  ): Promise<void> {
    let batch: T[] = [];
    let weighed = 0;
    const write = async () => {
      await table.bulkPut(batch);
      this.written += weighed;
      this.#progress(Math.min(this.written, this.total), this.total);
      batch = [];
      weighed = 0;
    };
    for (const row of rows) {
      batch.push(row);
      weighed += weight(row);
      if (weighed >= batchSize) await write();
    }
    if (batch.length > 0) await write();
  }

  /** Writes mentions in the store's form, a row per source, counting each mention as a row of the backup. */
  putMentions(table: Table<SourceMentionsRecord, string>, mentions: MentionRecord[]): Promise<void> {
    return this.put(table, sourceMentionsRows(mentions), (row) => row.mentions.length);
  }
}

async function restore(
  db: CrosscheckDatabase,
  backup: BackupContents,
  unattached: ReadonlySet<string>,
  progress: ImportProgress,
): Promise<ImportResult> {
  const tables = [
    [db.sources, backup.sources],
    [db.people, backup.people],
    [db.appearances, backup.appearances],
    [db.allegations, backup.allegations],
    [db.claims, withMembership(backup)],
    [db.discrepancies, backup.discrepancies],
    [db.notes, backup.notes],
  ] as const;
  const writer = new Writer(
    tables.reduce((sum, [, rows]) => sum + rows.length, 0),
    progress,
  );
  // Leftovers of an earlier store (findings of articles since forgotten) must not mix with the backup's.
  await Promise.all([
    db.appearances.clear(),
    db.sourceMentions.clear(),
    db.allegations.clear(),
    db.discrepancies.clear(),
  ]);
  for (const [table, rows] of tables) await writer.put(table as { bulkPut(rows: unknown[]): Promise<unknown> }, rows);
  await writer.putMentions(db.sourceMentions, backup.mentions);
  await changeSettings(db, backup.settings);
  return {
    sources: { added: backup.sources.length, updated: 0, unchanged: 0 },
    people: { added: backup.people.length, merged: 0, unchanged: 0 },
    claims: { added: backup.claims.length, merged: 0, unchanged: 0 },
    notes: { added: backup.notes.length, updated: 0, unchanged: 0, orphaned: unattached.size },
  };
}

/** The backup's claims, what their records keep of their allegations counted again from the backup's. */
function withMembership({ claims, allegations, sources }: BackupContents): ClaimRecord[] {
  const members = groupBy(allegations, (allegation) => allegation.claim);
  const byUrl = new Map(sources.map((source) => [source.url, source]));
  return claims.map((claim) => ({
    ...claim,
    ...membership(firstReportedFirst(members.get(claim.id) ?? [], byUrl)),
  }));
}

type SourceDecision = 'add' | 'same' | 'replace' | 'keep';

class Merge {
  readonly #db: CrosscheckDatabase;
  readonly #backup: BackupContents;
  readonly #writer: Writer;
  /** The backup's notes about something neither the file nor the store holds. */
  readonly #unattached: ReadonlySet<string>;
  /** Backup person and claim ids → the store's. */
  readonly #people = new Map<string, string>();
  readonly #claims = new Map<string, string>();
  /** Store people and claims some backup person or claim has become: one each. */
  readonly #takenPeople = new Set<string>();
  readonly #takenClaims = new Set<string>();
  readonly #decisions = new Map<string, SourceDecision>();
  readonly #storedSources = new Map<string, SourceRecord>();
  /** Store ids of the people and claims whose sources this import changes. */
  readonly #stalePeople = new Set<string>();
  readonly #staleClaims = new Set<string>();
  readonly #result: ImportResult = {
    sources: { added: 0, updated: 0, unchanged: 0 },
    people: { added: 0, merged: 0, unchanged: 0 },
    claims: { added: 0, merged: 0, unchanged: 0 },
    notes: { added: 0, updated: 0, unchanged: 0, orphaned: 0 },
  };

  constructor(
    db: CrosscheckDatabase,
    backup: BackupContents,
    unattached: ReadonlySet<string>,
    progress: ImportProgress,
  ) {
    this.#db = db;
    this.#backup = backup;
    this.#unattached = unattached;
    const { sources, appearances, mentions, allegations, people, claims, notes } = backup;
    const total = [sources, appearances, mentions, allegations, people, claims, notes].reduce(
      (sum, rows) => sum + rows.length,
      0,
    );
    this.#writer = new Writer(total, progress);
  }

  async run(): Promise<ImportResult> {
    await this.#decideSources();
    await this.#linkPeople();
    await this.#linkClaims();
    await this.#writeSources();
    await this.#writePeople();
    await this.#writeClaims();
    await this.#writeNotes();
    await this.#mergeSettings();
    return this.#result;
  }

  async #decideSources(): Promise<void> {
    const { sources } = this.#backup;
    const stored = await this.#db.sources.bulkGet(sources.map((source) => source.url));
    sources.forEach((source, index) => {
      const existing = stored[index];
      if (!existing) {
        this.#decisions.set(source.url, 'add');
        return;
      }
      this.#storedSources.set(source.url, existing);
      if (existing.contentHash === source.contentHash) this.#decisions.set(source.url, 'same');
      else this.#decisions.set(source.url, source.lastRead > existing.lastRead ? 'replace' : 'keep');
    });
  }

  /** The store's rows of a table for each article it holds in the same version as the backup. */
  async #storedOfSameSources<T, K extends [string, IndexableType]>(table: Table<T, K>): Promise<Map<string, T[]>> {
    const same = [...this.#decisions].flatMap(([url, decision]) => (decision === 'same' ? [url] : []));
    return new Map(await Promise.all(same.map(async (url) => [url, await ofSource(table, url).toArray()] as const)));
  }

  /** Whether the backup's findings in this article are written (its version is the one kept). */
  #findingsWritten(url: string): boolean {
    const decision = this.#decisions.get(url);
    return decision === 'add' || decision === 'replace';
  }

  #person(id: string): string {
    return this.#people.get(id) ?? id;
  }

  #claim(id: string): string {
    return this.#claims.get(id) ?? id;
  }

  async #linkPeople(): Promise<void> {
    const db = this.#db;
    const { people } = this.#backup;
    for (const person of await db.people.bulkGet(people.map((person) => person.id))) {
      if (person) this.#pair(this.#people, this.#takenPeople, person.id, person.id);
    }
    const appearances = groupBy(this.#backup.appearances, (row) => row.source);
    // The same version of an article names the same people under the same local ids.
    for (const [url, rows] of await this.#storedOfSameSources(db.appearances)) {
      const byLocal = new Map(rows.map((row) => [row.local, row.person]));
      for (const appearance of appearances.get(url) ?? []) {
        const match = byLocal.get(appearance.local);
        if (match) this.#pair(this.#people, this.#takenPeople, appearance.person, match);
      }
    }
    // The rest are linked article by article, in the order they were published, as reading them would.
    const byId = new Map(people.map((person) => [person.id, person]));
    const time = new Map(this.#backup.sources.map((source) => [source.url, sourceTime(source)]));
    const order = [...appearances.keys()].sort(
      (a, b) => (time.get(a) ?? 0) - (time.get(b) ?? 0) || compareStrings(a, b),
    );
    const appearing = new Set(this.#backup.appearances.map((row) => row.person));
    const groups = [
      ...order.map((url) => (appearances.get(url) ?? []).map((row) => row.person)),
      // People no article names any more (kept for a note) are linked on their own.
      ...people.filter((person) => !appearing.has(person.id)).map((person) => [person.id]),
    ];
    for (const group of groups) {
      const candidates = group.filter((id) => !this.#people.has(id)).flatMap((id) => byId.get(id) ?? []);
      if (candidates.length === 0) continue;
      const keys = [...new Set(candidates.flatMap((person) => lookupKeys(person.profile)))];
      const nearby = (await rowsWithAny(db.people, 'keys', keys))
        .filter((person) => !this.#takenPeople.has(person.id) && !byId.has(person.id))
        .sort((a, b) => a.firstSeen - b.firstSeen || compareStrings(a.id, b.id));
      const matches = matchDocumentPeople(
        candidates.map((person) => person.profile),
        nearby.map((person) => person.profile),
      );
      matches.forEach((match, index) => {
        const target = match ? nearby[match.index] : undefined;
        if (target) this.#pair(this.#people, this.#takenPeople, (candidates[index] as PersonRecord).id, target.id);
      });
    }
  }

  async #linkClaims(): Promise<void> {
    const db = this.#db;
    const { claims, allegations } = this.#backup;
    for (const claim of await db.claims.bulkGet(claims.map((claim) => claim.id))) {
      if (claim) this.#pair(this.#claims, this.#takenClaims, claim.id, claim.id);
    }
    const bySource = groupBy(allegations, (allegation) => allegation.source);
    for (const [url, rows] of await this.#storedOfSameSources(db.allegations)) {
      const byIndex = new Map(rows.map((row) => [row.index, row.claim]));
      for (const allegation of bySource.get(url) ?? []) {
        const match = byIndex.get(allegation.index);
        if (allegation.claim && match) this.#pair(this.#claims, this.#takenClaims, allegation.claim, match);
      }
    }
    const members = groupBy(allegations, (allegation) => allegation.claim);
    const backupIds = new Set(claims.map((claim) => claim.id));
    for (const claim of claims) {
      if (this.#claims.has(claim.id)) continue;
      const group = (members.get(claim.id) ?? []).flatMap((member) =>
        member.report ? [this.#report(member.report)] : [],
      );
      const keys = [...new Set(group.flatMap(claimKeys))];
      if (keys.length === 0) continue;
      const nearby = (await rowsWithAny(db.claims, 'keys', keys))
        .filter((stored) => !this.#takenClaims.has(stored.id) && !backupIds.has(stored.id))
        .sort((a, b) => a.created - b.created || compareStrings(a.id, b.id));
      const reports = await db.allegations
        .where('claim')
        .anyOf(nearby.map((stored) => stored.id))
        .toArray();
      const known = nearby.map((stored) =>
        reports.flatMap((report) => (report.claim === stored.id && report.report ? [report.report] : [])),
      );
      const match = matchClaim(group, known);
      const target = match === null ? undefined : nearby[match];
      if (target) this.#pair(this.#claims, this.#takenClaims, claim.id, target.id);
    }
  }

  #pair(map: Map<string, string>, taken: Set<string>, from: string, to: string): void {
    if (map.has(from) || taken.has(to)) return;
    map.set(from, to);
    taken.add(to);
  }

  /** A report with the backup's person ids as the store's. */
  #report(report: ClaimReport): ClaimReport {
    return {
      ...report,
      accusedIds: report.accusedIds.map((id) => this.#person(id)),
      mentionedIds: report.mentionedIds.map((id) => this.#person(id)),
    };
  }

  async #writeSources(): Promise<void> {
    const db = this.#db;
    const { sources, appearances, mentions, allegations } = this.#backup;
    const merged: SourceRecord[] = [];
    for (const source of sources) {
      const decision = this.#decisions.get(source.url) as SourceDecision;
      const stored = this.#storedSources.get(source.url);
      if (decision === 'add' || !stored) {
        merged.push(source);
        this.#result.sources.added++;
        continue;
      }
      const kept = decision === 'replace' ? source : stored;
      const aliases = [...new Set([...stored.aliases, ...source.aliases])];
      // An address either side knows as a copy's stays one: the other may not have read it since.
      const copies = [...new Set([...(stored.copies ?? []), ...(source.copies ?? [])])];
      const firstRead = Math.min(stored.firstRead, source.firstRead);
      const lastRead = Math.max(stored.lastRead, source.lastRead);
      if (
        kept !== stored ||
        aliases.length !== stored.aliases.length ||
        copies.length !== (stored.copies?.length ?? 0) ||
        firstRead !== stored.firstRead ||
        lastRead !== stored.lastRead
      ) {
        // Either side's copies are among these, so a record with copies is never left with none.
        merged.push({ ...kept, aliases, ...(copies.length > 0 ? { copies } : {}), firstRead, lastRead });
      }
      if (decision === 'replace') {
        this.#result.sources.updated++;
        // What the store's version found goes; the people and claims it named are brought up to date.
        const [oldAppearances, oldAllegations] = await Promise.all([
          ofSource(db.appearances, source.url).toArray(),
          ofSource(db.allegations, source.url).toArray(),
        ]);
        oldAppearances.forEach((row) => this.#stalePeople.add(row.person));
        oldAllegations.forEach((row) => row.claim && this.#staleClaims.add(row.claim));
        await Promise.all([
          ofSource(db.appearances, source.url).delete(),
          db.sourceMentions.delete(source.url),
          ofSource(db.allegations, source.url).delete(),
        ]);
      } else {
        this.#result.sources.unchanged++;
      }
    }
    await this.#writer.put(db.sources, merged);

    const written = <T extends { source: string }>(rows: T[]) =>
      rows.filter((row) => this.#findingsWritten(row.source));
    const newAppearances = written(appearances).map((row) => ({ ...row, person: this.#person(row.person) }));
    newAppearances.forEach((row) => this.#stalePeople.add(row.person));
    await this.#writer.put(db.appearances, newAppearances);
    await this.#writer.putMentions(
      db.sourceMentions,
      written(mentions).map((row) => ({ ...row, person: this.#person(row.person) })),
    );
    const newAllegations = written(allegations).map((row) => this.#allegation(row));
    newAllegations.forEach((row) => row.claim && this.#staleClaims.add(row.claim));
    await this.#writer.put(db.allegations, newAllegations);
  }

  #allegation(row: BackupRecord<'allegations'>): AllegationRecord {
    const { report, claim, ...rest } = row;
    return {
      ...rest,
      accused: row.accused.map((id) => this.#person(id)),
      ...(report ? { report: this.#report(report) } : {}),
      ...(claim ? { claim: this.#claim(claim) } : {}),
    };
  }

  async #writePeople(): Promise<void> {
    const db = this.#db;
    await this.#writeLinked({
      kind: 'people',
      table: db.people,
      rows: this.#backup.people,
      storeId: (id) => this.#person(id),
      stale: this.#stalePeople,
      noted: this.#notedIds('person'),
      merge: (stored, person) => ({
        ...stored,
        firstSeen: Math.min(stored.firstSeen, person.firstSeen),
        lastSeen: Math.max(stored.lastSeen, person.lastSeen),
      }),
      added: (person) => person,
      refresh: (person) => refreshPerson(db, person, { rebuild: true, now: person.lastSeen }),
    });
  }

  async #writeClaims(): Promise<void> {
    const db = this.#db;
    await this.#writeLinked({
      kind: 'claims',
      table: db.claims,
      rows: this.#backup.claims,
      storeId: (id) => this.#claim(id),
      stale: this.#staleClaims,
      noted: this.#notedIds('claim'),
      merge: (stored, claim) => (claim.created < stored.created ? { ...stored, created: claim.created } : null),
      added: (claim) => ({ ...claim, accused: claim.accused.map((person) => this.#person(person)) }),
      refresh: (claim) => refreshClaim(db, claim),
    });
  }

  /**
   * The backup's people or claims: one linked with the store's keeps the store's record (with the
   * earlier first sighting); a new one is added when an article kept names it or a note is about
   * it; then each whose sources changed is brought up to date from them.
   */
  async #writeLinked<R extends { id: string }>(options: {
    kind: 'people' | 'claims';
    table: { bulkGet(ids: string[]): Promise<(R | undefined)[]>; bulkPut(rows: R[]): Promise<unknown> };
    rows: R[];
    storeId: (id: string) => string;
    stale: Set<string>;
    noted: Set<string>;
    /** The store's record with what the backup's adds, or null when it adds nothing. */
    merge: (stored: R, incoming: R) => R | null;
    added: (incoming: R) => R;
    refresh: (record: R) => Promise<unknown>;
  }): Promise<void> {
    const { kind, table, rows, storeId, stale, noted } = options;
    const counts = this.#result[kind];
    const stored = await table.bulkGet(rows.map((row) => storeId(row.id)));
    const changed: R[] = [];
    rows.forEach((row, index) => {
      const existing = stored[index];
      if (existing && existing.id !== row.id) {
        counts.merged++;
        const merged = options.merge(existing, row);
        if (merged) changed.push(merged);
      } else if (existing) {
        counts.unchanged++;
      } else if (stale.has(row.id) || noted.has(row.id)) {
        changed.push(options.added(row));
        counts.added++;
      }
    });
    await this.#writer.put(table, changed);
    for (const record of await table.bulkGet([...stale])) if (record) await options.refresh(record);
  }

  #notedIds(kind: 'person' | 'claim'): Set<string> {
    const ids = new Set<string>();
    for (const { target } of this.#backup.notes) {
      if (target.kind === 'person' && kind === 'person') ids.add(target.person);
      if (target.kind === 'claim' && kind === 'claim') ids.add(target.claim);
    }
    return ids;
  }

  async #writeNotes(): Promise<void> {
    const db = this.#db;
    const notes = this.#backup.notes.map((note) => this.#note(note));
    const stored = await db.notes.bulkGet(notes.map((note) => note.id));
    const changed: NoteRecord[] = [];
    const counts = this.#result.notes;
    notes.forEach((note, index) => {
      const existing = stored[index];
      if (!existing) {
        changed.push(note);
        counts.added++;
      } else if (note.updated > existing.updated && notesDiffer(note, existing)) {
        // Where a note was written never changes: a backup from before notes kept it does not take it away.
        changed.push(
          existing.writtenOn === undefined || note.writtenOn ? note : { ...note, writtenOn: existing.writtenOn },
        );
        counts.updated++;
      } else {
        counts.unchanged++;
      }
    });
    // Of the notes written, not of those already stored as they are: importing twice leaves none the second time.
    counts.orphaned = changed.filter((note) => this.#unattached.has(note.id)).length;
    await this.#writer.put(db.notes, changed);
  }

  #note(note: BackupRecord<'notes'>): NoteRecord {
    const { target } = note;
    if (target.kind === 'person') return { ...note, target: { kind: 'person', person: this.#person(target.person) } };
    if (target.kind === 'claim') return { ...note, target: { kind: 'claim', claim: this.#claim(target.claim) } };
    return note;
  }

  async #mergeSettings(): Promise<void> {
    const current = await readSettings(this.#db);
    const sites = [...new Set([...current.disabledSites, ...this.#backup.settings.disabledSites])];
    if (sites.length !== current.disabledSites.length) await changeSettings(this.#db, { disabledSites: sites });
  }
}
