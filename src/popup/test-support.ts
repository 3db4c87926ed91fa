/**
 * For the popup's tests: the app runs against a real background (the store's handlers and message
 * router over fake-indexeddb), reached through a stand-in for webextension-polyfill. Messages are
 * validated and answered exactly as in the extension, and the store's change announcements reach
 * the app's listeners as they would in a browser.
 *
 *   vi.mock('webextension-polyfill', () => import('./test-support.ts').then((support) => support.polyfill));
 */
import type { Runtime } from 'webextension-polyfill';
import { cleanup, configure, render, type RenderResult } from '@testing-library/preact';
import { type ComponentChild, h } from 'preact';
import { afterEach, beforeEach, vi } from 'vitest';
import { testBackground } from '../background/test-support.ts';
import type { Reply, ResponseTo, StoreTopic, TabRequest } from '../messaging/contract.ts';
import type { SessionReport } from '../page/article-session.ts';
import type { CrosscheckDatabase } from '../store/database.ts';
import { freshDatabase, type SeedPage, seedPages } from '../store/test-support.ts';
import type { IngestResult } from '../store/views.ts';
import { UndoProvider } from './undo.tsx';

// The app answers through a real background over fake-indexeddb; on a loaded two-core CI machine that
// can take longer than Testing Library's one second, for findBy… and waitFor alike.
configure({ asyncUtilTimeout: 10_000 });

type Listener = (message: unknown, sender: Runtime.MessageSender) => unknown;

/** The extension the popup under test belongs to. */
export const identity = { id: 'crosscheck-test', origin: 'chrome-extension://crosscheck-test/' };
const popupSender: Runtime.MessageSender = { id: identity.id, url: `${identity.origin}popup.html` };
const backgroundSender: Runtime.MessageSender = { id: identity.id, url: `${identity.origin}background.js` };

export interface FakeExtension {
  db: CrosscheckDatabase;
  /** Every request the app sent to the background, in order. */
  requests: unknown[];
  /** What each tab's content script answers to `tab/page-state`; a tab without one cannot be reached. */
  tabs: Map<number, ResponseTo<{ type: 'tab/page-state' }>>;
  /** The background storing a page's article (its gold analysis) as it does after reading the page. */
  read(page: SeedPage): Promise<IngestResult>;
  /** The background announcing a change, as after any write. */
  announce(topics: StoreTopic[]): void;
  /** The tabs the app opened. */
  opened: string[];
}

let current: FakeExtension | null = null;
const listeners = new Set<Listener>();

/** A fresh background and an empty store, for one test. */
export function installExtension(): FakeExtension {
  listeners.clear();
  const db = freshDatabase();
  const announce = (topics: StoreTopic[]) => {
    for (const listener of [...listeners]) listener({ type: 'store/changed', topics }, backgroundSender);
  };
  const { route, storeArticle } = testBackground({ db, announce }, identity);
  const extension: FakeExtension = {
    db,
    requests: [],
    tabs: new Map(),
    opened: [],
    announce,
    read: (page) => storeArticle(page.article, page.page),
  };
  polyfill.default.runtime.sendMessage = (message: unknown) => {
    extension.requests.push(message);
    return route(message, popupSender);
  };
  current = extension;
  return extension;
}

/** Renders part of the app as the app does: with somewhere to offer a deletion back. */
export function renderInApp(node: ComponentChild): RenderResult {
  return render(h(UndoProvider, null, node));
}

/**
 * Unmounts what a test rendered and lets Preact's last scheduled effects run (they wait for a frame,
 * or 35 ms), so none fires after the test environment is gone.
 */
export async function unmountAll(): Promise<void> {
  cleanup();
  await new Promise((resolve) => setTimeout(resolve, 50));
}

/**
 * Sets every test of the file up with a fresh background that has read both seed articles, and
 * unmounts after each; returns how to reach the test's extension.
 */
export function withSeedsRead(): () => FakeExtension {
  let extension: FakeExtension | null = null;
  beforeEach(async () => {
    extension = installExtension();
    await readSeeds(extension);
  });
  afterEach(unmountAll);
  return () => {
    if (!extension) throw new Error('withSeedsRead: no test is running');
    return extension;
  };
}

/** Both seed articles, read in order (the BBC's, then WION's). */
export async function readSeeds(extension: FakeExtension): Promise<[SeedPage, SeedPage]> {
  const pages = seedPages() as [SeedPage, SeedPage];
  for (const page of pages) await extension.read(page);
  return pages;
}

/** What a content script's reading of its page reports: by default, an article highlighted and saved. */
export function sessionReport(changes: Partial<SessionReport> = {}): SessionReport {
  return {
    state: 'highlighted',
    people: 6,
    allegations: 3,
    responses: 1,
    notes: { placed: 0, orphaned: 0 },
    orphanedNotes: [],
    store: 'saved',
    timeToHighlightsMs: 80,
    phases: { snapshotMs: 1, paintMs: 1, extractMs: 10, analyseMs: 5 },
    ...changes,
  };
}

/** What a tab's content script says about an article it has highlighted, for `FakeExtension.tabs`. */
export function highlightedTab(
  url: string,
  isArticle = true,
  session: SessionReport | null = isArticle ? sessionReport() : null,
): ResponseTo<{ type: 'tab/page-state' }> {
  return {
    page: { url, title: 'From the tab', isArticle },
    mode: 'auto',
    highlights: {
      shown: session !== null,
      session,
      mainThread: { busyMs: 0, longestSliceMs: 0, slices: 0, articleCheckMs: 0, scriptEvaluationMs: 0 },
    },
  };
}

function tabAnswer(tabId: number, request: TabRequest): Reply<unknown> {
  const state = current?.tabs.get(tabId);
  if (!state) throw new Error('Could not establish connection. Receiving end does not exist.');
  switch (request.type) {
    case 'tab/page-state':
      return { ok: true, value: state };
    case 'tab/highlights':
      return { ok: true, value: state.highlights };
    default:
      return { ok: true, value: null };
  }
}

/** What the app imports as webextension-polyfill. */
export const polyfill = {
  default: {
    runtime: {
      id: identity.id,
      getURL: (path: string) => `${identity.origin}${path}`,
      getManifest: () => ({ manifest_version: 3, name: 'Crosscheck', version: '0.1.0' }),
      sendMessage: (_message: unknown): Promise<unknown> => Promise.reject(new Error('no extension installed')),
      onMessage: {
        addListener: (listener: Listener) => listeners.add(listener),
        removeListener: (listener: Listener) => listeners.delete(listener),
      },
    },
    commands: { getAll: () => Promise.resolve([{ name: 'toggle-highlights', shortcut: 'Alt+Shift+H' }]) },
    tabs: {
      query: vi.fn(() => Promise.resolve([{ id: 1 }])),
      sendMessage: (tabId: number, request: TabRequest) => Promise.resolve().then(() => tabAnswer(tabId, request)),
      create: ({ url }: { url: string }) => {
        current?.opened.push(url);
        return Promise.resolve({ id: 99 });
      },
    },
  },
};
