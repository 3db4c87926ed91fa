/**
 * For the store's end-to-end tests in Chromium: messages sent from a tab's content-script world
 * (so the background sees a real content script, with the tab and address the browser reports),
 * the background's service worker stopped as Chrome stops it, and the database read as it is.
 */
import type { Page } from '@playwright/test';
import type { Reply } from '../src/messaging/contract.ts';
import type { ChromiumWithExtension } from '../scripts/lib/launch.ts';

export interface ExecutionContext {
  id: number;
  origin: string;
  auxData?: { type?: string; frameId?: string };
}

export interface ContentScriptWorld {
  /** Sends a message as the content script of this tab would, and answers with the background's reply. */
  send<T = unknown>(message: unknown): Promise<Reply<T>>;
}

/** The DevTools session calls this needs, as both Playwright's and Puppeteer's sessions make them. */
export interface DevToolsSession {
  on(event: 'Runtime.executionContextCreated', listener: (event: { context: ExecutionContext }) => void): unknown;
  send(method: 'Runtime.enable'): Promise<unknown>;
}

/** The content script's isolated world in the page a session is attached to, once the extension has injected it. */
export async function isolatedWorld(session: DevToolsSession, extensionId: string): Promise<ExecutionContext> {
  const contexts: ExecutionContext[] = [];
  session.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await session.send('Runtime.enable');
  const origin = `chrome-extension://${extensionId}`;
  const find = () => contexts.find((context) => context.origin === origin && context.auxData?.type === 'isolated');
  for (let waited = 0; !find(); waited += 50) {
    if (waited > 10_000) throw new Error('no content script ran in the page');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return find() as ExecutionContext;
}

/** The content script's isolated world in a page, once the extension has injected it. */
export async function contentScriptWorld(chromium: ChromiumWithExtension, page: Page): Promise<ContentScriptWorld> {
  const session = await chromium.context.newCDPSession(page);
  const world = await isolatedWorld(session, chromium.extensionId).catch(() => {
    throw new Error(`no content script ran in ${page.url()}`);
  });
  return {
    async send<T>(message: unknown): Promise<Reply<T>> {
      const result = (await session.send('Runtime.evaluate', {
        contextId: world.id,
        expression: `chrome.runtime.sendMessage(${JSON.stringify(message)})`,
        awaitPromise: true,
        returnByValue: true,
      })) as { result: { value?: unknown }; exceptionDetails?: { exception?: { description?: string } } };
      if (result.exceptionDetails) {
        throw new Error(result.exceptionDetails.exception?.description ?? 'the message could not be sent');
      }
      return result.result.value as Reply<T>;
    },
  };
}

/** Stops the extension's service worker, as Chrome does when it has been idle, and waits until it has. */
export async function stopServiceWorker(chromium: ChromiumWithExtension, page: Page): Promise<void> {
  const session = await chromium.context.newCDPSession(page);
  const origin = `chrome-extension://${chromium.extensionId}/`;
  const stopped = new Promise<void>((resolve) => {
    session.on(
      'ServiceWorker.workerVersionUpdated',
      ({ versions }: { versions: { scriptURL: string; runningStatus: string }[] }) => {
        if (versions.some((version) => version.scriptURL.startsWith(origin) && version.runningStatus === 'stopped')) {
          resolve();
        }
      },
    );
  });
  await session.send('ServiceWorker.enable');
  await session.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await session.detach();
}

export type StoreTables = Record<string, Record<string, unknown>[]>;

/** Runs in one of the extension's pages or its service worker: every table of its database, as it is. */
export async function readDatabase(): Promise<StoreTables> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('crosscheck');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('could not open the database'));
  });
  const tables: StoreTables = {};
  for (const name of db.objectStoreNames) {
    tables[name] = await new Promise((resolve, reject) => {
      const request = db.transaction(name).objectStore(name).getAll();
      request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
      request.onerror = () => reject(request.error ?? new Error(`could not read ${name}`));
    });
  }
  db.close();
  return tables;
}

/** Every table of the extension's database, read directly from one of its pages. */
export async function readStore(chromium: ChromiumWithExtension): Promise<StoreTables> {
  const page = await chromium.context.newPage();
  try {
    await page.goto(chromium.pageUrl('notebook.html'));
    return await page.evaluate(readDatabase);
  } finally {
    await page.close();
  }
}

/** How many rows each table of what was read and written has (the reader's settings aside). */
export function counts(tables: StoreTables): Record<string, number> {
  return Object.fromEntries(
    Object.entries(tables)
      .filter(([name]) => name !== 'settings')
      .map(([name, rows]) => [name, rows.length]),
  );
}

/** Sends a request as the extension's own pages do (the popup, the notebook). */
export async function fromExtensionPage<T = unknown>(
  chromium: ChromiumWithExtension,
  message: unknown,
): Promise<Reply<T>> {
  const page = await chromium.context.newPage();
  try {
    await page.goto(chromium.pageUrl('notebook.html'));
    return await page.evaluate((request) => chrome.runtime.sendMessage<unknown, Reply<T>>(request), message);
  } finally {
    await page.close();
  }
}
