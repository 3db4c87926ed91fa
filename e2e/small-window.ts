/**
 * The hover card on a small window, for both browsers' specs: where a name leaves a tall card room
 * neither below nor above it, and what "inside the window" means for the card's box.
 */
import { expect } from './harness.ts';

export const smallWindow = { width: 800, height: 400 };

/**
 * Han Dong's third mention in WION's article, for `highlightBox`: scrolled a little below the middle
 * of the small window, where a card as tall as it may be (70% of the window) fits neither below nor above.
 */
export const crampedName: [string, string, number, number] = ['person', 'Han Dong', 2, 212];

/** The card's box (from `cardBox`) lies inside the small window. */
export function expectInSmallWindow(box: { x: number; y: number; width: number; height: number } | null): void {
  if (!box) throw new Error('no card is shown');
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(smallWindow.width);
  expect(box.y + box.height).toBeLessThanOrEqual(smallWindow.height);
}
