/**
 * How large a page snapshot may be: far above a long live blog (a few megabytes of markup), far
 * below what the browsers' messaging carries. A larger page is refused in so many words: the
 * content script checks before sending, the contract's schema where the snapshot arrives.
 */
export const snapshotLimits = { length: 16_000_000, texts: 1_000_000 } as const;

/**
 * How much article text the background analyses: 300,000 characters, about 50,000 words. The
 * longest of the 25 real news pages we test on has 18,000 characters of article, a long magazine
 * feature has about 100,000, and the analysis takes seconds of the background's time per 100,000.
 *
 * Above it the article is refused in so many words rather than read in part: what Crosscheck keeps
 * of a source is compared across outlets, and an allegation missing from a half-read article would
 * look, to a reporter comparing sources, like an outlet that never reported it. A refusal says
 * plainly that nothing was checked.
 */
export const articleLimits = { length: 300_000 } as const;

/** The article's length above the limit, as the background answers and the page and popup say it. */
export interface ArticleTooLong {
  length: number;
  limit: number;
}

export function tooLongMessage({ length, limit }: ArticleTooLong): string {
  const figure = (value: number) => value.toLocaleString('en');
  return `This article is too long for Crosscheck to read: ${figure(length)} characters, the limit is ${figure(limit)}.`;
}
