/**
 * Hovering a highlight shows its card. Custom highlights get no pointer events, so the pointer's
 * position is hit-tested (once a frame at most) against the article's highlights. The card waits
 * for the pointer to rest a moment before it appears, and stays while the pointer moves onto it.
 */
import { guarded } from './guard.ts';
import { firstLineOf } from './hover-card/card-controller.ts';
import { highlightAtPoint } from './hit-testing.ts';
import { isOwn } from './own-nodes.ts';
import type { PlacedHighlight } from './article-highlights.ts';
import type { ReaderContext } from './reader-context.ts';
import { liveRange } from './text-map.ts';

const showDelayMs = 150;
const hideDelayMs = 350;

export function showCardsOnHover(context: ReaderContext): void {
  const { document, meter, signal, cards } = context;
  const view = document.defaultView as Window;
  let frame = 0;
  let scrollFrame = 0;
  let point: { x: number; y: number } | null = null;
  let pending: { highlight: PlacedHighlight | null; timer: number } | null = null;

  /**
   * Opens a highlight's card beside the line under the pointer, unless the reader is busy with a
   * note: writing one, or about to (the offer beside a selection stays until the selection goes).
   */
  const open = (highlight: PlacedHighlight, at: { x: number; y: number } | null) => {
    if (cards.isEditing || cards.isOfferingSelectionNote) return;
    context.article()?.highlights.focus(highlight);
    cards.showHighlight(highlight, lineUnder(highlight.range, at) ?? firstLineOf(highlight.range), { focus: false });
  };

  const schedule = (highlight: PlacedHighlight | null, delay: number) => {
    if (pending?.highlight === highlight) return;
    if (pending) view.clearTimeout(pending.timer);
    const timer = view.setTimeout(
      guarded(meter, 'hover card', () => {
        pending = null;
        if (highlight) {
          open(highlight, point);
        } else if (!cards.isEditing && !isOwn(document.activeElement)) {
          context.article()?.highlights.focus(null);
          cards.close();
        }
      }),
      delay,
    );
    pending = { highlight, timer };
  };

  const cancel = () => {
    if (pending) view.clearTimeout(pending.timer);
    pending = null;
  };

  const hitTest = guarded(meter, 'hover', () => {
    frame = 0;
    const article = context.article();
    if (!point || !article || cards.isOfferingSelectionNote) return;
    const highlight = highlightAtPoint(article.highlights, article.map, document, point.x, point.y);
    if (highlight && highlight === cards.highlight) cancel();
    else if (highlight) schedule(highlight, showDelayMs);
    else if (cards.isShown) schedule(null, hideDelayMs);
    else cancel();
  });

  document.addEventListener(
    'pointermove',
    (event) => {
      if (!event.isTrusted) return;
      if (cards.owns(event)) {
        cancel(); // On the card: keep it.
        return;
      }
      point = { x: event.clientX, y: event.clientY };
      frame ||= view.requestAnimationFrame(hitTest);
    },
    { passive: true, signal },
  );
  // A touch screen has no hover: a tap on a highlight opens its card at once (a tap that selects does not).
  document.addEventListener(
    'pointerup',
    guarded(meter, 'tap', (event: PointerEvent) => {
      const article = context.article();
      if (!event.isTrusted || event.pointerType !== 'touch' || cards.owns(event) || !article) return;
      if (!(document.getSelection()?.isCollapsed ?? true)) return;
      const highlight = highlightAtPoint(article.highlights, article.map, document, event.clientX, event.clientY);
      if (!highlight) return;
      cancel();
      open(highlight, { x: event.clientX, y: event.clientY });
    }),
    { signal },
  );
  document.documentElement.addEventListener(
    'pointerleave',
    (event) => {
      if (event.isTrusted && cards.isShown) schedule(null, hideDelayMs);
    },
    { signal },
  );
  // The card follows its words while the page (or any scroller in it) scrolls.
  document.addEventListener(
    'scroll',
    () => {
      if (!cards.isShown) return;
      scrollFrame ||= view.requestAnimationFrame(
        guarded(meter, 'card position', () => {
          scrollFrame = 0;
          cards.reposition();
        }),
      );
    },
    { passive: true, capture: true, signal },
  );
  signal.addEventListener('abort', () => {
    cancel();
    view.cancelAnimationFrame(frame);
    view.cancelAnimationFrame(scrollFrame);
  });
}

/** The line box of a highlight under the pointer, so a card for a long sentence opens where the pointer is. */
function lineUnder(range: StaticRange, point: { x: number; y: number } | null): DOMRect | null {
  if (!point) return null;
  for (const rect of liveRange(range).getClientRects()) {
    if (point.y >= rect.top && point.y <= rect.bottom) return rect;
  }
  return null;
}
