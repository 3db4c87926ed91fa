/**
 * Words written with a full stop that is not the end of a sentence. The tokenizer keeps the stop
 * on the word ("Mr.", "Jan."); the sentence splitter decides whether such a word can still close a
 * sentence. Lower-case keys; compare with the word before its stop.
 */

/** Stops that never end a sentence: titles and words that always have something after them. */
const leading = [
  // Titles and ranks.
  'mr',
  'mrs',
  'ms',
  'mx',
  'messrs',
  'mmes',
  'dr',
  'prof',
  'rev',
  'hon',
  'fr',
  'sra',
  'gen',
  'lt',
  'col',
  'capt',
  'cpt',
  'cmdr',
  'maj',
  'sgt',
  'cpl',
  'pvt',
  'adm',
  'gov',
  'sen',
  'rep',
  'pres',
  'supt',
  'insp',
  'det',
  'mme',
  'mlle',
  'st',
  'mt',
  'ft',
  // Followed by a name, a place or an example.
  'vs',
  'v',
  'cf',
  'approx',
  'ca',
  'est',
  'e.g',
  'i.e',
  'ave',
  'blvd',
  'rd',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
];

/** Abbreviations only before a number ("No. 10", "p. 4"): otherwise "no." is a word and its stop. */
const numeric = ['no', 'nos', 'vol', 'vols', 'pp', 'p', 'fig', 'figs', 'art', 'sec', 'ch', 'para', 'ex'];

/** Stops that may also end a sentence: "He works for Acme Inc." */
const trailing = [
  'jr',
  'sr',
  'inc',
  'ltd',
  'co',
  'corp',
  'plc',
  'llc',
  'bros',
  'etc',
  'al',
  'a.m',
  'p.m',
  'u.s',
  'u.k',
];

export const leadingAbbreviations: ReadonlySet<string> = new Set(leading);
export const abbreviations: ReadonlySet<string> = new Set([...leading, ...trailing]);
export const numericAbbreviations: ReadonlySet<string> = new Set(numeric);
