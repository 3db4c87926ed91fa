/**
 * The background: owns the database and answers the content scripts and extension pages through
 * the message contract. It may be stopped at any moment (Chrome stops idle service workers), so it
 * keeps nothing in memory that matters: every write is one IndexedDB transaction.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { sendToTab } from '../messaging/send.ts';
import { CrosscheckDatabase } from '../store/database.ts';
import { StoreHealth } from '../store/store-health.ts';
import { requestPersistence } from '../store/store-status.ts';
import { announceImportProgress, announceSettingsChange, announceStoreChange } from './announcements.ts';
import { runCommand } from './highlight-command.ts';
import { createMessageRouter } from './message-router.ts';
import { createStoreHandlers } from './store-handlers.ts';
import { showStoreProblem } from './toolbar-status.ts';

const db = new CrosscheckDatabase();
const health = new StoreHealth((problem) => {
  void showStoreProblem(problem);
  announceStoreChange(['status']);
});
const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;

const route = createMessageRouter(
  createStoreHandlers({
    db,
    health,
    storage,
    announce: announceStoreChange,
    settingsChanged: () => void announceSettingsChange(),
    importProgress: announceImportProgress,
  }),
  { id: browser.runtime.id, origin: browser.runtime.getURL('') },
);

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => route(message, sender));

requestPersistence(storage).catch((error: unknown) => {
  console.warn('[Crosscheck] could not ask for persistent storage:', error);
});

// The keyboard command toggles the highlights in the tab it was pressed in.
browser.commands.onCommand.addListener((command: string, tab?: { id?: number }) => {
  void runCommand(command, tab?.id, {
    activeTabId: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id,
    toggle: (tabId) => sendToTab(tabId, { type: 'tab/highlights', action: 'toggle' }),
  });
});
