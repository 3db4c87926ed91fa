/** The background telling the rest of the extension that something changed. */
import browser from 'webextension-polyfill';
import type { ExtensionEvent, StoreTopic, TabRequest } from '../messaging/contract.ts';

/** Tells the open popup and notebook what changed, so their views query again. */
export function announceStoreChange(topics: StoreTopic[]): void {
  const event: ExtensionEvent = { type: 'store/changed', topics };
  // With no extension page open there is no one to tell, and the browser says so by rejecting.
  browser.runtime.sendMessage(event).catch(() => undefined);
}

/** Tells the page that is importing a file how far the writing has come. */
export function announceImportProgress(session: string, written: number, total: number): void {
  const event: ExtensionEvent = { type: 'import/progress', session, written, total };
  browser.runtime.sendMessage(event).catch(() => undefined);
}

/** Tells every tab's content script that the settings changed; each asks again what to do on its page. */
export async function announceSettingsChange(): Promise<void> {
  const request: TabRequest = { type: 'tab/settings-changed' };
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.flatMap((tab) =>
      // Tabs without the content script (browser pages, pages not on the web) cannot answer.
      tab.id === undefined ? [] : [browser.tabs.sendMessage(tab.id, request).catch(() => undefined)],
    ),
  );
}
