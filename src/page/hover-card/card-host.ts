/**
 * Where the card lives: an element of our own, outside the article (a child of <html>, in the top
 * layer when the browser has popovers), with a closed shadow root the page's CSS and scripts cannot
 * reach. It is in the page only while a card is shown.
 *
 * The host is a built-in <div>, never a custom tag: a page may define a custom element under any
 * name before the content script runs, and a custom element's ElementInternals hands its page the
 * shadow root, closed or not. No page can redefine <div>.
 */
import { type ComponentChild, render } from 'preact';
import { windowSize } from '../window-size.ts';
import type { ShowOptions } from './card-surface.ts';
import { cardCss, cardRoomProperty } from './card-styles.ts';

const gap = 8;
const margin = 8;
/** Below this height a card would be mostly scrolling: it may then cover its words, never leave the window. */
const smallestRoom = 160;

/** Placement rules that no page style can override (inline and important). */
const hostStyle: Record<string, string> = {
  all: 'initial',
  position: 'fixed',
  display: 'block',
  margin: '0',
  padding: '0',
  border: '0',
  background: 'transparent',
  overflow: 'visible',
  'z-index': '2147483647',
  // As wide as what it shows (a card, or just a button), never wider than the window.
  width: 'fit-content',
  'max-width': `calc(100vw - ${2 * margin}px)`,
  height: 'auto',
  inset: 'auto',
};

/** Names the card's host in the page's DOM. */
export const cardHostAttribute = 'data-crosscheck-card';

export class CardHost {
  readonly #document: Document;
  /** Tells the content script the host is Crosscheck's own (its page-change watch then ignores it). */
  readonly #markOwn: (node: Node) => void;
  #host: HTMLElement | null = null;
  /** Preact's root inside the shadow root, beside the stylesheet Preact must not manage. */
  #root: HTMLElement | null = null;
  #returnFocus: HTMLElement | null = null;
  /** What the shown card is placed beside, so that it is placed again when its content grows. */
  #anchor: DOMRect | null = null;

  constructor(document: Document, markOwn: (node: Node) => void) {
    this.#document = document;
    this.#markOwn = markOwn;
  }

  get isShown(): boolean {
    return this.#host?.isConnected ?? false;
  }

  /** Whether an event happened in the card (the shadow root is closed, but the host is in its path). */
  owns(event: Event): boolean {
    return this.#host !== null && event.composedPath().includes(this.#host);
  }

  /** Shows `content` next to `anchor` (a box in viewport coordinates): below it if it fits, else above. */
  show(content: ComponentChild, anchor: DOMRect, options: ShowOptions): void {
    const { host, root } = this.#attach();
    render(content, root);
    this.#place(host, anchor);
    if (options.focus) {
      const active = this.#document.activeElement;
      if (active instanceof HTMLElement && active !== host) this.#returnFocus = active;
      root.querySelector<HTMLElement>('[data-autofocus]')?.focus({ preventScroll: true });
    }
  }

  /**
   * Re-renders the card beside the same words (its content changed: the store answered, a note was
   * saved), placed again: it may have grown out of the window.
   */
  update(content: ComponentChild): void {
    if (!this.#host || !this.#root || !this.isShown) return;
    render(content, this.#root);
    if (this.#anchor) this.#place(this.#host, this.#anchor);
  }

  /** Moves the shown card to follow its anchor (the page scrolled). */
  reposition(anchor: DOMRect): void {
    if (this.#host && this.isShown) this.#place(this.#host, anchor);
  }

  hide(): void {
    if (!this.#host || !this.#root) return;
    const hadFocus = this.#document.activeElement === this.#host;
    render(null, this.#root);
    this.#anchor = null;
    if (typeof this.#host.hidePopover === 'function' && this.#host.matches(':popover-open')) this.#host.hidePopover();
    this.#host.remove();
    const back = this.#returnFocus;
    this.#returnFocus = null;
    if (hadFocus && back?.isConnected) back.focus({ preventScroll: true });
  }

  #attach(): { host: HTMLElement; root: HTMLElement } {
    if (!this.#host || !this.#root) {
      const host = this.#document.createElement('div');
      // For people reading the page's DOM (and the tests): Crosscheck recognises its host by identity.
      host.setAttribute(cardHostAttribute, '');
      this.#markOwn(host);
      for (const [property, value] of Object.entries(hostStyle)) host.style.setProperty(property, value, 'important');
      const shadow = host.attachShadow({ mode: 'closed' });
      adoptStyles(this.#document, shadow);
      const root = this.#document.createElement('div');
      shadow.append(root);
      this.#host = host;
      this.#root = root;
    }
    const host = this.#host;
    if (!host.isConnected) {
      this.#document.documentElement.append(host);
      if (typeof host.showPopover === 'function') {
        host.popover = 'manual';
        host.showPopover();
      }
    }
    return { host, root: this.#root };
  }

  /**
   * Places the card within the window, whatever its size and the window's: below its words if it
   * fits there, else above, else on the side with more room, made that tall and scrolling inside;
   * in a window too small for that, over its words.
   */
  #place(host: HTMLElement, anchor: DOMRect): void {
    this.#anchor = anchor;
    const view = windowSize(this.#document);
    const windowRoom = view.height - 2 * margin;
    host.style.setProperty(cardRoomProperty, `${Math.max(0, windowRoom)}px`, 'important');
    const height = host.offsetHeight;
    const roomBelow = view.height - margin - (anchor.bottom + gap);
    const roomAbove = anchor.top - gap - margin;
    let top: number;
    if (height <= roomBelow) top = anchor.bottom + gap;
    else if (height <= roomAbove) top = anchor.top - gap - height;
    else if (Math.max(roomBelow, roomAbove) >= smallestRoom) {
      const below = roomBelow >= roomAbove;
      host.style.setProperty(cardRoomProperty, `${Math.floor(below ? roomBelow : roomAbove)}px`, 'important');
      top = below ? anchor.bottom + gap : anchor.top - gap - host.offsetHeight;
    } else {
      top = anchor.bottom + gap;
    }
    // Never out of the window: a card taller than the room left is pulled back in, over its words.
    const bottomMost = view.height - margin - host.offsetHeight;
    top = Math.max(margin, Math.min(top, bottomMost));
    const left = Math.min(Math.max(margin, anchor.left), Math.max(margin, view.width - host.offsetWidth - margin));
    host.style.setProperty('left', `${Math.round(left)}px`, 'important');
    host.style.setProperty('top', `${Math.round(top)}px`, 'important');
  }
}

/**
 * A constructed stylesheet where the browser lets a content script adopt one (no page CSP applies to
 * it); a <style> element in the shadow root otherwise.
 */
function adoptStyles(document: Document, root: ShadowRoot): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(cardCss);
    root.adoptedStyleSheets = [sheet];
    if (root.adoptedStyleSheets.length === 1) return;
  } catch {
    // Firefox content scripts cannot hand the page's document a sheet built in their own world.
  }
  const style = document.createElement('style');
  style.textContent = cardCss;
  root.append(style);
}
