/**
 * One person per person in a document, from its name mentions. Full names come first: two full names
 * are one person when their surnames agree (or one misspells the other) and their given names agree
 * (or one is an initial), so "Han Dong" and "Han Tao", "Michael Kovrig" and "Michael Spavor" stay
 * two. A single name ("Mr Dong", "Dong's", "Ms Wanzhou", "Sparov") is then the person whose surname it
 * is, or whose given name it is, or whose surname it misspells; when two people fit, the one the text
 * last named before it (one Singh, then another). Bylines and credits are people of their own.
 */
import type { Mention, MentionForm, Person, PersonRole } from '../types.ts';
import { isFamilyNameFirst } from './name-order.ts';
import { isInitial, nameTokens } from './name-text.ts';
import type { NameCandidate } from './person-candidates.ts';
import { isSpellingVariant, spellingKeys } from './spelling.ts';

interface Draft {
  role: PersonRole;
  /** Folded words of the fullest name so far. */
  tokens: string[];
  candidates: NameCandidate[];
  forms: MentionForm[];
  /** Where the full-name mentions start, in order: a single name refers to the person named last before it. */
  fullStarts: number[];
  /** Whether the name puts the family name first, once known. */
  familyFirst?: boolean;
}

const upperOnly = /^[^\p{Ll}]*$/u;
// Plural nouns for groups of people: "Islamists", "Canadians", "Gunmen", "Maronites".
const groupNoun = /(?:ists|ians|ites|men)$/;

/** Drafts under keys, so each name is compared with the few people it could be, not with everyone. */
class DraftIndex {
  readonly #byKey = new Map<string, Draft[]>();

  add(key: string, draft: Draft): void {
    const list = this.#byKey.get(key);
    if (!list) this.#byKey.set(key, [draft]);
    else if (!list.includes(draft)) list.push(draft);
  }

  get(keys: readonly string[]): Draft[] {
    return [...new Set(keys.flatMap((key) => this.#byKey.get(key) ?? []))];
  }
}

/** How many mentions are resolved between two yields: a long document's resolution is bounded steps too. */
const batch = 2000;

/** The document's people from its name candidates (in text order), in steps of `batch` candidates. */
export function* resolvePeople(candidates: readonly NameCandidate[]): Generator<void, Person[]> {
  const drafts: Draft[] = [];
  const surnames = new DraftIndex();
  const givenNames = new DraftIndex();
  const singles = new Map<string, Draft>();
  const keysOf = new Map<string, string[]>();
  const surnameKeys = (word: string) => {
    let keys = keysOf.get(word);
    if (!keys) keysOf.set(word, (keys = [`name:${word}`, ...spellingKeys(word)]));
    return keys;
  };

  for (const [index, candidate] of candidates.entries()) {
    if (index % batch === batch - 1) yield;
    const tokens = nameTokens(candidate.text);
    if (tokens.length < 2) continue;
    const surname = tokens.at(-1) as string;
    const draft = surnames
      .get(surnameKeys(surname))
      .find((other) => other.role === candidate.role && fullNamesAgree(tokens, other.tokens));
    if (draft) {
      draft.candidates.push(candidate);
      draft.forms.push(sameSpelling(tokens, draft.tokens) ? (candidate.title ? 'titled' : 'full') : 'variant');
      draft.fullStarts.push(candidate.start);
      if (tokens.length > draft.tokens.length) draft.tokens = tokens;
    } else {
      const created: Draft = {
        role: candidate.role,
        tokens,
        candidates: [candidate],
        forms: [candidate.title ? 'titled' : 'full'],
        fullStarts: [candidate.start],
      };
      drafts.push(created);
      for (const key of surnameKeys(surname)) surnames.add(key, created);
      givenNames.add(tokens[0] as string, created);
    }
  }

  for (const [index, candidate] of candidates.entries()) {
    if (index % batch === batch - 1) yield;
    const tokens = nameTokens(candidate.text);
    if (tokens.length !== 1) continue;
    const word = tokens[0] as string;
    const sameRole = (draft: Draft) => draft.role === candidate.role;
    const near = surnames.get(surnameKeys(word)).filter(sameRole);
    const bySurname = near.filter((draft) => draft.tokens.at(-1) === word);
    // A given name alone is too often a word ("a new Bill" is a law, not Bill Shorten): it is a
    // person's only after a title ("Ms Wanzhou"), and two people are never merged on a guess.
    const byGiven = candidate.title ? givenNames.get([word]).filter(sameRole) : [];
    const bySpelling = near.filter((draft) => isSpellingVariant(word, draft.tokens.at(-1) as string));
    const fits = bySurname.length > 0 ? bySurname : byGiven.length > 0 ? byGiven : bySpelling;
    const singleKey = `${candidate.role}:${word}`;
    const draft = nearest(fits, candidate.start) ?? singles.get(singleKey);
    if (!draft) {
      // A lone word fitting no one the story names, and read as a thing ("the British Bill") or as a
      // group ("Islamists", "Gunmen"), is not a person.
      if (!candidate.title && (candidate.afterDeterminer || groupNoun.test(word))) continue;
      const created: Draft = {
        role: candidate.role,
        tokens: [word],
        candidates: [candidate],
        forms: [candidate.title ? 'titled' : 'surname'],
        fullStarts: [],
      };
      drafts.push(created);
      singles.set(singleKey, created);
      continue;
    }
    draft.candidates.push(candidate);
    draft.forms.push(singleNameForm(draft, word, candidate));
  }

  const ordered = drafts
    .map((draft) => ({
      draft,
      first: draft.candidates.reduce((min, candidate) => Math.min(min, candidate.start), Infinity),
    }))
    .sort((a, b) => a.first - b.first);
  return ordered.map(({ draft }, index) => personOf(draft, `p${index + 1}`));
}

function fullNamesAgree(a: string[], b: string[]): boolean {
  const surnames = a.at(-1) === b.at(-1) || isSpellingVariant(a.at(-1) as string, b.at(-1) as string);
  const [givenA, givenB] = [a[0] as string, b[0] as string];
  const given =
    givenA === givenB ||
    ((isInitial(givenA) || isInitial(givenB)) && givenA[0] === givenB[0]) ||
    isSpellingVariant(givenA, givenB);
  if (!surnames || !given) return false;
  // Not both misspelt: "Michael Sparov" is Michael Spavor, "Micheal Sparov" is too far.
  return a.at(-1) === b.at(-1) || givenA === givenB || isInitial(givenA) || isInitial(givenB);
}

function sameSpelling(a: string[], b: string[]): boolean {
  return a.at(-1) === b.at(-1) && (a[0] === b[0] || isInitial(a[0] as string) || isInitial(b[0] as string));
}

/** Of the people a single name fits, the one fully named last before it, or else first after it. */
function nearest(drafts: readonly Draft[], start: number): Draft | undefined {
  let best: Draft | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const draft of drafts) {
    const before = lastBefore(draft.fullStarts, start);
    // Any earlier mention is closer than a later one: a name refers back more often than ahead.
    const distance = before >= 0 ? start - before : Number.MAX_SAFE_INTEGER / 2 + ((draft.fullStarts[0] ?? 0) - start);
    if (distance < bestDistance) {
      best = draft;
      bestDistance = distance;
    }
  }
  return best;
}

/** The greatest of the sorted starts below `start`, or -1. */
function lastBefore(starts: readonly number[], start: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((starts[middle] as number) < start) low = middle + 1;
    else high = middle;
  }
  return low > 0 ? (starts[low - 1] as number) : -1;
}

function singleNameForm(draft: Draft, word: string, candidate: NameCandidate): MentionForm {
  if (draft.tokens.length === 1) return candidate.title ? 'titled' : 'surname';
  draft.familyFirst ??= isFamilyNameFirst(
    draft.tokens.join(' '),
    draft.candidates.flatMap((other) => other.descriptions),
  );
  const family = draft.familyFirst ? draft.tokens[0] : draft.tokens.at(-1);
  if (word === family) return candidate.title ? 'titled' : 'surname';
  if (draft.tokens.includes(word)) return 'given';
  return 'variant';
}

function personOf(draft: Draft, id: string): Person {
  const mentions: Mention[] = draft.candidates
    .map((candidate, index) => ({
      start: candidate.start,
      end: candidate.end,
      text: candidate.text,
      form: draft.forms[index] as MentionForm,
      ...(candidate.title ? { title: candidate.title } : {}),
    }))
    .sort((a, b) => a.start - b.start);
  const name = canonicalName(mentions);
  const variants = [name, ...new Set(mentions.map((mention) => mention.text).filter((text) => text !== name))];
  return {
    id,
    name,
    role: draft.role,
    mentions,
    variants,
    titles: [...new Set(draft.candidates.flatMap((candidate) => candidate.roles))],
  };
}

/** The fullest name the document gives, spelt as most of its mentions spell it, in normal case if it ever is. */
function canonicalName(mentions: readonly Mention[]): string {
  const counts = new Map<string, number>();
  for (const mention of mentions) counts.set(mention.text, (counts.get(mention.text) ?? 0) + 1);
  const score = (text: string) =>
    nameTokens(text).length * 1000 +
    (upperOnly.test(text) ? 0 : 500) +
    (counts.get(text) ?? 0) * (text.includes(' ') ? 1 : 0);
  let best = mentions[0]?.text ?? '';
  for (const text of counts.keys()) if (score(text) > score(best)) best = text;
  return best;
}
