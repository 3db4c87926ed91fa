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
  /**
   * Whether the body part is only the area the page declares for its article (with the elements
   * around it, but not their other content). The background reads little text there as a sign that
   * the declaration was wrong, and the page then sends the whole body.
   */
  scoped: boolean;
}

export interface TakenSnapshot {
  snapshot: PageSnapshot;
  /** The live Text nodes, in the order written: the background's text positions index this list. */
  nodes: Text[];
  /**
   * What each node held when it was read: a node whose text changed since has no place in the answer.
   * (The snapshot writes a node of whitespace alone as one space: it holds no position the answer names
   * other than its first.)
   */
  data: string[];
}

/**
 * Left out with everything in them: not article text, and Readability drops them (scripts, styles,
 * embedded documents and drawings before it reads; navigation, footers, asides and form controls
 * from what it keeps). Menus and footers are a large part of a news page, and every node the walk
 * touches costs the page's main thread.
 */
const skippedTags = new Set([
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
/**
 * What Readability and the block finder look at besides id and class; the rest (scripts' data,
 * inline styles, srcset...) stays behind. Few elements carry any of them, so one query finds those
 * and the walk reads just id and class from the others.
 */
const rareAttributes = ['itemprop', 'rel', 'role', 'hidden', 'aria-hidden'];
const rareAttributeSelector = [...rareAttributes, 'style'].map((name) => `[${name}]`).join(',') + ',a[href^="#"]';
const plainTagName = /^[a-z][a-z0-9-]*$/;
const blank = /^\s+$/;

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeText = (text: string) =>
  /[&<>]/.test(text) ? text.replace(/[&<>]/g, (char) => escapes[char] as string) : text;
const escapeAttribute = (value: string) =>
  /[&<>"]/.test(value) ? value.replace(/[&<>"]/g, (char) => escapes[char] as string) : value;

/**
 * The snapshots to read the article from, cheapest first: the area the page declares for its article
 * when it declares one, then, if the reader asks for more, the whole body.
 */
export function* snapshotsOf(document: Document): Generator<TakenSnapshot, void> {
  const scope = declaredArticleArea(document);
  if (scope) yield takeSnapshot(document, scope);
  yield takeSnapshot(document, null);
}

/** Takes the snapshot of a document's head metadata and its body, or only `scope` and its ancestors in the body. */
export function takeSnapshot(document: Document, scope: Element | null = null): TakenSnapshot {
  const parts: string[] = ['<html><head>', headOf(document), '</head>'];
  const nodes: Text[] = [];
  const data: string[] = [];
  const body = document.body as HTMLElement | null;
  if (body) {
    // One query over what is written below the scope (or the body) finds its rare attributes; the
    // few elements above are tested one by one.
    const rare = new Set((scope ?? body).querySelectorAll(rareAttributeSelector));
    const attributesOf = (element: Element) => attributeText(element, rare.has(element));
    const outerAttributesOf = (element: Element) => attributeText(element, element.matches(rareAttributeSelector));
    const written = { nodes, data, attributesOf };
    parts.push(`<body${outerAttributesOf(body)}>`);
    if (scope) {
      // Readability weighs a candidate by its ancestors' names too: they are written, without their other children.
      const outer: Element[] = [scope];
      for (let element = scope.parentElement; element && element !== body; element = element.parentElement) {
        outer.unshift(element);
      }
      const tags = outer.map((element) => tagNameFor(element.localName));
      outer.forEach((element, index) => parts.push(`<${tags[index]}${outerAttributesOf(element)}>`));
      parts.push(writeChildren(scope, written));
      for (const tag of tags.reverse()) parts.push(`</${tag}>`);
    } else {
      parts.push(writeChildren(body, written));
    }
    parts.push('</body>');
  }
  parts.push('</html>');
  return { snapshot: { html: parts.join(''), texts: nodes.length, scoped: scope !== null }, nodes, data };
}

/**
 * The part of the body the page marks as its article, found with one query: its one `<article>`,
 * its one `articleBody`, or its one `<main>` (else where its paragraphs are), widened to reach the first headline when that lies
 * outside, else one level up (the byline and the headline often sit beside the body text, not in
 * it). Null when the page declares none, when the area is the body, or when it sits where a
 * whole-body snapshot would leave it out.
 */
function declaredArticleArea(document: Document): Element | null {
  const body = document.body as HTMLElement | null;
  if (!body) return null;
  // One query (one walk of the page) for every kind of declaration and the headline.
  const found: Record<'article' | 'articleBody' | 'main' | 'h1', Element[]> = {
    article: [],
    articleBody: [],
    main: [],
    h1: [],
  };
  for (const element of body.querySelectorAll('article, [itemprop~="articleBody"], main, h1')) {
    if (element.localName === 'h1') found.h1.push(element);
    if (element.localName === 'article') found.article.push(element);
    else if (element.localName === 'main') found.main.push(element);
    if (element.matches('[itemprop~="articleBody"]')) found.articleBody.push(element);
  }
  const declared = onlyOne(found.article) ?? onlyOne(found.articleBody) ?? onlyOne(found.main) ?? proseArea(body);
  if (!declared) return null;
  const headline = found.h1[0];
  const scope =
    headline && !declared.contains(headline)
      ? commonAncestor(declared, headline)
      : ((declared.parentElement as Element | null) ?? declared);
  for (let element: Element | null = scope; element && element !== body; element = element.parentElement) {
    if (skippedTags.has(element.localName)) return null;
  }
  return scope === body || !body.contains(scope) ? null : scope;
}

const minParagraphLength = 25;
const strongContainerShare = 0.25;

/**
 * Where the prose is, on a page that declares nothing: Readability's first step in miniature. Every
 * paragraph with some prose gives points to its parent and half to its grandparent; the area holds
 * every container that scored at least a quarter of the best one.
 */
function proseArea(body: HTMLElement): Element | null {
  const scores = new Map<Element, number>();
  const add = (element: Element | null, points: number) => {
    if (element) scores.set(element, (scores.get(element) ?? 0) + points);
  };
  for (const paragraph of body.querySelectorAll('p, pre')) {
    const text = paragraph.textContent ?? '';
    if (text.length < minParagraphLength) continue;
    const points = 1 + (text.split(',').length - 1) + Math.min(Math.floor(text.length / 100), 3);
    add(paragraph.parentElement, points);
    add(paragraph.parentElement?.parentElement ?? null, points / 2);
  }
  let best = 0;
  for (const points of scores.values()) best = Math.max(best, points);
  let area: Element | null = null;
  for (const [element, points] of scores) {
    if (points >= best * strongContainerShare) area = area ? commonAncestor(area, element) : element;
  }
  return area;
}

function onlyOne(elements: Element[]): Element | null {
  return elements.length === 1 ? (elements[0] as Element) : null;
}

function commonAncestor(a: Element, b: Element): Element {
  let ancestor: Element = a;
  while (!ancestor.contains(b) && ancestor.parentElement) ancestor = ancestor.parentElement;
  return ancestor;
}

/** What the article's metadata comes from: meta tags, the canonical and base links, JSON-LD. */
const metadataSelector = 'meta, link[rel="canonical"], base, script[type="application/ld+json"]';

/** The head's title, then the page's metadata elements wherever they are, in one query (one walk of the page). */
function headOf(document: Document): string {
  const parts = [`<title>${escapeText(document.title)}</title>`];
  for (const element of document.querySelectorAll(metadataSelector)) {
    const name = element.localName;
    if (name === 'meta') {
      parts.push(`<meta${copiedAttributes(element, ['name', 'property', 'itemprop', 'content'])}/>`);
    } else if (name === 'link') {
      parts.push(`<link${copiedAttributes(element, ['rel', 'href'])}/>`);
    } else if (name === 'base') {
      parts.push(`<base${copiedAttributes(element, ['href'])}/>`);
    } else {
      parts.push(`<script type="application/ld+json">${escapeText(element.textContent ?? '')}</script>`);
    }
  }
  return parts.join('');
}

function copiedAttributes(element: Element, names: readonly string[]): string {
  let written = '';
  for (const name of names) {
    const value = element.getAttribute(name);
    if (value !== null) written += ` ${name}="${escapeAttribute(value)}"`;
  }
  return written;
}

/**
 * Writes the subtree under `root`, without `root` itself, walking siblings and parents rather than
 * recursing (a page can nest deeper than the stack goes). The closing tags wait on a stack.
 */
function writeChildren(
  root: Element,
  { nodes, data, attributesOf }: Omit<TakenSnapshot, 'snapshot'> & { attributesOf: (element: Element) => string },
): string {
  let html = '';
  const open: string[] = [];
  let lastWasText = false;
  let node: Node | null = root.firstChild;
  while (node) {
    const type = node.nodeType;
    if (type === 3 /* Node.TEXT_NODE */) {
      const text = (node as Text).data;
      if (text.length > 0) {
        // Indentation between tags is much of a page's text: one space says as much to Readability and
        // to the text builder, which collapses whitespace anyway.
        const written = blank.test(text) ? ' ' : escapeText(text);
        // JSDOMParser reads text up to the next tag: a comment keeps two Text nodes two nodes.
        html += lastWasText ? `<!---->${written}` : written;
        nodes.push(node as Text);
        data.push(text);
        lastWasText = true;
      }
    } else if (type === 1 /* Node.ELEMENT_NODE */) {
      const name = (node as Element).localName;
      if (!skippedTags.has(name)) {
        const tag = tagNameFor(name);
        lastWasText = false;
        if (voidTags.has(name)) {
          html += `<${tag}${attributesOf(node as Element)}/>`;
        } else {
          html += `<${tag}${attributesOf(node as Element)}>`;
          const child: Node | null = node.firstChild;
          if (child) {
            open.push(tag);
            node = child;
            continue;
          }
          html += `</${tag}>`;
        }
      }
    }
    // Next: the sibling, or the next sibling of the nearest ancestor that has one, closing on the way up.
    let next: Node | null = node.nextSibling;
    while (!next) {
      node = node.parentNode;
      if (!node || node === root) return html;
      html += `</${open.pop() as string}>`;
      lastWasText = false;
      next = node.nextSibling;
    }
    node = next;
  }
  return html;
}

const tagNames = new Map<string, string>();

/** The element's name as written: odd names (namespaced, scripted) become a neutral inline element. */
function tagNameFor(localName: string): string {
  let tag = tagNames.get(localName);
  if (tag === undefined) {
    tag = plainTagName.test(localName) ? localName : 'span';
    tagNames.set(localName, tag);
  }
  return tag;
}

function attributeText(element: Element, hasRare: boolean): string {
  let written = '';
  const id = element.id;
  if (id) written += ` id="${escapeAttribute(id)}"`;
  const className = element.getAttribute('class');
  if (className) written += ` class="${escapeAttribute(className)}"`;
  if (!hasRare) return written;
  written += copiedAttributes(element, rareAttributes);
  if (element.localName === 'a' && element.getAttribute('href')?.startsWith('#')) written += ' href="#"';
  const style = element.getAttribute('style');
  if (style && /display\s*:\s*none/i.test(style)) {
    written += ' style="display:none"'; // Readability skips what is not shown; the rest of a style does not matter to it.
  } else if (style && /visibility\s*:\s*hidden/i.test(style)) {
    written += ' style="visibility:hidden"';
  }
  return written;
}
