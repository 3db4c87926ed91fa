/**
 * Chrome may prerender a page the reader is expected to open next (a link they hover, a page's own
 * speculation rules), in the same tab, with the content script running in it. Such a page may never
 * be opened: Crosscheck neither reads it nor records it as a source read until it is. Otherwise the
 * store would hold articles the reader never saw, and the prerendered page's reading would take the
 * place of the reading of the page the reader is on (one reading per tab, see
 * src/background/tab-readings.ts).
 */
type MaybePrerendered = Document & { prerendering?: boolean };

/** Resolves at once on a page the reader has open, and when a prerendered one is opened. */
export function whenOpened(document: MaybePrerendered): Promise<void> {
  if (!document.prerendering) return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('prerenderingchange', () => resolve(), { once: true }));
}
