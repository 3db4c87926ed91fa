/**
 * Words for full-text search: what a record is indexed under, and what a query looks for. Both go
 * through the same folding, so "Hàn DONG's" finds "han dong".
 */

// Too common to narrow a search; indexing them would only make the index larger.
const stopWords = new Set(
  'a an and are as at be but by for from had has have he her his i if in into is it its of on or our she that the their them they this to was we were will with you'.split(
    ' ',
  ),
);

/** Enough for any note a reader writes; a longer one is searchable by its first this-many distinct words. */
export const maxTermsPerRecord = 2_000;

/** Lower case, accents and other marks dropped, compatibility forms unified ("ﬁ" → "fi"). */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

function words(text: string): string[] {
  // Apostrophes join a word's parts ("o'brien"), and a trailing possessive goes.
  return foldText(text)
    .replace(/['’](s\b)?/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1 || /\d/.test(word));
}

/** The distinct words of a record's texts, as the index stores them. */
export function searchTerms(texts: readonly (string | undefined)[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const word of words(text)) {
      if (stopWords.has(word)) continue;
      terms.add(word);
      if (terms.size === maxTermsPerRecord) return [...terms];
    }
  }
  return [...terms];
}

/** The words of a query; each must begin some word of a matching record (so "spav" finds "Spavor"). */
export function queryTerms(query: string): string[] {
  return [...new Set(words(query).filter((word) => !stopWords.has(word)))];
}
