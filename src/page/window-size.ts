/**
 * The part of the window the page is shown in, scrollbars left out. The root element measures it
 * in a standards-mode page; in quirks mode (a page without a doctype) the root element measures the
 * whole document, and the body measures the window instead.
 */
export function windowSize(document: Document): { width: number; height: number } {
  const measured = document.compatMode === 'BackCompat' ? document.body : document.documentElement;
  if (measured) return { width: measured.clientWidth, height: measured.clientHeight };
  const view = document.defaultView;
  return { width: view?.innerWidth ?? 0, height: view?.innerHeight ?? 0 };
}
