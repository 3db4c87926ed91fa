/**
 * Names found once, found everywhere in the document. The tagger carries what it finds across the
 * text it is given (names/propagate-names.ts), but the engine gives it one bounded piece at a time
 * (a block, or part of a long one), so "Michael Spavor" in one paragraph and "Mr Spavor" in the next
 * never meet there. Here the surnames of the people found anywhere, and the names found after a
 * title, mark their other capitalised occurrences in every piece, and so do misspellings of those
 * surnames ("Sparov" for Spavor).
 */
import type { Token } from '../text/tokenize.ts';
import type { Span } from '../types.ts';
import { foldName, nameTokens } from './name-text.ts';
import type { NameCandidate } from './person-candidates.ts';
import { isSpellingVariant, spellingKeys } from './spelling.ts';
import { isHonorific, isRoleWord } from './titles.ts';

/** The surnames (and titled single names) of the people a story names, for finding them again. */
export class KnownNames {
  readonly #words = new Set<string>();
  readonly #byKey = new Map<string, string[]>();

  constructor(candidates: readonly NameCandidate[]) {
    for (const candidate of candidates) {
      if (candidate.role !== 'subject') continue;
      const tokens = nameTokens(candidate.text);
      // A lone untitled word is the weakest of the tagger's findings: it does not spread.
      if (tokens.length < 2 && !candidate.title) continue;
      for (const word of tokens.length < 2 ? tokens : [tokens.at(-1) as string]) this.#add(word);
    }
  }

  #add(word: string): void {
    if (this.#words.has(word) || word.length < 2) return;
    this.#words.add(word);
    for (const key of spellingKeys(word)) this.#byKey.set(key, [...(this.#byKey.get(key) ?? []), word]);
  }

  /** Whether a folded word is one of the names, or a misspelling of one. */
  has(word: string): boolean {
    if (this.#words.has(word)) return true;
    return spellingKeys(word).some((key) => this.#byKey.get(key)?.some((known) => isSpellingVariant(word, known)));
  }

  get size(): number {
    return this.#words.size;
  }
}

const capitalised = /^\p{Lu}\p{L}*$/u;

/**
 * The spans of `tokens` (one piece of the text, in order) that are known names the tagger did not
 * mark: capitalised words standing alone (not inside another capitalised name such as "Dong Energy").
 * `taken` are the spans already marked, in order.
 */
export function propagatedNames(tokens: readonly Token[], known: KnownNames, taken: readonly Span[]): Span[] {
  if (known.size === 0) return [];
  const found: Span[] = [];
  let next = 0;
  tokens.forEach((token, index) => {
    while (next < taken.length && (taken[next] as Span).end <= token.start) next++;
    const mark = taken[next];
    if (mark && mark.start < token.end) return;
    if (token.kind !== 'word' || !capitalised.test(token.text) || !known.has(foldName(token.text))) return;
    const before = tokens[index - 1];
    const after = tokens[index + 1];
    const joins = (other: Token | undefined) =>
      other !== undefined && other.kind === 'word' && capitalised.test(other.text) && !known.has(foldName(other.text));
    // A capitalised word before it joins it only inside a sentence: "After Spavor was freed" is Spavor.
    const inside = tokens[index - 2]?.kind === 'word';
    if (
      joins(after) ||
      (inside && joins(before) && !isHonorific(before?.text ?? '') && !isRoleWord(before?.text ?? ''))
    ) {
      return;
    }
    found.push({ start: token.start, end: token.end });
  });
  return found;
}
