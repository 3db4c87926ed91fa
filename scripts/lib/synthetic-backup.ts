/**
 * A large backup for the benchmarks, made from a real one: the store after reading the two seed
 * articles (with notes), copied over and over under other addresses and ids, until the file is as
 * large as asked. Every copy is a valid, self-consistent part of the store, so the whole file
 * restores as a real reader's large store would.
 */
import { v5 as uuidV5 } from 'uuid';
import { backupText } from '../../src/export/backup-file.ts';
import { type Backup, backupTables } from '../../src/export/backup-schema.ts';
import { exportDataOf, readSeedsWithNotes } from '../../src/export/test-support.ts';
import { freshDatabase } from '../../src/store/test-support.ts';

const namespace = 'a7c0f0de-3b54-4d51-9a43-4f2f6c3f2b10';
const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

export async function syntheticBackup(targetBytes: number): Promise<{ text: string; copies: number }> {
  const db = freshDatabase();
  await readSeedsWithNotes(db);
  const data = await exportDataOf(db);
  const seed = JSON.parse(backupText({ ...data, settings: { mode: 'auto', disabledSites: [] } })) as Backup;
  const urls = seed.sources.map((source) => source.url);
  const template = JSON.stringify(Object.fromEntries(backupTables.map((table) => [table, seed[table]])));
  const copies = Math.max(1, Math.ceil(targetBytes / template.length));
  const merged = Object.fromEntries(backupTables.map((table) => [table, [] as unknown[]])) as Record<string, unknown[]>;
  for (let copy = 0; copy < copies; copy++) {
    let text = template.replace(uuid, (id) => uuidV5(`${id} ${copy}`, namespace));
    for (const url of urls) text = text.replaceAll(url, `${url}-${copy}`);
    const part = JSON.parse(text) as Record<string, unknown[]>;
    for (const table of backupTables) for (const row of part[table] ?? []) merged[table]?.push(row);
  }
  const records = merged as unknown as Backup;
  return {
    text: backupText({ ...data, ...records, settings: seed.settings }),
    copies,
  };
}
