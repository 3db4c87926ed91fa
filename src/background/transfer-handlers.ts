/**
 * What the background answers for export and import (src/export): the records an export holds, in
 * batches; the comparison an import's preview shows; and an import's records, gathered in chunks
 * and written in one transaction on commit. Only the extension's own pages reach these.
 */
import { exportRecords, planExport } from '../export/export-selection.ts';
import { importBackup, type ImportProgress } from '../export/import-backup.ts';
import { compareImport } from '../export/import-comparison.ts';
import { importNotes } from '../export/import-notes.ts';
import { ImportSessions } from '../export/import-session.ts';
import type { StoreTopic, TransferRequest } from '../messaging/contract.ts';
import type { Handlers } from '../messaging/dispatch.ts';
import type { CrosscheckDatabase } from '../store/database.ts';
import type { StoreHealth } from '../store/store-health.ts';

export interface TransferDependencies {
  db: CrosscheckDatabase;
  health: StoreHealth;
  announce: (topics: StoreTopic[]) => void;
  /** Tells the importing page how far writing has come. */
  progress: (session: string, written: number, total: number) => void;
  /** Tells every tab that the settings may have changed (a restored backup brings its own). */
  settingsChanged: () => void;
  sessions?: ImportSessions;
}

/** Progress is told at most this often: a page needs no more to draw a bar. */
const progressInterval = 100;

export function createTransferHandlers({
  db,
  health,
  announce,
  progress,
  settingsChanged,
  sessions = new ImportSessions(),
}: TransferDependencies): Handlers<TransferRequest, undefined> {
  return {
    'export/plan': ({ scope }) => planExport(db, scope),
    'export/records': ({ scope, sources, people, claims, notes }) =>
      exportRecords(db, scope, { sources, people, claims, notes }),
    'import/compare': ({ keys }) => compareImport(db, keys),
    'import/begin': ({ kind }) => ({ session: sessions.begin(kind) }),
    'import/chunk': ({ session, json }) => ({ records: sessions.receive(session, json) }),
    'import/commit': async ({ session }) => {
      const staged = sessions.take(session);
      let told = 0;
      const tell: ImportProgress = (written, total) => {
        const now = Date.now();
        if (now - told < progressInterval && written < total) return;
        told = now;
        progress(session, written, total);
      };
      const result = await health.write(() =>
        staged.kind === 'backup'
          ? importBackup(db, { ...staged.records, settings: staged.settings }, tell)
          : importNotes(db, staged.notes, tell),
      );
      announce(['sources', 'people', 'claims', 'notes', 'settings', 'status']);
      if (staged.kind === 'backup') settingsChanged();
      return result;
    },
    'import/cancel': ({ session }) => {
      sessions.cancel(session);
      return null;
    },
  };
}
