import browser from 'webextension-polyfill';

/**
 * The tab the app is about: `?tab=<id>` when the app was opened for a given tab (the notebook, or
 * tests), otherwise the active tab of the window the popup belongs to.
 */
export async function currentTabId(search: string): Promise<number | undefined> {
  const requested = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(requested) && requested > 0) return requested;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
