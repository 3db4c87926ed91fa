/**
 * The store benchmark's page: bundled into a throwaway extension so the workload runs against the
 * browser's own IndexedDB, with the storage an extension gets (`unlimitedStorage`).
 */
import { Dexie } from 'dexie';
import { CrosscheckDatabase } from '../../src/store/database.ts';
import { runWorkload, type WorkloadFigures, type WorkloadOptions } from './store-workload.ts';

declare global {
  var runStoreWorkload: (options: WorkloadOptions) => Promise<WorkloadFigures>;
}

const name = 'crosscheck-benchmark';

globalThis.runStoreWorkload = async (options) => {
  await Dexie.delete(name);
  const db = new CrosscheckDatabase(name);
  try {
    return await runWorkload(db, options, (message) => console.log(message));
  } finally {
    db.close();
    await Dexie.delete(name);
  }
};
