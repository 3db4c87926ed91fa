import { describe, expect, it } from 'vitest';
import { forgetEverything } from '../store/forget-source.ts';
import { readSettings } from '../store/settings-store.ts';
import { freshDatabase, snapshot } from '../store/test-support.ts';
import { backupText } from './backup-file.ts';
import { backupTables } from './backup-schema.ts';
import { validateBackup } from './backup-validation.ts';
import { importBackup } from './import-backup.ts';
import { parseJson } from './json-safety.ts';
import { articleAddress } from '../store/canonical-url.ts';
import { ingestArticle } from '../store/ingest.ts';
import { bbc, exportDataOf, readingTime, readSeedsWithNotes, storedRows } from './test-support.ts';

/** Every row of the store. */
async function contents(db: ReturnType<typeof freshDatabase>) {
  const rows = await snapshot(db);
  // Default settings are not stored until the reader changes one; a restore stores them.
  rows.settings = [await readSettings(db)];
  return rows;
}

async function backupOf(db: ReturnType<typeof freshDatabase>, generated?: number) {
  const data = await exportDataOf(db, { kind: 'everything' }, generated);
  return backupText({ ...data, settings: data.settings ?? { mode: 'auto', disabledSites: [] } });
}

describe('the JSON backup', () => {
  it('round-trips exactly: export, clear, import, export gives the same file', async () => {
    const db = freshDatabase();
    await readSeedsWithNotes(db);
    const first = await backupOf(db);
    const before = await contents(db);
    await forgetEverything(db);
    expect(await db.sources.count()).toBe(0);

    const result = await importBackup(db, validateBackup(parseJson(first)));
    expect(result.sources).toEqual({ added: 2, updated: 0, unchanged: 0 });
    expect(result.notes).toEqual({ added: 4, updated: 0, unchanged: 0, orphaned: 0 });
    expect(await backupOf(db)).toBe(first);
    expect(await contents(db)).toEqual(before);
  });

  it('keeps the page a note was written on, and takes a backup from before notes kept it', async () => {
    const db = freshDatabase();
    const { notes } = await readSeedsWithNotes(db);
    const file = parseJson(await backupOf(db)) as { notes: { id: string; writtenOn?: string }[] };
    expect(file.notes.find((note) => note.id === notes.person.id)?.writtenOn).toBe(notes.person.writtenOn);
    expect(notes.person.writtenOn).toMatch(/^https?:/);

    await forgetEverything(db);
    await importBackup(db, validateBackup(parseJson(JSON.stringify(file))));
    expect((await db.notes.get(notes.person.id))?.writtenOn).toBe(notes.person.writtenOn);

    // A backup made before Crosscheck kept where notes were written: its notes are the notebook's.
    await forgetEverything(db);
    const older = { ...file, notes: file.notes.map(({ writtenOn: _, ...note }) => note) };
    await importBackup(db, validateBackup(parseJson(JSON.stringify(older))));
    expect(await db.notes.count()).toBe(4);
    expect((await db.notes.toArray()).some((note) => Object.hasOwn(note, 'writtenOn'))).toBe(false);
  });

  it('keeps which addresses joined an article by its text alone, and merges them into a store that has it', async () => {
    const db = freshDatabase();
    await readSeedsWithNotes(db);
    const copy = 'http://127.0.0.1:8127/someone-else/copy';
    await ingestArticle(db, articleAddress(copy, bbc.address.url), bbc.article, readingTime);
    expect((await db.sources.get(bbc.address.url))?.copies).toEqual([copy]);
    const before = await contents(db);
    const first = await backupOf(db);

    await forgetEverything(db);
    await importBackup(db, validateBackup(parseJson(first)));
    expect(await contents(db)).toEqual(before);
    expect(await backupOf(db)).toBe(first);

    // Into a store that read the article but not the copy: the copy is one again.
    await forgetEverything(db);
    await readSeedsWithNotes(db);
    await importBackup(db, validateBackup(parseJson(first)));
    expect((await db.sources.get(bbc.address.url))?.copies).toEqual([copy]);
  });

  it('refuses a backup whose copies are not among the article’s addresses', async () => {
    const db = freshDatabase();
    await readSeedsWithNotes(db);
    const file = parseJson(await backupOf(db)) as { sources: { copies?: string[] }[] };
    const [first] = file.sources;
    if (first) first.copies = ['https://elsewhere.example/copy'];
    expect(() => validateBackup(parseJson(JSON.stringify(file)))).toThrow('not one of the article');
  });

  it('holds every table, under a versioned header', async () => {
    const db = freshDatabase();
    await readSeedsWithNotes(db);
    const file = parseJson(await backupOf(db)) as Record<string, unknown[]> & Record<string, unknown>;
    expect(file).toMatchObject({ format: 'crosscheck-backup', version: 1, generator: 'Crosscheck 0.1.0' });
    expect(file.exported).toBe('2023-04-01T09:00:00.000Z');
    for (const table of backupTables) {
      expect(file[table]?.length, table).toBe(await storedRows(db, table));
    }
    // The search index's words are the store's own business: it derives them again.
    for (const table of ['sources', 'people', 'claims', 'notes']) {
      expect(
        file[table]?.every((row) => !Object.hasOwn(row as object, 'terms')),
        table,
      ).toBe(true);
    }
  });

  it('counts each person’s sources and their latest again on import, whatever the file says or leaves out', async () => {
    const db = freshDatabase();
    await readSeedsWithNotes(db);
    const derived = async () =>
      new Map(
        (await db.people.toArray()).map(({ id, sourceCount, recent, keys }) => [id, { sourceCount, recent, keys }]),
      );
    const counted = await derived();
    expect([...counted.values()].map((person) => person.sourceCount)).toContain(2);
    const file = parseJson(await backupOf(db)) as {
      people: { sourceCount?: number; recent?: unknown[]; keys: string[] }[];
    };
    // One person miscounted, the others as a backup written before the store kept the count.
    file.people.forEach((person, index) => {
      if (index === 0) Object.assign(person, { sourceCount: 99, recent: [], keys: [] });
      else {
        delete person.sourceCount;
        delete person.recent;
      }
    });
    await forgetEverything(db);

    await importBackup(db, validateBackup(file));
    expect(await derived()).toEqual(counted);
  });

  it('imported twice, changes nothing the second time', async () => {
    const db = freshDatabase();
    await readSeedsWithNotes(db);
    const file = await backupOf(db);
    await forgetEverything(db);
    await importBackup(db, validateBackup(parseJson(file)));
    const once = await snapshot(db);
    const again = await importBackup(db, validateBackup(parseJson(file)));
    expect(again).toEqual({
      sources: { added: 0, updated: 0, unchanged: 2 },
      people: { added: 0, merged: 0, unchanged: once.people?.length },
      claims: { added: 0, merged: 0, unchanged: once.claims?.length },
      notes: { added: 0, updated: 0, unchanged: 4, orphaned: 0 },
    });
    expect(await snapshot(db)).toEqual(once);
  });
});
