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

// Characters that take no room in the text a reader sees: dropped from the analysis text.
const invisible = /[\u00ad\u200b\ufeff]/;
const whitespace = /\s/;

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
  #text = '';
  readonly #segments: Segment[] = [];
  readonly #blocks: BlockSpan[] = [];
  #block: { kind: BlockKind; start: number } | null = null;
  /** Where the whitespace waiting to become one space was seen. */
  #pendingSpace: { node: Text; offset: number } | null = null;

  startBlock(kind: BlockKind): void {
    this.endBlock();
    if (this.#blocks.length > 0) this.#text += blockSeparator;
    this.#block = { kind, start: this.#text.length };
  }

  endBlock(): void {
    this.#pendingSpace = null; // Trailing whitespace in a block is not text.
    if (!this.#block) return;
    if (this.#text.length > this.#block.start) {
      this.#blocks.push({ kind: this.#block.kind, start: this.#block.start, end: this.#text.length });
    } else if (this.#blocks.length > 0) {
      this.#text = this.#text.slice(0, -blockSeparator.length); // An empty block leaves no trace.
    }
    this.#block = null;
  }

  append(node: Text): void {
    if (!this.#block) throw new Error('append() outside a block');
    const data = node.data;
    for (let i = 0; i < data.length; i++) {
      const char = data[i] as string;
      if (invisible.test(char)) continue;
      if (whitespace.test(char)) {
        // Leading whitespace in a block is not text.
        if (this.#text.length > this.#block.start) this.#pendingSpace ??= { node, offset: i };
        continue;
      }
      if (this.#pendingSpace) {
        this.#push(' ', this.#pendingSpace.node, this.#pendingSpace.offset);
        this.#pendingSpace = null;
      }
      this.#push(char, node, i);
    }
  }

  finish(): { text: string; blocks: BlockSpan[]; map: TextMap } {
    this.endBlock();
    return { text: this.#text, blocks: this.#blocks, map: new TextMap(this.#segments) };
  }

  #push(char: string, node: Text, offset: number): void {
    const position = this.#text.length;
    this.#text += char;
    const last = this.#segments[this.#segments.length - 1];
    if (last && last.node === node && last.end === position && last.nodeStart + (last.end - last.start) === offset) {
      last.end = position + 1;
    } else {
      this.#segments.push({ start: position, end: position + 1, node, nodeStart: offset });
    }
  }
}
