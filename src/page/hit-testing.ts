/**
 * Which highlight is under the pointer. Custom highlights are not elements, so they get no events:
 * the caret position under the pointer says which character it is over, the text map turns that
 * into an offset of the article text, and the highlight's own boxes confirm the pointer is on its
 * words rather than in the margin beside them.
 */
import type { ArticleHighlights, PlacedHighlight } from './article-highlights.ts';
import { liveRange, type TextMap } from './text-map.ts';

interface CaretPoint {
  node: Node;
  offset: number;
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** `caretPositionFromPoint` (Firefox, Chromium 128+), else `caretRangeFromPoint` (older Chromium). */
function caretAt(document: Document, x: number, y: number): CaretPoint | null {
  const doc = document as CaretDocument;
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const range = doc.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

// Boxes of adjacent lines touch; a pixel of slack keeps the pointer from falling between them.
const slack = 1;

export function highlightAtPoint(
  highlights: ArticleHighlights,
  map: TextMap,
  document: Document,
  x: number,
  y: number,
): PlacedHighlight | null {
  const caret = caretAt(document, x, y);
  if (!caret) return null;
  const offset = map.offsetOf(caret.node, caret.offset);
  if (offset === null) return null;
  return highlights.around(offset).find((highlight) => rangeContainsPoint(highlight.range, x, y)) ?? null;
}

function rangeContainsPoint(range: StaticRange, x: number, y: number): boolean {
  for (const rect of liveRange(range).getClientRects()) {
    if (x >= rect.left - slack && x <= rect.right + slack && y >= rect.top - slack && y <= rect.bottom + slack) {
      return true;
    }
  }
  return false;
}
