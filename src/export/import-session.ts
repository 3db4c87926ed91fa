/**
 * An import in progress, held by the background until it is committed. A large file is far beyond
 * what one message may carry, so its records arrive in chunks; nothing is written until the commit,
 * which writes them all in one transaction. A chunk is JSON text that the background parses and
 * checks against the same schemas as the file (it trusts no page's word for it).
 *
 * Sessions live in memory: if the browser stops the background midway, the import is gone and the
 * commit says so; the store was never touched.
 */
import * as v from 'valibot';
import type { Settings } from '../settings.ts';
import {
  backupSettingsSchema,
  type BackupTable,
  backupTables,
  emptyRecords,
  recordSchemas,
  type StoreRecords,
} from './backup-schema.ts';
import { integrityProblems } from './backup-validation.ts';
import { ImportError, type ImportProblem, problemOf } from './import-problems.ts';
import { assertSafeJson, parseJson } from './json-safety.ts';
import { type IncomingNote, incomingNoteSchema } from './web-annotation-import.ts';

export type ImportKind = 'backup' | 'annotations';

export type StagedImport =
  { kind: 'backup'; records: StoreRecords; settings: Settings } | { kind: 'annotations'; notes: IncomingNote[] };

interface Session {
  kind: ImportKind;
  lastActive: number;
  records: StoreRecords;
  settings?: Settings;
  notes: IncomingNote[];
}

/** An import left alone this long was abandoned (its page closed): its records are let go. */
const idleLimit = 15 * 60_000;
const openLimit = 4;

export const lostSession =
  'This import was interrupted before anything was written (the browser restarted Crosscheck’s background). Nothing changed; import the file again.';

export class ImportSessions {
  readonly #sessions = new Map<string, Session>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  begin(kind: ImportKind): string {
    const now = this.#now();
    for (const [id, session] of this.#sessions) if (now - session.lastActive > idleLimit) this.#sessions.delete(id);
    if (this.#sessions.size >= openLimit) {
      throw new Error('Too many imports are open at once. Finish or cancel one, then try again.');
    }
    const id = crypto.randomUUID();
    this.#sessions.set(id, { kind, lastActive: now, records: emptyRecords(), notes: [] });
    return id;
  }

  /** Checks and keeps one chunk of records; answers how many it held. */
  receive(id: string, json: string): number {
    const session = this.#session(id);
    const chunk = parseJson(json);
    assertSafeJson(chunk);
    if (typeof chunk !== 'object' || chunk === null || Array.isArray(chunk)) {
      throw new ImportError('A chunk of the import is not an object of records.');
    }
    // Checked whole before any of it is kept: a chunk with a problem adds nothing to the import.
    const problems: ImportProblem[] = [];
    const accepted: (() => void)[] = [];
    const accept = <S extends v.GenericSchema>(
      schema: S,
      row: unknown,
      path: (string | number)[],
      keep: (row: v.InferOutput<S>) => void,
    ) => {
      const result = v.safeParse(schema, row);
      if (result.success) accepted.push(() => keep(result.output));
      else problems.push(...result.issues.map((issue) => problemOf(issue, path)));
    };
    for (const [key, value] of Object.entries(chunk)) {
      if (session.kind === 'annotations' && key === 'notes' && Array.isArray(value)) {
        value.forEach((row, index) =>
          accept(incomingNoteSchema, row, [key, index], (note) => session.notes.push(note)),
        );
      } else if (session.kind === 'backup' && key === 'settings') {
        accept(backupSettingsSchema, value, [key], (settings) => (session.settings = settings));
      } else if (session.kind === 'backup' && isTable(key) && Array.isArray(value)) {
        const rows = session.records[key] as unknown[];
        value.forEach((row, index) => accept(recordSchemas[key], row, [key, index], (record) => rows.push(record)));
      } else {
        problems.push({ path: key, message: 'not a kind of record this import takes' });
      }
    }
    if (problems.length > 0) throw new ImportError(problems.slice(0, 5), problems.length);
    for (const keep of accepted) keep();
    session.lastActive = this.#now();
    return accepted.length;
  }

  /** The import's records, checked as a whole; the session ends either way. */
  take(id: string): StagedImport {
    const session = this.#session(id);
    this.#sessions.delete(id);
    if (session.kind === 'annotations') return { kind: 'annotations', notes: session.notes };
    if (!session.settings) throw new ImportError('The backup’s settings never arrived; nothing was written.');
    const problems = integrityProblems(session.records);
    if (problems.length > 0) throw new ImportError(problems.slice(0, 5), problems.length);
    return { kind: 'backup', records: session.records, settings: session.settings };
  }

  cancel(id: string): void {
    this.#sessions.delete(id);
  }

  #session(id: string): Session {
    const session = this.#sessions.get(id);
    if (!session) throw new Error(lostSession);
    return session;
  }
}

function isTable(key: string): key is BackupTable {
  return (backupTables as string[]).includes(key);
}
