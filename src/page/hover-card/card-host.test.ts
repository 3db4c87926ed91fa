// @vitest-environment jsdom
import { h } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { markOwn } from '../own-nodes.ts';
import { CardHost, cardHostAttribute } from './card-host.ts';
import { cardRoomProperty } from './card-styles.ts';

/**
 * jsdom lays nothing out: the window is given a size, and the card the height its content asks for,
 * held to the room the host gives it, as the card's stylesheet holds it (`max-height`, scrolling inside).
 */
const windowSize = { width: 800, height: 400 };
let contentHeight = 0;

beforeEach(() => {
  vi.spyOn(document.documentElement, 'clientHeight', 'get').mockImplementation(() => windowSize.height);
  vi.spyOn(document.documentElement, 'clientWidth', 'get').mockImplementation(() => windowSize.width);
  vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockImplementation(() => 360);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    const room = Number.parseFloat(this.style.getPropertyValue(cardRoomProperty));
    return Number.isNaN(room) ? contentHeight : Math.min(contentHeight, room);
  });
});
const removeCards = () => document.querySelectorAll(`[${cardHostAttribute}]`).forEach((card) => card.remove());
afterEach(() => {
  removeCards();
  vi.restoreAllMocks();
});

/** The words the card is about: a line 16px high whose top is at `top`. */
const words = (top: number) => new DOMRect(300, top, 80, 16);

function shown(height: number, anchor: DOMRect) {
  removeCards();
  contentHeight = height;
  const host = new CardHost(document, markOwn);
  host.show(h('p', null, 'A card'), anchor, { focus: false });
  return host;
}

function box() {
  const element = document.querySelector<HTMLElement>(`[${cardHostAttribute}]`);
  if (!element) throw new Error('no card is shown');
  const top = Number.parseFloat(element.style.top);
  return { top, bottom: top + element.offsetHeight, left: Number.parseFloat(element.style.left) };
}

describe('where the card is placed', () => {
  it('below its words when it fits there, else above them', () => {
    shown(120, words(100));
    expect(box()).toEqual({ top: 124, bottom: 244, left: 300 });
    shown(120, words(300));
    expect(box()).toEqual({ top: 172, bottom: 292, left: 300 });
  });

  it('taller than the room on either side: on the side with more, made that tall, without covering its words', () => {
    shown(280, words(220));
    // 196px above the words (220 - 8 gap - 8 margin), 148px below: above, scrolling inside.
    expect(box()).toEqual({ top: 8, bottom: 212, left: 300 });
  });

  it('in a window too small for that, inside the window all the same', () => {
    windowSize.height = 200;
    try {
      shown(280, words(90));
      const { top, bottom } = box();
      expect(top).toBeGreaterThanOrEqual(8);
      expect(bottom).toBeLessThanOrEqual(192);
    } finally {
      windowSize.height = 400;
    }
  });

  it('placed again when its content grows after it opened (the store answered)', () => {
    const host = shown(40, words(220));
    expect(box().top).toBe(244);
    contentHeight = 280;
    host.update(h('p', null, 'A card with the other sources'));
    expect(box()).toEqual({ top: 8, bottom: 212, left: 300 });
  });
});
