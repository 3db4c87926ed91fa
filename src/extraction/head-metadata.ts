/**
 * What a page declares about itself in its markup: `<meta>` values and JSON-LD scripts' text. Written
 * against the little both documents offer, so the content script's article check (the live DOM) and
 * the background's extraction (Readability's JSDOMParser, which has no selectors) read them alike.
 */
interface MarkupElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
}

interface MarkupDocument {
  getElementsByTagName(tag: string): ArrayLike<MarkupElement>;
  /**
   * A live DOM's: the browser matches, and only the elements it finds are handed to the script
   * (on a page, every element handed over costs a wrapper in the content script's world).
   */
  querySelectorAll?(selectors: string): ArrayLike<MarkupElement>;
}

/** The elements a selector may match (more than the exact test keeps), or every element of the tag. */
function candidates(document: MarkupDocument, tag: string, selectors: string): MarkupElement[] {
  return Array.from(document.querySelectorAll?.(selectors) ?? document.getElementsByTagName(tag));
}

/** A `<meta property=…>` or `<meta name=…>` value, trimmed; undefined when absent or empty. */
export function metaContent(document: MarkupDocument, property: string): string | undefined {
  const value = JSON.stringify(property);
  const meta = candidates(document, 'meta', `meta[property=${value}], meta[name=${value}]`).find(
    (element) => element.getAttribute('property') === property || element.getAttribute('name') === property,
  );
  return meta?.getAttribute('content')?.trim() || undefined;
}

/** The page's JSON-LD scripts' text. */
export function jsonLdScripts(document: MarkupDocument): string[] {
  // A selector matches `type` regardless of case: the exact test stays.
  return candidates(document, 'script', 'script[type="application/ld+json"]')
    .filter((script) => script.getAttribute('type') === 'application/ld+json')
    .map((script) => script.textContent ?? '');
}
