import type { ArticleHighlights } from './article-highlights.ts';
import type { CardController } from './hover-card/card-controller.ts';
import type { MainThreadMeter } from './main-thread.ts';
import type { TextMap } from './text-map.ts';

/** The article as highlighted right now: replaced whenever the page's text changes. */
export interface HighlightedArticle {
  highlights: ArticleHighlights;
  map: TextMap;
}

/** What each of the reader's features (hovering, stepping, selecting) works with; all stop when `signal` aborts. */
export interface ReaderContext {
  document: Document;
  meter: MainThreadMeter;
  signal: AbortSignal;
  cards: CardController;
  article(): HighlightedArticle | null;
}
