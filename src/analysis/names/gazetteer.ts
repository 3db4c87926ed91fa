/**
 * Word lists the name tagger consults: given names, surnames, titles and roles, places and
 * organisations, and common words (written in lower case often enough in the training text that a
 * capital on them says little). A word's entry is a set of flags; the tagger turns each flag into a feature, so
 * the lists only need to be mostly right: the trained weights decide how much each is worth.
 */

export const gazetteerLists = ['given', 'surname', 'title', 'place', 'organisation', 'common'] as const;
export type GazetteerList = (typeof gazetteerLists)[number];

/** One lower-case, accent-free word per line, for each list. */
export type GazetteerData = Record<GazetteerList, string>;

const nonAscii = /[^\p{ASCII}]/u;
const marks = /\p{M}/gu;

/** The form a word is looked up in: lower case, without accents ("José" → "jose"). */
export function gazetteerKey(word: string): string {
  const lower = word.toLowerCase();
  return nonAscii.test(lower) ? lower.normalize('NFD').replace(marks, '') : lower;
}

export class Gazetteer {
  readonly #entries = new Map<string, GazetteerList[]>();

  constructor(data: GazetteerData) {
    for (const list of gazetteerLists) {
      for (const word of data[list].split('\n')) {
        if (word === '') continue;
        const lists = this.#entries.get(word);
        if (lists) lists.push(list);
        else this.#entries.set(word, [list]);
      }
    }
  }

  /** The lists a word is on, looked up by its gazetteerKey. */
  lookup(key: string): readonly GazetteerList[] {
    return this.#entries.get(key) ?? [];
  }
}
