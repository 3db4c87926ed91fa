/**
 * The page as the background needs it to find the article, in one of two forms:
 *
 * - native (the cheap one): the browser's own serialisation of the article area (`outerHTML`, run
 *   by the browser, not by a script walking the page) and the live Text nodes, collected by one
 *   TreeWalker over the same area, with their lengths. The background rewrites the markup into the
 *   compact form below and checks, node by node, that its text splits exactly into those lengths
 *   (src/extraction/native-markup.ts). Where it does not, it says so, and the page sends:
 * - written: one walk over the document writes the compact markup itself (its head's metadata, its
 *   body's elements with only the attributes Readability reads, every Text node) and keeps the live
 *   Text nodes in the order written.
 *
 * The background parses the compact markup (src/extraction/compact-markup.ts) with Readability's own
 * JSDOMParser, and answers in terms of positions in the page's list of Text nodes, which this side
 * turns back into the live nodes (see text-map.ts).
 */
import {
  copiedAttributes,
  escapeText,
  rareAttributes,
  skippedTags,
  tagNameFor,
  textSeparator,
  voidTags,
  writtenAttributes,
  writtenText,
} from '../extraction/compact-markup.ts';

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

/** The browser's serialisation of the area to read, in the compact markup's frame. */
export interface NativeSnapshot {
  /** The compact markup before the area: the head's metadata, the body's and the area's ancestors' start tags. */
  before: string;
  /** The area's (or the body's) `outerHTML`, as the browser serialised it. */
  markup: string;
  /** The end tags that close `before`. */
  after: string;
  /** The length of each non-empty Text node under the area, in tree order: how the markup's text must split. */
  lengths: number[];
  /**
   * Where the page took script and style text out of the markup (much of a page's markup, none of
   * its article): pairs of a position in `markup` (just after the start tag) and the text's length.
   */
  removed: number[];
  scoped: boolean;
}

export interface TakenSnapshot<S extends PageSnapshot | NativeSnapshot = PageSnapshot> {
  snapshot: S;
  /**
   * The live Text nodes: the background's text positions index this list. Written: in the order
   * written. Native: every non-empty one under the area, in tree order.
   */
  nodes: Text[];
  /**
   * What each node held when it was read: a node whose text changed since has no place in the answer.
   * (The snapshot writes a node of whitespace alone as one space: it holds no position the answer names
   * other than its first.)
   */
  data: string[];
}

/** Elements that may carry a rare attribute: one query finds them, and the walk reads just id and class from the others. */
const rareAttributeSelector = [...rareAttributes, 'style'].map((name) => `[${name}]`).join(',') + ',a[href^="#"]';

/**
 * What one query (one walk of the document) finds: the metadata elements the head is written from,
 * wherever they are, and, in the body, the elements that declare the article and its first headline.
 */
export interface PageLandmarks {
  metadata: Element[];
  article: Element[];
  articleBody: Element[];
  main: Element[];
  h1: Element[];
}

/** What the article's metadata comes from: meta tags, the canonical and base links, JSON-LD. */
const metadataSelector = 'meta, link[rel="canonical"], base, script[type="application/ld+json"]';
const landmarkSelector = `${metadataSelector}, article, [itemprop~="articleBody"], main, h1`;

export function landmarksOf(document: Document): PageLandmarks {
  const found: PageLandmarks = { metadata: [], article: [], articleBody: [], main: [], h1: [] };
  const body = document.body as HTMLElement | null;
  for (const element of document.querySelectorAll(landmarkSelector)) {
    const name = element.localName;
    const metadata =
      name === 'meta' ||
      name === 'base' ||
      ((name === 'link' || name === 'script') && element.matches(metadataSelector));
    if (metadata) found.metadata.push(element);
    // A metadata element declares the article body too only with an itemprop; declarations count in the body only.
    if ((metadata && !element.hasAttribute('itemprop')) || !body?.contains(element)) continue;
    if (name === 'h1') found.h1.push(element);
    if (name === 'article') found.article.push(element);
    else if (name === 'main') found.main.push(element);
    if (element.matches('[itemprop~="articleBody"]')) found.articleBody.push(element);
  }
  return found;
}

/**
 * The areas to read the article from, cheapest first: the area the page declares for its article
 * when it declares one (null: the whole body), then, if the reader asks for more, the whole body.
 */
export function* articleAreas(
  document: Document,
  landmarks: PageLandmarks = landmarksOf(document),
): Generator<Element | null, void> {
  const scope = declaredArticleArea(document, landmarks);
  if (scope) yield scope;
  yield null;
}

/** The written snapshots of each area in turn. */
export function* snapshotsOf(document: Document): Generator<TakenSnapshot, void> {
  const landmarks = landmarksOf(document);
  for (const area of articleAreas(document, landmarks)) yield takeSnapshot(document, area, landmarks);
}

/** Takes the snapshot of a document's head metadata and its body, or only `scope` and its ancestors in the body. */
export function takeSnapshot(
  document: Document,
  scope: Element | null = null,
  landmarks: PageLandmarks = landmarksOf(document),
): TakenSnapshot {
  const nodes: Text[] = [];
  const data: string[] = [];
  const body = document.body as HTMLElement | null;
  if (!body) {
    const { before } = frameOf(document, landmarks, null);
    return { snapshot: { html: before, texts: 0, scoped: scope !== null }, nodes, data };
  }
  const { before, after } = frameOf(document, landmarks, scope, true);
  // One query over what is written below the scope (or the body) finds its rare attributes.
  const rare = new Set((scope ?? body).querySelectorAll(rareAttributeSelector));
  const attributesOf = (element: Element) => attributeText(element, rare.has(element));
  const html = before + writeChildren(scope ?? body, { nodes, data, attributesOf }) + after;
  return { snapshot: { html, texts: nodes.length, scoped: scope !== null }, nodes, data };
}

/**
 * Takes the native snapshot of the body, or of `scope` within its ancestors: null where the browser's
 * serialisation cannot stand for the body (a frameset page, or none).
 */
export function takeNativeSnapshot(
  document: Document,
  scope: Element | null = null,
  landmarks: PageLandmarks = landmarksOf(document),
): TakenSnapshot<NativeSnapshot> | null {
  const body = document.body as HTMLElement | null;
  if (body?.localName !== 'body') return null;
  const root = scope ?? body;
  const { before, after } = frameOf(document, landmarks, scope, false);
  // Read, never written: the browser's serialisation goes to the background as data, which reads it as text.
  // eslint-disable-next-line no-restricted-properties -- reading the page's markup, not rendering any
  const { markup, removed } = withoutScriptText(root.outerHTML);
  const nodes: Text[] = [];
  const data: string[] = [];
  const lengths: number[] = [];
  const walker = document.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node as Text).data;
    // An empty Text node leaves no trace in the markup.
    if (text.length === 0) continue;
    nodes.push(node as Text);
    data.push(text);
    lengths.push(text.length);
  }
  return { snapshot: { before, markup, after, lengths, removed, scoped: scope !== null }, nodes, data };
}

/** A script or style element, serialised: its text runs unescaped to its end tag. */
const scriptText = /(<(script|style)(?=[\s>])[^>]*>)([^]*?)<\/\2>/g;

/**
 * The markup without the text of its scripts and styles, and where each was. Costs one native
 * regular-expression pass, and spares the messaging a copy of it. Where the pattern meets what only
 * looks like a script (in a comment), the background passes over the removal; anything else that
 * misleads it shows as a text that does not line up, and the page falls back to its written snapshot.
 */
function withoutScriptText(markup: string): { markup: string; removed: number[] } {
  const removed: number[] = [];
  let shortenedBy = 0;
  const shortened = markup.replace(
    scriptText,
    (whole: string, start: string, name: string, text: string, offset: number) => {
      if (text.length === 0) return whole;
      removed.push(offset - shortenedBy + start.length, text.length);
      shortenedBy += text.length;
      return `${start}</${name}>`;
    },
  );
  return { markup: shortened, removed };
}

/**
 * The compact markup around what is read: the head's metadata, then the body's start tag and, for an
 * area, its ancestors' (Readability weighs a candidate by its ancestors' names too: they are written,
 * without their other children), and the end tags after. `withRoot`: whether the start and end tags
 * of the area (or the body) itself are part of the frame; a native snapshot's markup holds them.
 */
function frameOf(
  document: Document,
  landmarks: PageLandmarks,
  scope: Element | null,
  withRoot = true,
): { before: string; after: string } {
  const head = `<html><head>${headOf(document, landmarks.metadata)}</head>`;
  const body = document.body as HTMLElement | null;
  if (!body) return { before: `${head}</html>`, after: '' };
  const outer: Element[] = scope ? [scope] : [];
  for (let element = scope?.parentElement; element && element !== body; element = element.parentElement) {
    outer.unshift(element);
  }
  outer.unshift(body);
  if (!withRoot) outer.pop();
  const tags = outer.map((element) => (element === body ? 'body' : tagNameFor(element.localName)));
  const before = outer.map((element, index) => `<${tags[index]}${outerAttributesOf(element)}>`).join('');
  const after = tags
    .reverse()
    .map((tag) => `</${tag}>`)
    .join('');
  return { before: head + before, after: `${after}</html>` };
}

/** The few elements above what is read are tested one by one. */
const outerAttributesOf = (element: Element) => attributeText(element, element.matches(rareAttributeSelector));

/**
 * The part of the body the page marks as its article: its one `<article>`, its one `articleBody`,
 * or its one `<main>` (else where its paragraphs are), widened to reach the first headline when that
 * lies outside, else one level up (the byline and the headline often sit beside the body text, not
 * in it). Null when the page declares none, when the area is the body, or when it sits where a
 * whole-body snapshot would leave it out.
 */
function declaredArticleArea(document: Document, found: PageLandmarks): Element | null {
  const body = document.body as HTMLElement | null;
  if (!body) return null;
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

/** The head's title, then the page's metadata elements wherever they are. */
function headOf(document: Document, metadata: readonly Element[]): string {
  const parts = [`<title>${escapeText(document.title)}</title>`];
  for (const element of metadata) {
    const name = element.localName;
    if (name === 'meta') {
      parts.push(`<meta${copiedAttributes(attributeReader(element), ['name', 'property', 'itemprop', 'content'])}/>`);
    } else if (name === 'link') {
      parts.push(`<link${copiedAttributes(attributeReader(element), ['rel', 'href'])}/>`);
    } else if (name === 'base') {
      parts.push(`<base${copiedAttributes(attributeReader(element), ['href'])}/>`);
    } else {
      parts.push(`<script type="application/ld+json">${escapeText(element.textContent ?? '')}</script>`);
    }
  }
  return parts.join('');
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
        html += lastWasText ? textSeparator + writtenText(text) : writtenText(text);
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

const attributeReader = (element: Element) => (name: string) => element.getAttribute(name);

function attributeText(element: Element, hasRare: boolean): string {
  return writtenAttributes(element.localName, attributeReader(element), hasRare);
}
