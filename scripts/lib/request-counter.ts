/**
 * What a workload asks of IndexedDB, counted beneath every layer of Dexie's: one request per key
 * read or row written (Dexie reads a `bulkGet`'s keys and writes a `bulkPut`'s rows one request
 * each), and the size of the values read and written, as JSON. Unlike a time, these are the same on
 * any machine, so a change to what an ingest reads and writes shows in the benchmark however busy
 * the machine was while it ran.
 */
import type { DBCore, DBCoreTable, Middleware } from 'dexie';

export interface RequestCounts {
  /** Gets by key, index queries, counts, and cursors opened (a cursor counts once, however far it goes). */
  reads: number;
  /** Rows put, added or deleted by key, and ranges deleted. */
  writes: number;
  readBytes: number;
  writtenBytes: number;
}

const jsonLength = (value: unknown) => (value === undefined ? 0 : JSON.stringify(value).length);

export interface RequestCounter {
  /** For `Dexie.use`, before the database opens. */
  middleware: Middleware<DBCore>;
  /** What `run` asks of IndexedDB; requests made outside it are not counted. */
  count(run: () => Promise<unknown>): Promise<RequestCounts>;
}

export function requestCounter(): RequestCounter {
  let counts: RequestCounts | null = null;
  const read = (requests: number, value?: unknown) => {
    if (!counts) return;
    counts.reads += requests;
    counts.readBytes += jsonLength(value);
  };
  // Through `then` rather than `await`: the promises Dexie's lowest layer answers keep its transaction
  // across the callers' awaits, and a native async function's would not.
  const counted = (table: DBCoreTable): DBCoreTable => ({
    ...table,
    get: (request) =>
      table.get(request).then((value: unknown) => {
        read(1, value);
        return value;
      }),
    getMany: (request) =>
      table.getMany(request).then((values: unknown[]) => {
        read(request.keys.length, values);
        return values;
      }),
    query: (request) =>
      table.query(request).then((response) => {
        read(1, response.result);
        return response;
      }),
    count: (request) =>
      table.count(request).then((total) => {
        read(1);
        return total;
      }),
    openCursor(request) {
      read(1);
      return table.openCursor(request);
    },
    mutate(request) {
      if (counts) {
        if (request.type === 'deleteRange') counts.writes += 1;
        else if (request.type === 'delete') counts.writes += request.keys.length;
        else {
          counts.writes += request.values.length;
          counts.writtenBytes += jsonLength(request.values);
        }
      }
      return table.mutate(request);
    },
  });
  return {
    // Below Dexie's own middlewares (its lowest is -1): what is counted is what reaches IndexedDB,
    // the search terms the store's middleware adds included.
    middleware: {
      stack: 'dbcore',
      name: 'request-counter',
      level: -2,
      create: (down) => ({ ...down, table: (name) => counted(down.table(name)) }),
    },
    async count(run) {
      counts = { reads: 0, writes: 0, readBytes: 0, writtenBytes: 0 };
      try {
        await run();
        return counts;
      } finally {
        counts = null;
      }
    },
  };
}
