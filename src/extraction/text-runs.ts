/**
 * The article's text as the analysis sees it, built block by block from the page's Text nodes, and
 * the runs that say where each character came from. Whitespace is collapsed as a browser renders
 * it and blocks are separated by a blank line, so the text is not a plain concatenation of the
 * nodes' text: a run is a stretch of characters that stand one to one in one node. Nodes are named
 * by their position in the page snapshot's order (see src/page/page-snapshot.ts), so the runs
 * travel to the page as plain numbers and the page turns them into live Ranges (src/page/text-map.ts).
 */
import type { BlockKind, BlockSpan } from '../analysis/types.ts';

/** text[start + i] is the `node`-th Text node's data[nodeStart + i] for every i below end - start. */
export interface TextRun {
  start: number;
  end: number;
  node: number;
  nodeStart: number;
}

export const blockSeparator = '\n\n';

/** Characters that take no room in the text a reader sees (soft hyphen, zero-width space, BOM): dropped. */
function isInvisible(code: number): boolean {
  return code === 0xad || code === 0x200b || code === 0xfeff;
}

/** What JavaScript's `\s` matches, tested by code so long texts need no regular expression per character. */
export function isWhitespace(code: number): boolean {
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

export class TextRunsBuilder {
  readonly #parts: string[] = [];
  #length = 0;
  readonly #runs: TextRun[] = [];
  readonly #blocks: BlockSpan[] = [];
  #block: { kind: BlockKind; start: number } | null = null;
  /** Where the whitespace waiting to become one space was seen (no node: a line break the page renders). */
  #pendingSpace: { node: number; offset: number } | { node: null } | null = null;

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

  /** A break inside the block (a `<br>`): words on either side of it are apart, as on the page. */
  lineBreak(): void {
    if (this.#block && this.#length > this.#block.start) this.#pendingSpace ??= { node: null };
  }

  /** Appends the `node`-th Text node, whose text is `data`. */
  append(node: number, data: string): void {
    if (!this.#block) throw new Error('append() outside a block');
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
          const space = this.#pendingSpace;
          if (space.node === null) this.#pushUnplaced(' ');
          else this.#push(' ', space.node, space.offset);
          this.#pendingSpace = null;
        }
        this.#push(data.slice(i, end), node, i);
        i = end;
      }
    }
  }

  finish(): { text: string; blocks: BlockSpan[]; runs: TextRun[] } {
    this.endBlock();
    return { text: this.#parts.join(''), blocks: this.#blocks, runs: this.#runs };
  }

  /** Appends a run of characters that stand at `offset` in the `node`-th Text node, one to one. */
  #push(run: string, node: number, offset: number): void {
    const position = this.#length;
    this.#parts.push(run);
    this.#length += run.length;
    const last = this.#runs[this.#runs.length - 1];
    if (last && last.node === node && last.end === position && last.nodeStart + (last.end - last.start) === offset) {
      last.end = this.#length;
    } else {
      this.#runs.push({ start: position, end: this.#length, node, nodeStart: offset });
    }
  }

  /** Appends characters that have no place in any Text node. */
  #pushUnplaced(run: string): void {
    this.#parts.push(run);
    this.#length += run.length;
  }
}
