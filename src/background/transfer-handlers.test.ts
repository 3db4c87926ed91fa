import type { Runtime } from 'webextension-polyfill';
import { describe, expect, it, vi } from 'vitest';
import { backupText } from '../export/backup-file.ts';
import { backupTables, type StoreRecords } from '../export/backup-schema.ts';
import { validateBackup } from '../export/backup-validation.ts';
import { backupChunks, noteChunks } from '../export/import-chunks.ts';
import { parseJson } from '../export/json-safety.ts';
import { exportDataOf, readSeedsWithNotes, bbc } from '../export/test-support.ts';
import { readAnnotations } from '../export/web-annotation-import.ts';
import { annotationCollectionText } from '../export/web-annotation.ts';
import { forgetEverything } from '../store/forget-source.ts';
import { freshDatabase, snapshot } from '../store/test-support.ts';
import { testBackground } from './test-support.ts';

const extension = { id: 'crosscheck-id', origin: 'chrome-extension://crosscheck-id/' };
const notebook: Runtime.MessageSender = { id: extension.id, url: `${extension.origin}notebook.html` };
const page: Runtime.MessageSender = {
  id: extension.id,
  url: bbc.page,
  tab: { id: 3, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
};

function background() {
  const announce = vi.fn();
  const importProgress = vi.fn();
  const { db, send } = testBackground({ announce, importProgress }, extension);
  return {
    db,
    announce,
    importProgress,
    send: <T>(message: unknown, sender = notebook) => send<T>(message, sender),
  };
}

async function aBackup() {
  const source = freshDatabase();
  await readSeedsWithNotes(source);
  const data = await exportDataOf(source);
  return validateBackup(
    parseJson(backupText({ ...data, settings: { mode: 'on-demand', disabledSites: ['x.example'] } })),
  );
}

describe('an import through the background', () => {
  it('gathers the chunks, writes them in one go on commit, and tells the page how far it got', async () => {
    const { db, send, announce, importProgress } = background();
    const backup = await aBackup();
    const records = Object.fromEntries(backupTables.map((table) => [table, backup[table]])) as StoreRecords;
    const { settings } = backup;
    const chunks = backupChunks(records, settings, 20_000);
    expect(chunks.length).toBeGreaterThan(5);
    const { session } = await send<{ session: string }>({ type: 'import/begin', kind: 'backup' });
    let received = 0;
    for (const json of chunks)
      received += (await send<{ records: number }>({ type: 'import/chunk', session, json })).records;
    expect(received).toBe(Object.values(records).reduce((sum, rows) => sum + rows.length, 0) + 1);
    expect(await db.sources.count()).toBe(0);
    const result = await send<{ sources: { added: number } }>({ type: 'import/commit', session });
    expect(result.sources.added).toBe(2);
    expect(await db.notes.count()).toBe(4);
    expect(await send({ type: 'settings/get' })).toEqual({ mode: 'on-demand', disabledSites: ['x.example'] });
    expect(announce).toHaveBeenCalledWith(expect.arrayContaining(['sources', 'notes', 'settings']));
    expect(importProgress).toHaveBeenLastCalledWith(session, expect.any(Number), expect.any(Number));
    const [, written, total] = importProgress.mock.lastCall as [string, number, number];
    expect(written).toBe(total);
    await expect(send({ type: 'import/commit', session })).rejects.toThrow(/interrupted before anything was written/);
  });

  it('refuses a chunk with a bad record, keeps none of it, and the store is untouched', async () => {
    const { db, send } = background();
    await readSeedsWithNotes(db);
    const before = await snapshot(db);
    const { session } = await send<{ session: string }>({ type: 'import/begin', kind: 'backup' });
    const bad = JSON.stringify({ notes: [{ id: 'n1', body: 'ok' }], sources: [] });
    await expect(send({ type: 'import/chunk', session, json: bad })).rejects.toThrow(
      /^notes\[0\]\.target: missing: this field is required/,
    );
    await expect(send({ type: 'import/chunk', session, json: '{"__proto__": {"x": 1}}' })).rejects.toThrow(
      /"__proto__" is not allowed/,
    );
    await expect(send({ type: 'import/chunk', session, json: '{"notes": [' })).rejects.toThrow(
      /^The file is not valid JSON/,
    );
    await expect(send({ type: 'import/commit', session })).rejects.toThrow(
      'The backup’s settings never arrived; nothing was written.',
    );
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses at commit a backup whose records contradict each other', async () => {
    const { db, send } = background();
    const { settings, sources, appearances } = await aBackup();
    const { session } = await send<{ session: string }>({ type: 'import/begin', kind: 'backup' });
    await send({
      type: 'import/chunk',
      session,
      json: JSON.stringify({ settings, sources: sources.slice(1), appearances }),
    });
    await expect(send({ type: 'import/commit', session })).rejects.toThrow(
      /^appearances\[0\]\.source: no article with this address/,
    );
    expect(await db.sources.count()).toBe(0);
  });

  it('imports annotations as notes, and compares a file with the store for the preview', async () => {
    const { db, send } = background();
    await readSeedsWithNotes(db);
    const exported = readAnnotations(parseJson(annotationCollectionText(await exportDataOf(db))));
    const keys = {
      sources: [{ url: bbc.page }, { url: 'https://unread.example/story' }],
      people: [],
      claims: [],
      notes: exported.notes.map((note) => ({ id: note.id, updated: note.updated })),
    };
    expect(await send({ type: 'import/compare', keys })).toMatchObject({
      storeEmpty: false,
      sources: { new: 1, same: 1 },
      notes: { new: 0, same: 4 },
    });
    await forgetEverything(db);
    const { session } = await send<{ session: string }>({ type: 'import/begin', kind: 'annotations' });
    for (const json of noteChunks(exported.notes)) await send({ type: 'import/chunk', session, json });
    expect(await send({ type: 'import/commit', session })).toMatchObject({ notes: { added: 4 } });
    expect(await db.notes.count()).toBe(4);
  });

  it('cannot be reached from a web page', async () => {
    const { db, send } = background();
    await readSeedsWithNotes(db);
    await expect(send({ type: 'export/plan', scope: { kind: 'everything' } }, page)).rejects.toThrow(
      /^malformed message/,
    );
    await expect(send({ type: 'import/begin', kind: 'backup' }, page)).rejects.toThrow(/^malformed message/);
  });
});

describe('an export through the background', () => {
  it('plans by key, then answers batches of records', async () => {
    const { db, send } = background();
    await readSeedsWithNotes(db);
    const plan = await send<{ sources: string[]; notes: string[] }>({
      type: 'export/plan',
      scope: { kind: 'everything' },
    });
    expect(plan.sources).toHaveLength(2);
    const batch = await send<{ sources: unknown[]; mentions: unknown[]; notes: unknown[] }>({
      type: 'export/records',
      scope: { kind: 'everything' },
      sources: plan.sources.slice(0, 1),
      people: [],
      claims: [],
      notes: plan.notes,
    });
    expect(batch.sources).toHaveLength(1);
    expect(batch.mentions.length).toBeGreaterThan(0);
    expect(batch.notes).toHaveLength(4);
    await expect(send({ type: 'export/plan', scope: { kind: 'person', id: 'nobody' } })).rejects.toThrow(
      'There is no such person in the store',
    );
  });
});
