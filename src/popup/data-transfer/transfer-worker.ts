/**
 * The transfer worker (bundled as transfer-worker.js): reads, parses and checks an imported file and
 * cuts it into chunks for the background; writes an export's file from the records the page
 * gathers. It runs off the page's thread, so a 100 MB file is read without freezing the popup or
 * the notebook, and it reports its progress as it goes.
 */
import { type Backup, backupTables, emptyRecords, type StoreRecords } from '../../export/backup-schema.ts';
import { looksLikeBackup, validateBackup } from '../../export/backup-validation.ts';
import { addRecords } from '../../export/collect-export.ts';
import type { ExportFormat } from '../../export/export-data.ts';
import { exportFile } from '../../export/export-file.ts';
import { backupChunks, noteChunks } from '../../export/import-chunks.ts';
import { ImportError } from '../../export/import-problems.ts';
import { assertSafeJson, parseJson } from '../../export/json-safety.ts';
import { uuidOfIri } from '../../export/record-ids.ts';
import { type AnnotationFile, looksLikeAnnotations, readAnnotations } from '../../export/web-annotation-import.ts';
import type { ImportKeys } from '../../messaging/contract.ts';
import { type FileSummary, type FromWorker, maxImportBytes, type ToWorker } from './worker-protocol.ts';

// The DOM typings describe the page's side of a worker; the worker's own side has the same two methods.
const scope = self as unknown as Pick<Worker, 'postMessage' | 'addEventListener'>;
const post = (message: FromWorker) => scope.postMessage(message);

let chunks: string[] = [];
let exporting: { format: ExportFormat; records: StoreRecords } | null = null;

scope.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  handle(event.data).catch((error: unknown) => post({ type: 'failed', message: messageOf(error) }));
});

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'read-file':
      return readFile(message.file);
    case 'next-chunk':
      post({ type: 'chunk', json: chunks.shift() ?? null });
      return;
    case 'export-start':
      exporting = { format: message.format, records: emptyRecords() };
      return;
    case 'export-batch':
      if (!exporting) throw new Error('An export batch arrived before the export started.');
      addRecords(exporting.records, message.records);
      return;
    case 'export-finish': {
      if (!exporting) throw new Error('The export finished before it started.');
      const { format, records } = exporting;
      exporting = null;
      post({ type: 'progress', stage: 'writing', done: 0, total: 1 });
      const file = exportFile(format, { ...message.about, ...records });
      post({ type: 'export-file', name: file.name, file: new Blob([file.text], { type: file.type }) });
      return;
    }
  }
}

async function readFile(file: File): Promise<void> {
  chunks = [];
  if (file.size > maxImportBytes) {
    throw new ImportError(
      `The file is ${megabytes(file.size)}; Crosscheck imports files of up to ${megabytes(maxImportBytes)}.`,
    );
  }
  if (file.size === 0) throw new ImportError('The file is empty.');
  const value = parseJson(await readText(file));
  assertSafeJson(value);
  if (looksLikeBackup(value)) {
    const backup = validateBackup(value, (done, total) => post({ type: 'progress', stage: 'checking', done, total }));
    chunks = backupChunks(recordsOf(backup), backup.settings);
    post({ type: 'file-read', summary: backupSummary(backup), keys: backupKeys(backup), chunks: chunks.length });
  } else if (looksLikeAnnotations(value)) {
    const annotations = readAnnotations(value);
    chunks = noteChunks(annotations.notes);
    post({
      type: 'file-read',
      summary: annotationSummary(annotations),
      keys: annotationKeys(annotations),
      chunks: chunks.length,
    });
  } else {
    throw new ImportError(
      'This file is neither a Crosscheck backup nor W3C Web Annotations (JSON-LD): Crosscheck cannot import it.',
    );
  }
}

/** The file's text, read in pieces so the page can show how far it has come. */
async function readText(file: File): Promise<string> {
  const reader = file.stream().getReader();
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    read += value.byteLength;
    parts.push(decoder.decode(value, { stream: true }));
    post({ type: 'progress', stage: 'reading', done: read, total: file.size });
  }
  parts.push(decoder.decode());
  return parts.join('');
}

function recordsOf(backup: Backup): StoreRecords {
  const records = emptyRecords();
  for (const table of backupTables) (records as Record<string, unknown[]>)[table] = backup[table];
  return records;
}

function backupSummary(backup: Backup): FileSummary {
  return {
    kind: 'backup',
    exported: backup.exported,
    generator: backup.generator,
    counts: {
      sources: backup.sources.length,
      people: backup.people.length,
      claims: backup.claims.length,
      notes: backup.notes.length,
      mentions: backup.mentions.length,
      allegations: backup.allegations.length,
    },
  };
}

function backupKeys(backup: Backup): ImportKeys {
  return {
    sources: backup.sources.map(({ url, contentHash, lastRead }) => ({ url, contentHash, lastRead })),
    people: backup.people.map((person) => person.id),
    claims: backup.claims.map((claim) => claim.id),
    notes: backup.notes.map(({ id, updated }) => ({ id, updated })),
  };
}

function annotationSummary(file: AnnotationFile): FileSummary {
  const { annotations, notes, findings, wholePage, repeated } = file;
  return { kind: 'annotations', annotations, notes: notes.length, findings, wholePage, repeated };
}

function annotationKeys(file: AnnotationFile): ImportKeys {
  const pages = new Set<string>();
  const entities = new Set<string>();
  for (const { target } of file.notes) {
    const uuid = uuidOfIri(target.source);
    if (uuid) entities.add(uuid);
    else if (/^https?:/i.test(target.source)) pages.add(target.source);
  }
  return {
    sources: [...pages].map((url) => ({ url })),
    people: [...entities],
    claims: [...entities],
    notes: file.notes.map(({ id, updated }) => ({ id, updated })),
  };
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

function messageOf(error: unknown): string {
  if (error instanceof ImportError) return error.message;
  if (error instanceof RangeError) return 'The file is too large for this browser to read.';
  return error instanceof Error ? error.message : String(error);
}
