/**
 * The reader selects words in the article and can note them: "Add note" appears beside the
 * selection, and the note shortcut opens the editor straight away. Only the reader's own pointer
 * and key presses count; a page that selects text by script gets no offer.
 */
import type { Span } from '../analysis/types.ts';
import { guarded } from './guard.ts';
import type { ReaderContext } from './reader-context.ts';

export interface SelectionNotes {
  /** Notes the selection, or what the shown card is about; false when there is neither. */
  noteSelection(): boolean;
}

export function offerNotesOnSelection(context: ReaderContext): SelectionNotes {
  const { document, meter, signal, cards } = context;
  const view = document.defaultView as Window;

  const selected = (): { span: Span; range: Range } | null => {
    const selection = document.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    const span = context.article()?.map.spanOf(range);
    return span ? { span, range } : null;
  };

  const review = guarded(meter, 'selection', () => {
    if (cards.isEditing) return;
    const selection = selected();
    if (selection) cards.offerSelectionNote(selection.span, selection.range);
    else if (cards.isOfferingSelectionNote) cards.close();
  });

  // The selection settles after the event that made it: look once the browser has updated it.
  const afterGesture = (event: Event) => {
    if (event.isTrusted && !cards.owns(event)) view.setTimeout(review, 0);
  };
  document.addEventListener('pointerup', afterGesture, { signal });
  document.addEventListener(
    'keyup',
    (event) => {
      if (event.shiftKey || event.key === 'Shift' || (event.key === 'a' && (event.ctrlKey || event.metaKey))) {
        afterGesture(event);
      }
    },
    { signal },
  );

  return {
    noteSelection() {
      const selection = selected();
      if (!selection) return cards.noteShownCard();
      cards.offerSelectionNote(selection.span, selection.range);
      cards.noteSelection();
      return true;
    },
  };
}
