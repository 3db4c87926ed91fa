/**
 * W3C Web Annotation selectors for a stretch of an article's text
 * (https://www.w3.org/TR/annotation-model/#text-quote-selector). Offsets and quotes refer to the
 * article text as the analysis sees it (`DocumentAnalysis.text`: whitespace collapsed, blocks joined
 * by a blank line), so the page, the store and the exporters all speak about the same characters.
 */

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  /** Up to `contextLength` characters just before `exact`. */
  prefix: string;
  /** Up to `contextLength` characters just after `exact`. */
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** How a stretch of text is remembered: the quote to find it by, the position to prefer. */
export interface TextSelectors {
  quote: TextQuoteSelector;
  position?: TextPositionSelector;
}

/** Hypothesis keeps 32 characters either side: enough to tell repeats apart, short enough to survive edits. */
export const contextLength = 32;
