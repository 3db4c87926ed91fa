/**
 * Word lists the name tagger consults: given names, surnames, titles and roles, places,
 * organisations, months and weekdays (capitalised, yet never names), common words (written in lower case often enough in the training text that a
 * capital on them says little) and English words. A word's entry is a set of flags; the tagger
 * turns each flag into a feature, so the lists only need to be mostly right: the trained weights
 * decide how much each is worth.
 *
 * The English words are a dictionary's (tens of thousands), too many to ship written out: they are
 * kept as the set of their Porter stems in a few bits each (word-set.ts), so "Reports" and
 * "reporting" are English through "report", and a capitalised word that is not ("Okafor", "Spavor")
 * is most likely a name.
 */
import { stemmer } from 'stemmer';
import { frontDecode } from './front-coding.ts';
import { type EncodedWordSet, WordSet } from './word-set.ts';

export const gazetteerLists = [
  'given',
  'surname',
  'title',
  'place',
  'organisation',
  'calendar',
  'common',
  'english',
] as const;
export type GazetteerList = (typeof gazetteerLists)[number];
type WrittenList = Exclude<GazetteerList, 'english'>;

/**
 * One lower-case, accent-free word per line for each written list, sorted and front-coded
 * (front-coding.ts); the English words' stems as a word set.
 */
export type GazetteerData = Record<WrittenList, string> & { english: EncodedWordSet };

const nonAscii = /[^\p{ASCII}]/u;
const marks = /\p{M}/gu;
const demonymOfLand = /.stani$/;
const englishOnly: readonly GazetteerList[] = ['english'];
const none: readonly GazetteerList[] = [];

/** The form a word is looked up in: lower case, without accents ("José" → "jose"). */
export function gazetteerKey(word: string): string {
  const lower = word.toLowerCase();
  return nonAscii.test(lower) ? lower.normalize('NFD').replace(marks, '') : lower;
}

/** The form the English word set holds a word in: its Porter stem. */
export function englishStem(key: string): string {
  return stemmer(key);
}

export class Gazetteer {
  readonly #entries = new Map<string, GazetteerList[]>();
  readonly #english: WordSet;
  // Each word's answer, kept: stemming is the costly part of a lookup, and an article repeats its words.
  readonly #looked = new Map<string, readonly GazetteerList[]>();

  constructor(data: GazetteerData) {
    for (const list of gazetteerLists) {
      if (list === 'english') continue;
      for (const word of frontDecode(data[list])) {
        const lists = this.#entries.get(word);
        if (lists) lists.push(list);
        else this.#entries.set(word, [list]);
      }
    }
    this.#english = new WordSet(data.english);
  }

  /** The lists a word is on, looked up by its gazetteerKey. */
  lookup(key: string): readonly GazetteerList[] {
    const seen = this.#looked.get(key);
    if (seen) return seen;
    let written = this.#entries.get(key);
    // The people of any "-stan" land ("Pakistani", "Kurdistani", "Khalistani"): a demonym, so a place
    // word, whether or not the land is on the place list.
    if (demonymOfLand.test(key) && !written?.includes('place')) written = [...(written ?? []), 'place'];
    let lists: readonly GazetteerList[] = written ?? none;
    if (this.#english.has(englishStem(key))) lists = written ? [...written, 'english'] : englishOnly;
    this.#looked.set(key, lists);
    return lists;
  }
}
