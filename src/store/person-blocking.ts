/**
 * Which stored people a document's person is compared with. The engine's blocking keys (every word of
 * every spelling, and its spelling neighbours) find everyone sharing any word: for "Michael Abc", every
 * Michael in the store. But a name matches another only through its last word (the surname, the same or
 * misspelt), unless the other is a name of one word or has an initial first or last ("Abc", "Michael",
 * "M. Abc", "Michael A."). So the store indexes those loose names under a second, marked copy of their
 * keys, and looks a person up by the keys of their last word and the marked keys of their first:
 * the same people match, and the crowd sharing only a common given name is never read.
 */
import { personKeys } from '../analysis/linking/person-keys.ts';
import { isInitial, nameTokens } from '../analysis/people/name-text.ts';
import { spellingKeys } from '../analysis/people/spelling.ts';
import type { PersonProfile } from '../analysis/types.ts';

const loose = (key: string) => `loose:${key}`;

function isLoose(name: string): boolean {
  const tokens = nameTokens(name);
  return tokens.length < 2 || isInitial(tokens[0] as string) || isInitial(tokens.at(-1) as string);
}

/** The keys a stored person is indexed under (their record's `keys`). */
export function storedPersonKeys(profile: PersonProfile): string[] {
  const keys = personKeys(profile);
  return isLoose(profile.name) ? [...keys, ...keys.map(loose)] : keys;
}

/** The keys a document's person is looked up by: every stored person they could match holds one. */
export function lookupKeys(profile: PersonProfile): string[] {
  const tokens = nameTokens(profile.name);
  const last = tokens.at(-1);
  // A name of one word, or with an initial last, may match through any word.
  if (last === undefined || tokens.length < 2 || isInitial(last)) {
    const spellings = [profile.name, ...profile.variants.map((variant) => variant.text)];
    return [...new Set(spellings.flatMap(nameTokens).flatMap(wordKeys))];
  }
  // A loose name meets a full name through that name's first word or its last, never a middle one:
  // the engine compares a name of one word with a full name's first and last words, and two full
  // names by their first words and by their last.
  const first = tokens[0] as string;
  return [...new Set([...wordKeys(last), ...wordKeys(first).map(loose)])];
}

/**
 * A word's blocking keys (see `personKeys`), less two that would find no one the others do not: a
 * request each, in every ingest. A word long enough to have edit keys is stored under `edit:<word>`
 * too, which finds whoever its `name:` key would; and whoever the edit key that drops its first
 * letter finds has a word that starts with another letter, which is never a slip.
 */
function wordKeys(word: string): string[] {
  if (isInitial(word)) return [];
  const spelling = spellingKeys(word);
  const withoutFirst = word[0] === word[1] ? null : `edit:${word.slice(1)}`;
  return [
    ...(spelling.includes(`edit:${word}`) ? [] : [`name:${word}`]),
    ...spelling.filter((key) => key !== withoutFirst),
  ];
}
