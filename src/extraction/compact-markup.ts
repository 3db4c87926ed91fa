/**
 * The compact markup the background reads a page from: what it keeps of a page (elements, the
 * attributes Readability reads, every Text node) and how it writes it for JSDOMParser, a strict
 * parser. The page writes it from its live DOM (src/page/page-snapshot.ts); the background rewrites
 * the browser's own serialisation of the page into it (native-markup.ts). Both follow these rules,
 * so both give the same markup for the same page.
 *
 * Every element is closed, void elements are self-closed, attribute values are double-quoted, and
 * an empty comment keeps two adjacent Text nodes apart (the parser reads text up to the next `<`).
 * Text and attribute values are escaped, so whatever a page's text says (`</p><script>`), it stays text.
 */

/**
 * Left out with everything in them: not article text, and Readability drops them (scripts, styles,
 * embedded documents and drawings before it reads; navigation, footers, asides and form controls
 * from what it keeps). Menus and footers are a large part of a news page.
 */
export const skippedTags: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'svg',
  'math',
  'object',
  'embed',
  'canvas',
  'nav',
  'footer',
  'aside',
  'form',
  'select',
  'textarea',
  'button',
]);

/** Written self-closed. */
export const voidTags: ReadonlySet<string> = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/**
 * What Readability and the block finder look at besides id and class; the rest (scripts' data,
 * inline styles, srcset...) stays behind.
 */
export const rareAttributes = ['itemprop', 'rel', 'role', 'hidden', 'aria-hidden'] as const;

const plainTagName = /^[a-z][a-z0-9-]*$/;
const blank = /^\s+$/;

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export const escapeText = (text: string) =>
  /[&<>]/.test(text) ? text.replace(/[&<>]/g, (char) => escapes[char] as string) : text;
export const escapeAttribute = (value: string) =>
  /[&<>"]/.test(value) ? value.replace(/[&<>"]/g, (char) => escapes[char] as string) : value;

/**
 * A Text node as written: indentation between tags is much of a page's text, and one space says as
 * much to Readability and to the text builder, which collapses whitespace anyway.
 */
export const writtenText = (text: string) => (blank.test(text) ? ' ' : escapeText(text));

/** Between two adjacent Text nodes: JSDOMParser reads text up to the next tag, and drops comments. */
export const textSeparator = '<!---->';

const tagNames = new Map<string, string>();

/** An element's name as written: odd names (namespaced, scripted) become a neutral inline element. */
export function tagNameFor(localName: string): string {
  let tag = tagNames.get(localName);
  if (tag === undefined) {
    tag = plainTagName.test(localName) ? localName : 'span';
    tagNames.set(localName, tag);
  }
  return tag;
}

/** The named attributes that are present, written. */
export function copiedAttributes(read: (name: string) => string | null, names: readonly string[]): string {
  let written = '';
  for (const name of names) {
    const value = read(name);
    if (value !== null) written += ` ${name}="${escapeAttribute(value)}"`;
  }
  return written;
}

/**
 * An element's attributes as written: id and class, and, when `rare` (the element may carry any of
 * them), the rare attributes, an in-page link's `href="#"` and whether its style hides it.
 */
export function writtenAttributes(localName: string, read: (name: string) => string | null, rare: boolean): string {
  let written = '';
  const id = read('id');
  if (id) written += ` id="${escapeAttribute(id)}"`;
  const className = read('class');
  if (className) written += ` class="${escapeAttribute(className)}"`;
  if (!rare) return written;
  written += copiedAttributes(read, rareAttributes);
  if (localName === 'a' && read('href')?.startsWith('#')) written += ' href="#"';
  const style = read('style');
  if (style && /display\s*:\s*none/i.test(style)) {
    written += ' style="display:none"'; // Readability skips what is not shown; the rest of a style does not matter to it.
  } else if (style && /visibility\s*:\s*hidden/i.test(style)) {
    written += ' style="visibility:hidden"';
  }
  return written;
}
