import { describe, expect, it, vi } from 'vitest';
import { createNote, updateNote } from './notes.ts';
import { StoreHealth, storageProblemOf } from './store-health.ts';
import { freshDatabase, refuseWrites } from './test-support.ts';

const url = 'https://news.example.org/story';

async function storeWithNote() {
  const db = freshDatabase();
  await db.sources.put({
    url,
    href: url,
    aliases: [url],
    site: 'example.org',
    outlet: 'Example News',
    title: 'A story',
    firstRead: 1,
    lastRead: 1,
    contentHash: 'h',
  });
  const note = await createNote(db, { kind: 'source', source: url }, { body: 'first', tags: [], colour: 'blue' });
  return { db, note };
}

describe('StoreHealth', () => {
  it('tells the reader when the browser refuses a write, and keeps what was stored', async () => {
    const { db, note } = await storeWithNote();
    const changes = vi.fn();
    const health = new StoreHealth(changes);
    const restore = refuseWrites();
    try {
      await expect(health.write(() => updateNote(db, note.id, { body: 'second' }))).rejects.toThrow(
        /storage.*full|space it gives Crosscheck is full/,
      );
      await expect(
        health.write(() => createNote(db, { kind: 'source', source: url }, { body: 'x', tags: [], colour: 'blue' })),
      ).rejects.toThrow(/full/);
    } finally {
      restore();
    }
    expect(health.problem).toMatchObject({ kind: 'quota' });
    expect(changes).toHaveBeenCalledTimes(1);
    expect(await db.notes.toArray()).toEqual([expect.objectContaining({ id: note.id, body: 'first' })]);

    await health.write(() => updateNote(db, note.id, { body: 'second' }));
    expect(health.problem).toBeNull();
    expect(changes).toHaveBeenLastCalledWith(null);
    expect((await db.notes.get(note.id))?.body).toBe('second');
  });

  it('says the storage is unavailable when the database was closed under it', async () => {
    const { db, note } = await storeWithNote();
    const health = new StoreHealth(() => undefined);
    db.close({ disableAutoOpen: true });
    await expect(health.write(() => updateNote(db, note.id, { body: 'later' }))).rejects.toThrow(/unavailable/);
    expect(health.problem?.kind).toBe('unavailable');
  });

  it('passes other errors through untouched', async () => {
    const health = new StoreHealth(() => undefined);
    await expect(health.write(() => Promise.reject(new Error('no such note')))).rejects.toThrow('no such note');
    expect(health.problem).toBeNull();
  });
});

describe('storageProblemOf', () => {
  it('looks through wrapped errors', () => {
    expect(storageProblemOf({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe('quota');
    expect(storageProblemOf({ name: 'BulkError', failures: [{ name: 'QuotaExceededError' }] })).toBe('quota');
    expect(storageProblemOf(new Error('x', { cause: new DOMException('gone', 'UnknownError') }))).toBe('failed');
    expect(storageProblemOf(new TypeError('bug'))).toBeNull();
    expect(storageProblemOf(null)).toBeNull();
  });
});
