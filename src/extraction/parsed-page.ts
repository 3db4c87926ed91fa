/**
 * A page snapshot parsed by Readability's JSDOMParser (no DOM needed: it runs in Chrome's service
 * worker, Firefox's event page and Node alike), with what the article finder asks of a tree that
 * JSDOMParser does not answer: each body Text node's position in the snapshot's order, and document
 * order (which node comes first, which contains which).
 */
import JSDOMParser, {
  type ParsedDocument,
  type ParsedElement,
  type ParsedNode,
} from '@mozilla/readability/JSDOMParser.js';

export type { ParsedDocument, ParsedElement, ParsedNode };

export interface ParsedPage {
  document: ParsedDocument;
  /** The body's Text nodes, in document order: the n-th is the snapshot's n-th. */
  texts: ParsedNode[];
  /** The body texts a line break (`<br>`) comes before, since the previous text. */
  breakBefore: Set<number>;
  /** Each node's position in a walk of the whole tree, and the position of its last descendant. */
  order: Map<ParsedNode, { at: number; last: number }>;
}

const textNode = 3;
const elementNode = 1;

export function parsePage(html: string, url: string): ParsedPage {
  const parser = new JSDOMParser();
  const document = parser.parse(html, url);
  if (parser.errorState) throw new Error(`the page snapshot does not parse: ${parser.errorState.split('\n')[0]}`);
  const texts: ParsedNode[] = [];
  const order = new Map<ParsedNode, { at: number; last: number }>();
  const breakBefore = new Set<number>();
  let position = 0;
  let lineBreak = false;
  const walk = (node: ParsedNode, inBody: boolean) => {
    const entry = { at: position++, last: 0 };
    order.set(node, entry);
    if (inBody && node.nodeType === textNode) {
      if (lineBreak) breakBefore.add(texts.length);
      lineBreak = false;
      texts.push(node);
    }
    if (isElement(node) && node.tagName === 'BR') lineBreak = true;
    for (const child of node.childNodes) walk(child, inBody || child === document.body);
    entry.last = position - 1;
  };
  walk(document, false);
  return { document, texts, breakBefore, order };
}

/** The Text nodes under a node, in document order. */
export function textsUnder(root: ParsedNode): ParsedNode[] {
  const texts: ParsedNode[] = [];
  const walk = (node: ParsedNode) => {
    if (node.nodeType === textNode) texts.push(node);
    else for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return texts;
}

export function isElement(node: ParsedNode | null): node is ParsedElement {
  return node?.nodeType === elementNode;
}

/** The nearest element at or above `node` whose tag is one of `tags` (upper case). */
export function closest(node: ParsedNode, tags: ReadonlySet<string>): ParsedElement | null {
  for (let at: ParsedNode | null = node; at; at = at.parentNode) {
    if (isElement(at) && tags.has(at.tagName)) return at;
  }
  return null;
}
