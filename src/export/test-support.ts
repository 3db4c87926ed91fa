/** For the export tests: a store that has read the two seed articles and holds notes, and exports of it. */
import type { ExportScope } from '../messaging/contract.ts';
import type { CrosscheckDatabase } from '../store/database.ts';
import { ingestArticle } from '../store/ingest.ts';
import { createNote } from '../store/notes.ts';
import type { NoteRecord } from '../store/records.ts';
import { readSettings } from '../store/settings-store.ts';
import { countMentions } from '../store/source-mentions.ts';
import { ofSource } from '../store/summaries.ts';
import { type SeedPage, seedPages } from '../store/test-support.ts';
import { type BackupTable, emptyRecords } from './backup-schema.ts';
import { addRecords, collectExport, type ExportSource } from './collect-export.ts';
import type { ExportData } from './export-data.ts';
import { exportRecords, planExport } from './export-selection.ts';

export const [bbc, wion] = seedPages() as [SeedPage, SeedPage];

/** 23 March 2023, 10:00 UTC: when the tests read the BBC article; the WION one a day later. */
export const readingTime = Date.UTC(2023, 2, 23, 10);

export interface SeededStore {
  hanDong: string;
  spavor: string;
  claim: string;
  notes: { person: NoteRecord; claim: NoteRecord; selection: NoteRecord; source: NoteRecord };
}

/** Reads both seed articles and writes a note of every kind, at fixed times. */
export async function readSeedsWithNotes(db: CrosscheckDatabase): Promise<SeededStore> {
  await ingestArticle(db, bbc.address, bbc.article, readingTime);
  await ingestArticle(db, wion.address, wion.article, readingTime + 86_400_000);
  const person = (name: string) => db.people.filter((row) => row.name === name).first();
  const hanDong = (await person('Han Dong'))?.id as string;
  const spavor = (await person('Michael Spavor'))?.id as string;
  // The claim both outlets report: that he lobbied to keep the two Canadians imprisoned.
  const lobbying = await ofSource(db.allegations, bbc.address.url)
    .filter((row) => row.allegation.text.startsWith('Han Dong has been accused of lobbying'))
    .first();
  const claim = lobbying?.claim as string;
  const text = bbc.article.analysis.text;
  const quoted = 'Mr Dong has denied the allegations against him.';
  const start = text.indexOf(quoted);
  const later = readingTime + 2 * 86_400_000;
  const notes = {
    person: await createNote(
      db,
      { kind: 'person', person: hanDong },
      // Written on WION's page, as the hover card writes notes.
      {
        body: 'Ask his office about the February 2021 meeting.',
        tags: ['Call', 'Ottawa'],
        colour: 'pink',
        writtenOn: wion.address.url,
      },
      later,
    ),
    claim: await createNote(
      db,
      { kind: 'claim', claim },
      {
        body: 'WION says "advised"; the BBC says "suggested". Which did Global News write?',
        tags: ['wording'],
        colour: 'blue',
      },
      later + 1,
    ),
    selection: await createNote(
      db,
      {
        kind: 'selection',
        source: bbc.address.url,
        selectors: {
          quote: {
            type: 'TextQuoteSelector',
            exact: quoted,
            prefix: text.slice(start - 32, start),
            suffix: text.slice(start + quoted.length, start + quoted.length + 32),
          },
          position: { type: 'TextPositionSelector', start, end: start + quoted.length },
        },
      },
      { body: '', tags: [], colour: 'yellow' },
      later + 2,
    ),
    source: await createNote(
      db,
      { kind: 'source', source: wion.address.url },
      {
        body: '=HYPERLINK("http://evil.example","click") <script>alert(1)</script> | # not a heading',
        tags: ['check'],
        colour: 'green',
      },
      later + 3,
    ),
  };
  return { hanDong, spavor, claim, notes };
}

/** The seeded store with one more note, on the WION article, holding `body`. */
export async function seedsWithSourceNote(db: CrosscheckDatabase, body: string): Promise<void> {
  await readSeedsWithNotes(db);
  await createNote(db, { kind: 'source', source: wion.address.url }, { body, tags: [], colour: 'green' }, readingTime);
}

/** The background's export requests, answered straight from the database. */
export function directSource(db: CrosscheckDatabase): ExportSource {
  return { plan: (scope) => planExport(db, scope), records: (scope, batch) => exportRecords(db, scope, batch) };
}

/** An export of the store as the popup gathers it, made at a fixed time. */
export async function exportDataOf(
  db: CrosscheckDatabase,
  scope: ExportScope = { kind: 'everything' },
  generated = Date.UTC(2023, 3, 1, 9),
): Promise<ExportData> {
  const records = emptyRecords();
  const plan = await collectExport(directSource(db), scope, (batch) => addRecords(records, batch));
  return {
    ...records,
    scope,
    label: plan.label,
    generated,
    generator: 'Crosscheck 0.1.0',
    settings: await readSettings(db),
  };
}

/** How many rows of a backup's table the store holds: a source's mentions are stored in one row, and counted one by one. */
export function storedRows(db: CrosscheckDatabase, table: BackupTable): Promise<number> {
  return table === 'mentions' ? countMentions(db) : db[table].count();
}
