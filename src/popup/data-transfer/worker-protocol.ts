/**
 * What the popup or notebook and its transfer worker say to each other. The worker does the heavy
 * work of a transfer off the page's thread, so that a large file never freezes it: reading, parsing
 * and checking an imported file and cutting it into chunks for the background; writing an export's
 * file from the records the page gathers. Both ends are this extension's own code in one bundle.
 */
import type { StoreRecords } from '../../export/backup-schema.ts';
import type { ExportData, ExportFormat } from '../../export/export-data.ts';
import type { ImportKeys } from '../../messaging/contract.ts';

export type FileKind = 'backup' | 'annotations';

/** What a file holds, for the preview. */
export type FileSummary =
  | {
      kind: 'backup';
      exported: string;
      generator: string;
      counts: { sources: number; people: number; claims: number; notes: number; mentions: number; allegations: number };
    }
  | {
      kind: 'annotations';
      annotations: number;
      notes: number;
      /** Crosscheck's own findings, left out: reading the article finds them again. */
      findings: number;
      /** Notes whose place in their page Crosscheck cannot find (no quote): attached to the whole page. */
      wholePage: number;
      /** Notes left out for a later version of the same annotation in the file. */
      repeated: number;
    };

export type ToWorker =
  | { type: 'read-file'; file: File }
  | { type: 'next-chunk' }
  | { type: 'export-start'; format: ExportFormat }
  | { type: 'export-batch'; records: StoreRecords }
  /** What the export is, known once its records are gathered (the label comes with the plan). */
  | { type: 'export-finish'; about: ExportAbout };

export type ExportAbout = Omit<ExportData, keyof StoreRecords>;

export type Stage = 'reading' | 'checking' | 'writing';

export type FromWorker =
  | { type: 'progress'; stage: Stage; done: number; total: number }
  | { type: 'file-read'; summary: FileSummary; keys: ImportKeys; chunks: number }
  | { type: 'chunk'; json: string | null }
  | { type: 'export-file'; name: string; file: Blob }
  | { type: 'failed'; message: string };

/** Files larger than this are refused before they are read: far above any reader's store. */
export const maxImportBytes = 512 * 1024 * 1024;
