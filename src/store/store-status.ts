/** How the store is doing, for the popup: what it holds, how much room it takes, and any refusal to write. */
import type { CrosscheckDatabase } from './database.ts';
import type { StoreHealth } from './store-health.ts';
import type { StoreStatus } from './views.ts';

export async function storeStatus(
  db: CrosscheckDatabase,
  health: StoreHealth,
  storage: StorageManager | undefined,
): Promise<StoreStatus> {
  const [sources, people, claims, notes, persisted, estimate] = await Promise.all([
    db.sources.count(),
    db.people.count(),
    db.claims.count(),
    db.notes.count(),
    storage ? storage.persisted().catch(() => null) : null,
    storage ? storage.estimate().catch(() => null) : null,
  ]);
  return {
    problem: health.problem,
    persisted,
    usage: estimate?.usage ?? null,
    quota: estimate?.quota ?? null,
    counts: { sources, people, claims, notes },
  };
}

/**
 * Asks the browser not to evict the store under storage pressure. Windows can ask (Firefox's
 * background page); Chrome's service worker cannot, and there the `unlimitedStorage` permission
 * is what exempts the extension's data from eviction.
 */
export async function requestPersistence(storage: StorageManager | undefined): Promise<boolean | null> {
  if (!storage) return null;
  if (await storage.persisted()) return true;
  return typeof storage.persist === 'function' ? storage.persist() : false;
}
