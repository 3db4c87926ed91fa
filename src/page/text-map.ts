/**
 * The article's text as the analysis sees it, and where each character of it lives in the page.
 * Whitespace is collapsed and blocks are separated by a blank line, so the text is not a plain
 * concatenation of the page's text nodes: the map keeps runs of characters that correspond one to
 * one with a run of a live Text node, which is all it takes to turn an analysis span back into a
 * DOM Range (for highlights) and a selection back into a span (for notes).
 */
import type { BlockKind, BlockSpan, Span } from '../analysis/types.ts';

/** text[start + i] is node.data[nodeStart + i] for every i below end - start. */
interface Segment {
  start: number;
  end: number;
  node: Text;
  nodeStart: number;
}

export const blockSeparator = '\n\n';

/** Characters that take no room in the text a reader sees (soft hyphen, zero-width space, BOM): dropped. */
function isInvisible(code: number): boolean {
  return code === 0xad || code === 0x200b || code === 0xfeff;
}

/** What JavaScript's `\s` matches, tested by code so long texts need no regular expression per character. */
function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
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

  /** The live Range for a span of the text, shrunk to the characters that have a place in the page. */
  rangeFor(span: Span): Range | null {
    const first = this.#firstSegmentEndingAfter(span.start);
    const last = this.#lastSegmentStartingBefore(span.end);
    if (first === undefined || last === undefined || first.start >= span.end || last.end <= span.start) return null;
    const range = first.node.ownerDocument.createRange();
    range.setStart(first.node, first.nodeStart + Math.max(0, span.start - first.start));
    range.setEnd(last.node, last.nodeStart + (Math.min(span.end, last.end) - last.start));
    return range;
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

/** Builds the text block by block from live Text nodes, collapsing whitespace as a browser renders it. */
export class TextMapBuilder {
  readonly #parts: string[] = [];
  #length = 0;
  readonly #segments: Segment[] = [];
  readonly #blocks: BlockSpan[] = [];
  #block: { kind: BlockKind; start: number } | null = null;
  /** Where the whitespace waiting to become one space was seen. */
  #pendingSpace: { node: Text; offset: number } | null = null;

  startBlock(kind: BlockKind): void {
    this.endBlock();
    if (this.#blocks.length > 0) {
      this.#parts.push(blockSeparator);
      this.#length += blockSeparator.length;
    }
    this.#block = { kind, start: this.#length };
  }

  endBlock(): void {
    this.#pendingSpace = null; // Trailing whitespace in a block is not text.
    if (!this.#block) return;
    if (this.#length > this.#block.start) {
      this.#blocks.push({ kind: this.#block.kind, start: this.#block.start, end: this.#length });
    } else if (this.#blocks.length > 0) {
      this.#parts.pop(); // An empty block leaves no trace, not even its separator.
      this.#length -= blockSeparator.length;
    }
    this.#block = null;
  }

  append(node: Text): void {
    if (!this.#block) throw new Error('append() outside a block');
    const data = node.data;
    let i = 0;
    while (i < data.length) {
      const code = data.charCodeAt(i);
      if (isInvisible(code)) {
        i++;
      } else if (isWhitespace(code)) {
        // Leading whitespace in a block is not text.
        if (this.#length > this.#block.start) this.#pendingSpace ??= { node, offset: i };
        i++;
      } else {
        let end = i + 1;
        while (end < data.length && !isInvisible(data.charCodeAt(end)) && !isWhitespace(data.charCodeAt(end))) end++;
        if (this.#pendingSpace) {
          this.#push(' ', this.#pendingSpace.node, this.#pendingSpace.offset);
          this.#pendingSpace = null;
        }
        this.#push(data.slice(i, end), node, i);
        i = end;
      }
    }
  }

  finish(): { text: string; blocks: BlockSpan[]; map: TextMap } {
    this.endBlock();
    return { text: this.#parts.join(''), blocks: this.#blocks, map: new TextMap(this.#segments) };
  }

  /** Appends a run of characters that stand at `offset` in `node`, one to one. */
  #push(run: string, node: Text, offset: number): void {
    const position = this.#length;
    this.#parts.push(run);
    this.#length += run.length;
    const last = this.#segments[this.#segments.length - 1];
    if (last && last.node === node && last.end === position && last.nodeStart + (last.end - last.start) === offset) {
      last.end = this.#length;
    } else {
      this.#segments.push({ start: position, end: this.#length, node, nodeStart: offset });
    }
  }
}
