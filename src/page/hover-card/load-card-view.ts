/**
 * Loads the card's view (card-view.ts) from the extension's own files: a module the manifest makes
 * reachable from web pages (a content script's `import()` is fetched on the page's behalf), under an
 * address that changes each session in Chrome, and under the extension's random install id in
 * Firefox, so a page cannot guess where it is.
 */
import browser from 'webextension-polyfill';
import { markOwn } from '../own-nodes.ts';
import type { CardSurface } from './card-surface.ts';
import type * as CardViewModule from './card-view.ts';

/** The view's bundle, as the build names it and the manifest lists it. */
export const cardViewFile = 'card-view.js';

export async function loadCardView(document: Document): Promise<CardSurface> {
  const module = (await import(browser.runtime.getURL(cardViewFile))) as typeof CardViewModule;
  return module.createCardView(document, markOwn);
}
