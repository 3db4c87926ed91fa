/** For the store's tests: a database of its own for each test, in memory (fake-indexeddb). */
import { IDBFactory, IDBKeyRange, IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { CrosscheckDatabase, type IndexedDbDependencies } from './database.ts';

export function memoryIndexedDb(): IndexedDbDependencies {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

export function freshDatabase(): CrosscheckDatabase {
  return new CrosscheckDatabase('crosscheck-test', memoryIndexedDb());
}

type Operation = { operation: () => unknown; source: unknown };
type FakeStore = { transaction: { _execRequestAsync(request: Operation): unknown } };

/**
 * Makes every write request fail the way a browser refuses one (a QuotaExceededError from the
 * request, which aborts its transaction), until the returned function is called.
 */
export function refuseWrites(errorName = 'QuotaExceededError'): () => void {
  const prototype = FakeObjectStore.prototype as unknown as Record<'put' | 'add', (...args: unknown[]) => unknown>;
  const originals = { put: prototype.put, add: prototype.add };
  for (const method of ['put', 'add'] as const) {
    prototype[method] = function (this: FakeStore) {
      return this.transaction._execRequestAsync({
        operation: () => {
          throw new DOMException('The browser refused the write.', errorName);
        },
        source: this,
      });
    };
  }
  return () => Object.assign(prototype, originals);
}
