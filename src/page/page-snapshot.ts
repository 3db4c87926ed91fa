/**
 * The page as the background needs it to find the article: one walk over the document writes a
 * compact copy of it as HTML (its head's metadata, its body's elements with only the attributes
 * Readability reads, and every Text node) and keeps the live Text nodes in the order written. The
 * background parses the copy with Readability's own JSDOMParser, and answers in terms of positions
 * in that order, which this side turns back into the live nodes (see text-map.ts).
 *
 * The copy is written for JSDOMParser, a strict parser: every element is closed, void elements are
 * self-closed, attribute values are double-quoted, and an empty comment keeps two adjacent Text
 * nodes apart (the parser reads text up to the next `<`). Text and attribute values are escaped, so
 * whatever a page's text says (`</p><script>`), it stays text.
 */

export interface PageSnapshot {
  html: string;
  /** How many Text nodes the body part holds; the background checks that it parsed as many. */
  texts: number;
}

export interface TakenSnapshot {
  snapshot: PageSnapshot;
  /** The live Text nodes, in the order written: the background's text positions index this list. */
  nodes: Text[];
  /** What each node held when it was written: a node whose text changed since has no place in the answer. */
  data: string[];
}

// Their content is not article text, and Readability drops it anyway.
const skippedTags = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'math', 'object', 'canvas']);
const voidTags = new Set([
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
/** What Readability and the block finder look at; the rest (scripts' data, inline styles, srcset...) stays behind. */
const keptAttributes = new Set([
  'id',
  'class',
  'itemprop',
  'itemtype',
  'rel',
  'role',
  'hidden',
  'aria-hidden',
  'lang',
  'dir',
  'datetime',
]);
const maxHrefLength = 200;
const plainTagName = /^[a-z][a-z0-9-]*$/;

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeText = (text: string) => text.replace(/[&<>]/g, (char) => escapes[char] as string);
const escapeAttribute = (value: string) => value.replace(/[&<>"]/g, (char) => escapes[char] as string);

/** Takes the snapshot of a document's head metadata and body. */
export function takeSnapshot(document: Document): TakenSnapshot {
  const parts: string[] = ['<html><head>', headOf(document), '</head>'];
  const nodes: Text[] = [];
  const data: string[] = [];
  const body = document.body as HTMLElement | null;
  if (body) {
    parts.push(`<body${attributesOf(body)}>`);
    writeChildren(body, parts, nodes, data);
    parts.push('</body>');
  }
  parts.push('</html>');
  return { snapshot: { html: parts.join(''), texts: nodes.length }, nodes, data };
}

/** The head's title, metadata, canonical and base links, and JSON-LD: what the article's metadata comes from. */
function headOf(document: Document): string {
  const parts = [`<title>${escapeText(document.title)}</title>`];
  for (const element of document.querySelectorAll(
    'meta[content], link[rel="canonical"][href], base[href], script[type="application/ld+json"]',
  )) {
    if (element.tagName === 'SCRIPT') {
      parts.push(`<script type="application/ld+json">${escapeText(element.textContent ?? '')}</script>`);
    } else {
      let attributes = '';
      for (const name of ['name', 'property', 'itemprop', 'content', 'rel', 'href']) {
        const value = element.getAttribute(name);
        if (value !== null) attributes += ` ${name}="${escapeAttribute(value)}"`;
      }
      parts.push(`<${element.tagName.toLowerCase()}${attributes}/>`);
    }
  }
  return parts.join('');
}

/** Writes the subtree under `root`, without `root` itself, walking siblings and parents rather than recursing. */
function writeChildren(root: Element, parts: string[], nodes: Text[], data: string[]): void {
  let lastWasText = false;
  let node: Node | null = root.firstChild;
  while (node) {
    if (node.nodeType === 3 /* Node.TEXT_NODE */) {
      const text = (node as Text).data;
      if (text.length > 0) {
        // JSDOMParser reads text up to the next tag: a comment keeps two Text nodes two nodes.
        if (lastWasText) parts.push('<!---->');
        parts.push(escapeText(text));
        nodes.push(node as Text);
        data.push(text);
        lastWasText = true;
      }
    } else if (node.nodeType === 1 /* Node.ELEMENT_NODE */ && !skippedTags.has((node as Element).localName)) {
      const element = node as Element;
      const tag = tagOf(element);
      lastWasText = false;
      if (voidTags.has(element.localName)) {
        parts.push(`<${tag}${attributesOf(element)}/>`);
      } else if (element.firstChild) {
        parts.push(`<${tag}${attributesOf(element)}>`);
        node = element.firstChild;
        continue;
      } else {
        parts.push(`<${tag}${attributesOf(element)}></${tag}>`);
      }
    }
    // Next: the sibling, or the next sibling of the nearest ancestor that has one, closing on the way up.
    while (node && !node.nextSibling) {
      node = node.parentNode;
      if (!node || node === root) return;
      parts.push(`</${tagOf(node as Element)}>`);
      lastWasText = false;
    }
    node = node ? node.nextSibling : null;
  }
}

/** The element's name as written: odd names (namespaced, scripted) become a neutral inline element. */
function tagOf(element: Element): string {
  const name = element.localName;
  return plainTagName.test(name) ? name : 'span';
}

function attributesOf(element: Element): string {
  let written = '';
  for (const attribute of element.attributes) {
    const name = attribute.name;
    if (keptAttributes.has(name)) {
      written += ` ${name}="${escapeAttribute(attribute.value)}"`;
    } else if (name === 'href' && element.localName === 'a') {
      written += ` href="${escapeAttribute(attribute.value.slice(0, maxHrefLength))}"`;
    } else if (name === 'style' && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attribute.value)) {
      // Readability skips what is not shown; the rest of an inline style does not matter to it.
      written += ` style="${/display\s*:\s*none/i.test(attribute.value) ? 'display:none' : 'visibility:hidden'}"`;
    }
  }
  return written;
}
