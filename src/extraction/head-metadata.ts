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
}

/** A `<meta property=…>` or `<meta name=…>` value, trimmed; undefined when absent or empty. */
export function metaContent(document: MarkupDocument, property: string): string | undefined {
  const meta = Array.from(document.getElementsByTagName('meta')).find(
    (element) => element.getAttribute('property') === property || element.getAttribute('name') === property,
  );
  return meta?.getAttribute('content')?.trim() || undefined;
}

/** The page's JSON-LD scripts' text. */
export function jsonLdScripts(document: MarkupDocument): string[] {
  return Array.from(document.getElementsByTagName('script'))
    .filter((script) => script.getAttribute('type') === 'application/ld+json')
    .map((script) => script.textContent ?? '');
}
