/**
 * The card's view, bundled on its own (card-view.js) and loaded by the content script the first
 * time a card opens: the page pays for compiling Preact and the card's components only when the
 * reader asks for a card, not on every page Crosscheck reads.
 *
 * It shares no module state with the content script's bundle: what it must share (the set of
 * Crosscheck's own nodes, which the page-change watch ignores) is handed to it.
 */
import { h } from 'preact';
import { CardHost } from './card-host.ts';
import { CardPanel } from './card-panel.tsx';
import type { CardSurface } from './card-surface.ts';

export function createCardView(document: Document, markOwn: (node: Node) => void): CardSurface {
  const host = new CardHost(document, markOwn);
  return {
    get isShown() {
      return host.isShown;
    },
    owns: (event) => host.owns(event),
    show: (panel, anchor, options) => host.show(h(CardPanel, panel), anchor, options),
    update: (panel) => host.update(h(CardPanel, panel)),
    reposition: (anchor) => host.reposition(anchor),
    hide: () => host.hide(),
  };
}
