/** For tests: the background's message router over a database in memory, as the extension wires it. */
import type { Runtime } from 'webextension-polyfill';
import type { Reply } from '../messaging/contract.ts';
import { StoreHealth } from '../store/store-health.ts';
import { freshDatabase } from '../store/test-support.ts';
import { type ExtensionIdentity, createMessageRouter } from './message-router.ts';
import { createStoreHandlers, type StoreDependencies } from './store-handlers.ts';

/**
 * A background with a fresh database (or the one given), whose announcements go nowhere unless the
 * test listens: `send` answers like a real sender gets answered, and throws the refusal's message;
 * `storeArticle` stores a given analysis as the background stores its own after reading a page.
 */
export function testBackground(dependencies: Partial<StoreDependencies>, identity: ExtensionIdentity) {
  const db = dependencies.db ?? freshDatabase();
  const handlers = createStoreHandlers({
    health: new StoreHealth(() => undefined),
    storage: undefined,
    announce: () => undefined,
    settingsChanged: () => undefined,
    ...dependencies,
    db,
  });
  const route = createMessageRouter(handlers, identity);
  const send = async <T>(message: unknown, sender: Runtime.MessageSender): Promise<T> => {
    const reply = (await route(message, sender)) as Reply<T>;
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  };
  return { db, route, send, storeArticle: handlers.storeArticle };
}
