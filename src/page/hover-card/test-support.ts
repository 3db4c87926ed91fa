/** The card's view for tests, loaded at once from the sources (in the extension it is a bundle of its own). */
import { markOwn } from '../own-nodes.ts';
import { createCardView } from './card-view.ts';
import type { CardViewLoader } from './lazy-card-view.ts';

export const cardViewFromSources =
  (document: Document): CardViewLoader =>
  () =>
    Promise.resolve(createCardView(document, markOwn));
