/**
 * Where each character of the article's text lives in the page. The background builds the text
 * and its runs (src/extraction/text-runs.ts) from the page snapshot; a run names its Text node by its
 * position in the snapshot, and here it is tied back to the live node, which is all it takes to turn
 * an analysis span into a range of the page (for highlights) and a selection back into a span (for notes).
 *
 * Highlights are StaticRanges: a live Range is one more object the browser updates on every change
 * the page makes to its DOM (a news page makes many), for as long as it exists. A static one costs
 * the page nothing after it is made. Where the page changes the words under one, the highlight may
 * sit a little off until the watch on page changes has the article read again and painted anew
 * (page-changes.ts); a range left past its node's end is not painted at all. A live Range is made
 * only where one is needed, to ask where the words are on screen.
 */
import type { Span } from '../analysis/types.ts';
import { isWhitespace, type TextRun } from '../extraction/text-runs.ts';

/** text[start + i] is node.data[nodeStart + i] for every i below end - start. */
interface Segment {
  start: number;
  end: number;
  node: Text;
  nodeStart: number;
}

export class TextMap {
  readonly #segments: Segment[];
  readonly #byNode = new Map<Text, Segment[]>();

  constructor(segments: Segment[]) {
    this.#segments = segments;
    for (const segment of segments) {
      const list = this.#byNode.get(segment.node);
      if (list) list.push(segment);
      else this.#byNode.set(segment.node, [segment]);
    }
  }

  /** The range of the page for a span of the text, shrunk to the characters that have a place in the page. */
  rangeFor(span: Span): StaticRange | null {
    const first = this.#firstSegmentEndingAfter(span.start);
    const last = this.#lastSegmentStartingBefore(span.end);
    if (first === undefined || last === undefined || first.start >= span.end || last.end <= span.start) return null;
    return new (staticRangeClass(first.node))({
      startContainer: first.node,
      startOffset: first.nodeStart + Math.max(0, span.start - first.start),
      endContainer: last.node,
      endOffset: last.nodeStart + (Math.min(span.end, last.end) - last.start),
    });
  }

  /**
   * The text offset of a boundary point inside a mapped Text node (a selection's anchor or focus),
   * or null when the point is outside the article's text.
   */
  offsetOf(node: Node, offset: number): number | null {
    const segments = this.#byNode.get(node as Text);
    if (!segments) return null;
    for (const segment of segments) {
      const within = offset - segment.nodeStart;
      if (within <= segment.end - segment.start) return segment.start + Math.max(0, within);
    }
    const last = segments[segments.length - 1] as Segment;
    return last.end;
  }

  /**
   * The span of the text a live Range covers (the reader's selection), or null when it covers none
   * of the article. Ends that fall outside the article's text (on an element, in a caption the
   * article left out) move inward to the nearest character that is in it.
   */
  spanOf(range: Range): Span | null {
    const root = range.commonAncestorContainer;
    let start: number | null = null;
    let end: number | null = null;
    const visit = (node: Text) => {
      if (!this.#byNode.has(node) || !range.intersectsNode(node)) return;
      start ??= this.offsetOf(node, node === range.startContainer ? range.startOffset : 0);
      end = this.offsetOf(node, node === range.endContainer ? range.endOffset : node.data.length);
    };
    if (root.nodeType === 3 /* Node.TEXT_NODE */) {
      visit(root as Text);
    } else {
      const document = root.ownerDocument ?? (root as Document);
      const walker = document.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) visit(node as Text);
    }
    return start !== null && end !== null && end > start ? { start, end } : null;
  }

  #firstSegmentEndingAfter(offset: number): Segment | undefined {
    let low = 0;
    let high = this.#segments.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.#segments[middle] as Segment).end <= offset) low = middle + 1;
      else high = middle;
    }
    return this.#segments[low];
  }

  #lastSegmentStartingBefore(offset: number): Segment | undefined {
    let low = 0;
    let high = this.#segments.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.#segments[middle] as Segment).start < offset) low = middle + 1;
      else high = middle;
    }
    return this.#segments[low - 1];
  }
}

/** StaticRange where the map runs: the global one in a browser; a jsdom document's own in Node, which has none. */
const staticRangeClass = (node: Node): typeof StaticRange =>
  (globalThis as Partial<typeof globalThis>).StaticRange ??
  (node.ownerDocument?.defaultView as typeof globalThis).StaticRange;

/**
 * A live Range over a highlight's words, to ask what only a live Range answers (its boxes on screen,
 * its text). Where the page has since shortened a node, the ends are kept within it.
 */
export function liveRange(range: StaticRange): Range {
  const live = (range.startContainer.ownerDocument as Document).createRange();
  live.setStart(range.startContainer, Math.min(range.startOffset, lengthOf(range.startContainer)));
  live.setEnd(range.endContainer, Math.min(range.endOffset, lengthOf(range.endContainer)));
  return live;
}

const lengthOf = (node: Node): number =>
  node.nodeType === 3 /* Node.TEXT_NODE */ ? (node as Text).length : node.childNodes.length;

/**
 * The map for runs the background built over a snapshot of the page, whose text is `text`. A node
 * whose text changed, or that left the page, since the snapshot was taken keeps no run: its words
 * get no highlight, and the page's watch on changes reads the page again. Null when a run does not
 * hold, in a node that did not change, the characters the answer says it holds: the snapshot was
 * misread, and no run of it can be trusted.
 */
export function mapFromRuns(
  runs: readonly TextRun[],
  nodes: readonly Text[],
  data: readonly string[],
  text: string,
): TextMap | null {
  const segments: Segment[] = [];
  // A node's runs follow one another: it is asked about once (each question crosses into the DOM).
  let asked = -1;
  let unchanged = false;
  for (const run of runs) {
    const node = nodes[run.node];
    if (run.node !== asked) {
      asked = run.node;
      unchanged = node !== undefined && node.isConnected && node.data === data[run.node];
    }
    if (!unchanged) continue;
    if (!holds(data[run.node] as string, run.nodeStart, text, run.start, run.end)) return null;
    segments.push({ start: run.start, end: run.end, node: node as Text, nodeStart: run.nodeStart });
  }
  return new TextMap(segments);
}

/**
 * Whether `data` holds text[start, end) at `at`, where a space of the text may stand for any
 * whitespace (the text collapses it). The plain comparison, native and fast, settles most runs.
 */
function holds(data: string, at: number, text: string, start: number, end: number): boolean {
  const run = text.slice(start, end);
  if (data.startsWith(run, at)) return true;
  if (at + run.length > data.length) return false;
  for (let i = 0; i < run.length; i++) {
    const expected = run.charCodeAt(i);
    const found = data.charCodeAt(at + i);
    if (expected !== found && !(expected === 0x20 && isWhitespace(found))) return false;
  }
  return true;
}
