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

/**
 * How much text a page snapshot may hold, counted before it is parsed: 1,000,000 characters.
 *
 * Finding the article (the parses and Readability) takes about half a second per million characters
 * of snapshot here, and holds the background for that long. The 25 real news pages we test on hold
 * at most 200,000 characters of text in their whole body (yahoo-2; most hold under 100,000), so the
 * limit leaves five times that for live blogs and long comment threads, and three times the article
 * limit for the page around such an article. Above it the page is refused before it is parsed,
 * rather than holding the popup, other tabs and note saves for seconds.
 */
export const pageTextLimits = { length: 1_000_000 } as const;

/**
 * How many elements a page snapshot may hold, counted before it is parsed: 10,000.
 *
 * Readability's time grows faster than the elements it reads (its parser keeps an element's children
 * in an array, and it looks elements up over the whole tree again and again). Measured here: 10,000
 * elements take 0.2 to 0.7 seconds to read, whatever their shape; 20,000 take 0.7 to 4 seconds; 30,000
 * side by side in one parent, 7 seconds; 85,000 nested ones, 6 seconds. The 25 real news pages we test
 * on hold at most 2,171 in their snapshots (yahoo-2; most hold under 1,000): the limit leaves
 * nearly five times that. Above it the page is refused before it is parsed, rather than holding the
 * popup, other tabs and note saves for seconds or, for a page built to do it, minutes.
 */
export const pageElementLimits = { count: 10_000 } as const;

/**
 * How many people and allegations one article may bring to the store: 500 and 1,000. Storing an
 * article links each person and claim across every source, in one transaction the reader's other
 * requests wait for; a page listing thousands of made-up names accused of something held the
 * background for seconds at a time, and filled the store. The 25 real news pages we test on name at
 * most 20 people, with at most a few allegations: the limits leave 25 times that. Above them the
 * article is refused after its analysis, before anything is stored.
 */
export const articleContentLimits = { people: 500, allegations: 1_000 } as const;

/** The article's length, or the page's size, above its limit, as the background answers and the page and popup say it. */
export interface ArticleTooLong {
  /** Characters; elements, for the page's markup; people or allegations, for the article's. */
  length: number;
  limit: number;
  /**
   * Refused before the article was looked for: the page's text (`pageTextLimits`), or its markup's
   * elements (`pageElementLimits`). Refused after its analysis: its people or its allegations
   * (`articleContentLimits`). Otherwise the article's text.
   */
  of?: 'page' | 'markup' | 'people' | 'allegations';
}

export function tooLongMessage({ length, limit, of }: ArticleTooLong): string {
  const figure = (value: number) => value.toLocaleString('en');
  const limits = `the limit is ${figure(limit)}.`;
  if (of === 'page')
    return `This page is too large for Crosscheck to read: ${figure(length)} characters of text, ${limits}`;
  if (of === 'markup') return `This page is too large for Crosscheck to read: ${figure(length)} elements, ${limits}`;
  if (of === 'people' || of === 'allegations')
    return `This article names too many ${of === 'people' ? 'people' : 'allegations'} for Crosscheck to keep: ${figure(length)}, ${limits}`;
  return `This article is too long for Crosscheck to read: ${figure(length)} characters, ${limits}`;
}
