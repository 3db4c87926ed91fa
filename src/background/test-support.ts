/**
 * For tests of the background and of the pages that talk to it: the store's handlers behind the
 * message router, over a fresh fake-indexeddb database, answering as the background does.
 */
import { freshDatabase } from '../store/test-support.ts';
import { StoreHealth } from '../store/store-health.ts';
import { createMessageRouter } from './message-router.ts';
import { createStoreHandlers, type StoreDependencies } from './store-handlers.ts';

/** The extension the test background belongs to; senders from its origin are its own pages. */
export const testExtension = { id: 'crosscheck-id', origin: 'chrome-extension://crosscheck-id/' };

/** A background with quiet defaults; the dependencies a test watches are passed in. */
export function testBackground(dependencies: Partial<StoreDependencies> = {}) {
  const db = dependencies.db ?? freshDatabase();
  const defaults: StoreDependencies = {
    db,
    health: new StoreHealth(() => undefined),
    storage: undefined,
    announce: () => undefined,
    settingsChanged: () => undefined,
  };
  return { db, route: createMessageRouter(createStoreHandlers({ ...defaults, ...dependencies }), testExtension) };
}
