/**
 * Where the card controller shows a card: the seam between the controller, loaded with every page,
 * and the card's view (Preact and the card's components, most of the card's code), loaded only
 * when a card first opens (see lazy-card-view.ts).
 */
import type { PanelProps } from './card-panel.tsx';

export interface ShowOptions {
  /** Move focus into the card (opened from the keyboard), and give it back on close. */
  focus: boolean;
}

export interface CardSurface {
  /** Whether a card is shown, or on its way. */
  readonly isShown: boolean;
  /** Whether an event happened in the card. */
  owns(event: Event): boolean;
  /** Shows the panel next to `anchor` (a box in viewport coordinates). */
  show(panel: PanelProps, anchor: DOMRect, options: ShowOptions): void;
  /** Shows the panel's new content in the card already shown, beside the same words. */
  update(panel: PanelProps): void;
  /** Moves the shown card to follow its words (the page scrolled). */
  reposition(anchor: DOMRect): void;
  hide(): void;
}
