/**
 * Checks a parsed backup before anything of it is used: what the file says it is, then every record
 * against its table's schema, then what the schemas cannot see (two records with one key, findings
 * about an article the backup does not have). A file with a problem is refused whole, with where
 * and what: a backup is restored entirely or not at all.
 */
import * as v from 'valibot';
import {
  type Backup,
  backupFormat,
  backupHeaderSchema,
  type BackupTable,
  backupTables,
  backupVersion,
  recordSchemas,
  type StoreRecords,
} from './backup-schema.ts';
import { ImportError, type ImportProblem, problemOf } from './import-problems.ts';

/** Enough to fix a file without drowning the reader; the count of the rest is given. */
const problemsShown = 5;

export type ValidationProgress = (checked: number, total: number) => void;

/** Whether a parsed file says it is a Crosscheck backup (of any version). */
export function looksLikeBackup(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === backupFormat;
}

/** The backup, checked; or an ImportError that says where the file is wrong and what is wrong. */
export function validateBackup(value: unknown, progress: ValidationProgress = () => undefined): Backup {
  const header = checkHeader(value);
  const problems: ImportProblem[] = [];
  let total = 0;
  const note = (problem: ImportProblem) => {
    total++;
    if (problems.length < problemsShown) problems.push(problem);
  };

  const records = {} as StoreRecords;
  const count = backupTables.reduce((sum, table) => sum + header[table].length, 0);
  let checked = 0;
  for (const table of backupTables) {
    const rows = header[table];
    const valid: unknown[] = [];
    for (const [index, row] of rows.entries()) {
      const result = v.safeParse(recordSchemas[table], row);
      if (result.success) valid.push(result.output);
      else for (const issue of result.issues) note(problemOf(issue, [table, index]));
      if (++checked % 2_000 === 0) progress(checked, count);
    }
    (records as Record<BackupTable, unknown[]>)[table] = valid;
  }
  progress(count, count);
  if (total === 0) for (const problem of integrityProblems(records)) note(problem);
  if (total > 0) throw new ImportError(problems, total);
  return { ...header, ...records };
}

function checkHeader(value: unknown): v.InferOutput<typeof backupHeaderSchema> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ImportError('This file is not a Crosscheck backup: it holds no backup header.');
  }
  const { format, version } = value as { format?: unknown; version?: unknown };
  if (format !== backupFormat) {
    throw new ImportError([{ path: 'format', message: `expected "${backupFormat}": this is not a Crosscheck backup` }]);
  }
  if (typeof version === 'number' && Number.isInteger(version) && version > backupVersion) {
    throw new ImportError(
      `This backup was made by a newer Crosscheck (backup format ${version}; this one reads up to ${backupVersion}). Update Crosscheck, then import it again.`,
    );
  }
  const result = v.safeParse(backupHeaderSchema, value);
  if (!result.success)
    throw new ImportError(
      result.issues.slice(0, problemsShown).map((issue) => problemOf(issue)),
      result.issues.length,
    );
  return result.output;
}

/**
 * Problems between records: duplicated keys, and findings about an article, a person or a claim the
 * backup does not hold. Notes are not checked here: a note may be about something the reader's store
 * holds (an export of a date range holds the notes written in it, whatever they are about), and one
 * whose subject is nowhere is kept all the same (see `note-targets.ts`).
 */
export function integrityProblems(records: StoreRecords): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const unique = <T>(table: BackupTable, rows: T[], key: (row: T) => string) => {
    const seen = new Map<string, number>();
    rows.forEach((row, index) => {
      const id = key(row);
      const first = seen.get(id);
      if (first === undefined) seen.set(id, index);
      else problems.push({ path: `${table}[${index}]`, message: `the same record as ${table}[${first}] (${id})` });
    });
  };
  unique('sources', records.sources, (source) => source.url);
  unique('people', records.people, (person) => person.id);
  unique('claims', records.claims, (claim) => claim.id);
  unique('notes', records.notes, (note) => note.id);
  unique('appearances', records.appearances, (row) => `${row.source} ${row.person}`);
  unique('mentions', records.mentions, (row) => `${row.source} #${row.index}`);
  unique('allegations', records.allegations, (row) => `${row.source} #${row.index}`);
  unique('discrepancies', records.discrepancies, (row) => `${row.subject} #${row.index}`);
  // A copy is one of the addresses the article is found by, marked as joined by its text alone.
  records.sources.forEach((source, index) => {
    source.copies?.forEach((copy, at) => {
      if (!source.aliases.includes(copy)) {
        problems.push({
          path: `sources[${index}].copies[${at}]`,
          message: `not one of the article's aliases: ${copy}`,
        });
      }
    });
  });

  const held = {
    article: { keys: new Set(records.sources.map((source) => source.url)), in: 'sources', by: 'address' },
    person: { keys: new Set(records.people.map((person) => person.id)), in: 'people', by: 'id' },
    claim: { keys: new Set(records.claims.map((claim) => claim.id)), in: 'claims', by: 'id' },
  };
  const refer = (path: string, kind: keyof typeof held, key: string) => {
    const { keys, in: table, by } = held[kind];
    if (!keys.has(key)) problems.push({ path, message: `no ${kind} with this ${by} in ${table}: ${key}` });
  };
  for (const table of ['appearances', 'mentions', 'allegations'] as const) {
    records[table].forEach((row, index) => refer(`${table}[${index}].source`, 'article', row.source));
  }
  for (const table of ['appearances', 'mentions'] as const) {
    records[table].forEach((row, index) => refer(`${table}[${index}].person`, 'person', row.person));
  }
  records.allegations.forEach((row, index) => {
    row.accused.forEach((person, at) => refer(`allegations[${index}].accused[${at}]`, 'person', person));
    if (row.claim !== undefined) refer(`allegations[${index}].claim`, 'claim', row.claim);
  });
  records.discrepancies.forEach((row, index) => {
    // The schema allows only "person:<id>" and "claim:<id>".
    const [kind, id = ''] = row.subject.split(':') as ['person' | 'claim', string];
    refer(`discrepancies[${index}].subject`, kind, id);
  });
  return problems;
}
