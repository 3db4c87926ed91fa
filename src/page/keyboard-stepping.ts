/**
 * The keyboard way through the article: a shortcut steps to the next or previous highlight and
 * opens its card with focus in it, Escape closes the card and gives focus back, and the note
 * shortcut notes the selection (or the highlight in focus).
 */
import { guarded } from './guard.ts';
import { firstLineOf } from './hover-card/card-controller.ts';
import { shortcutOf } from './page-shortcuts.ts';
import type { ReaderContext } from './reader-context.ts';
import { liveRange } from './text-map.ts';
import { windowSize } from './window-size.ts';

export function stepThroughHighlights(context: ReaderContext, noteSelection: () => boolean): void {
  const { document, meter, signal, cards } = context;
  const view = document.defaultView as Window;

  const onKeyDown = guarded(meter, 'keyboard', (event: KeyboardEvent) => {
    if (!event.isTrusted) return;
    if (event.key === 'Escape' && cards.isShown) {
      event.preventDefault();
      context.article()?.highlights.focus(null);
      cards.close();
      return;
    }
    const shortcut = shortcutOf(event);
    if (!shortcut) return;
    const article = context.article();
    if (shortcut === 'note') {
      if (noteSelection()) event.preventDefault();
      return;
    }
    const next = article?.highlights.step(shortcut === 'next' ? 1 : -1);
    if (!article || !next) return;
    event.preventDefault();
    article.highlights.focus(next);
    revealRange(next.range, document);
    cards.showHighlight(next, firstLineOf(next.range), { focus: true });
  });

  // Capture, on the window: the page's own handlers cannot swallow the reader's shortcut first.
  view.addEventListener('keydown', onKeyDown, { capture: true, signal });
}

/** Scrolls the words into view if they are not (centred, so the card has room), and leaves the page be if they are. */
function revealRange(range: StaticRange, document: Document): void {
  const box = liveRange(range).getBoundingClientRect();
  const view = windowSize(document);
  if (box.top >= 0 && box.bottom <= view.height && box.left >= 0 && box.right <= view.width) return;
  range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
}
