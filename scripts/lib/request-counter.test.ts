import { Dexie, type Table } from 'dexie';
import { describe, expect, it } from 'vitest';
import { CrosscheckDatabase } from '../../src/store/database.ts';
import type { NoteRecord } from '../../src/store/records.ts';
import { ingestArticle } from '../../src/store/ingest.ts';
import { memoryIndexedDb, seedPages } from '../../src/store/test-support.ts';
import { requestCounter } from './request-counter.ts';

interface Row {
  id: string;
  tags: string[];
}

function countedDatabase() {
  const counter = requestCounter();
  const db = new Dexie('counted', memoryIndexedDb()) as Dexie & { rows: Table<Row, string> };
  db.version(1).stores({ rows: 'id, *tags' });
  db.use(counter.middleware);
  return { db, counter };
}

const rows: Row[] = [
  { id: 'a', tags: ['x'] },
  { id: 'b', tags: ['x', 'y'] },
  { id: 'c', tags: [] },
];

describe('requestCounter', () => {
  it('counts a request per row written and per key read, with their size as JSON', async () => {
    const { db, counter } = countedDatabase();
    expect(await counter.count(() => db.rows.bulkPut(rows))).toEqual({
      reads: 0,
      writes: 3,
      readBytes: 0,
      writtenBytes: JSON.stringify(rows).length,
    });
    expect(await counter.count(() => db.rows.bulkGet(['a', 'missing']))).toEqual({
      reads: 2,
      writes: 0,
      readBytes: JSON.stringify([rows[0], undefined]).length,
      writtenBytes: 0,
    });
    const tagged = await counter.count(() => db.rows.where('tags').equals('x').primaryKeys());
    expect(tagged).toEqual({ reads: 1, writes: 0, readBytes: JSON.stringify(['a', 'b']).length, writtenBytes: 0 });
  });

  it('counts deletes by key and by range, and nothing outside the run it is given', async () => {
    const { db, counter } = countedDatabase();
    await db.rows.bulkPut(rows);
    const deleted = await counter.count(async () => {
      await db.rows.bulkDelete(['a', 'b']);
      await db.rows.clear();
    });
    expect(deleted).toMatchObject({ writes: 3, writtenBytes: 0 });
    await db.rows.bulkPut(rows);
    expect(await counter.count(() => Promise.resolve())).toEqual({
      reads: 0,
      writes: 0,
      readBytes: 0,
      writtenBytes: 0,
    });
  });

  it('counts what reaches IndexedDB: the search terms the store adds to a row included', async () => {
    const counter = requestCounter();
    const db = new CrosscheckDatabase('counted-store', memoryIndexedDb());
    db.use(counter.middleware);
    const note: NoteRecord = {
      id: 'note',
      target: { kind: 'source', source: 'https://news.example/a' },
      body: 'Check the consulate meeting date',
      tags: [],
      colour: 'yellow',
      created: 1,
      updated: 1,
      orphaned: false,
    };
    const { writtenBytes } = await counter.count(() => db.notes.put(note));
    const stored = await db.notes.get('note');
    expect(stored).toHaveProperty('terms');
    expect(writtenBytes).toBe(JSON.stringify([stored]).length);
  });

  it('leaves an ingest its transaction: the store reads both seed articles through it', async () => {
    const counter = requestCounter();
    const db = new CrosscheckDatabase('counted-ingest', memoryIndexedDb());
    db.use(counter.middleware);
    const [bbc, wion] = seedPages();
    const counts = await counter.count(async () => {
      for (const page of [bbc, wion]) if (page) await ingestArticle(db, page.address, page.article);
    });
    expect(await db.sources.count()).toBe(2);
    expect(counts.reads).toBeGreaterThan(0);
    expect(counts.writes).toBeGreaterThan(0);
  });
});
