/**
 * Whether a person from a new source is someone already known, and why. A name alone decides only
 * when it is a full name spelt the same way; every looser match (a surname alone, a given name used
 * as a surname, a misspelling) must be backed by context: people both sources mention alongside, or
 * a title both give. Two full names with different given names ("Han Dong", "Kevin Dong") or
 * different surnames ("Michael Kovrig", "Michael Spavor") never match, whatever the context: two
 * politicians of one city accused in one month are still two people.
 */
import { foldName, isInitial, nameTokens } from '../people/name-text.ts';
import { isSpellingVariant } from '../people/spelling.ts';
import type { PersonMatchReason, PersonProfile } from '../types.ts';

export interface PersonMatch {
  /** Index into the `known` profiles given to matchPerson. */
  index: number;
  reason: PersonMatchReason;
  /** Higher is surer: the kind of name match first, then how much context backs it. */
  score: number;
}

interface NameRelation {
  reason: PersonMatchReason;
  /** Whether context must back the match: only an identical full name stands on its own. */
  needsContext: boolean;
  /** Whether the context must include a person both sources mention (a shared title is not enough). */
  needsCompanion: boolean;
}

const strength: Record<PersonMatchReason, number> = {
  exact: 5,
  alias: 4,
  'title-stripped': 3,
  'given-as-surname': 3,
  'spelling-variant': 2,
};

/** The known person the candidate is, or null when none is (or when two fit equally well). */
export function matchPerson(candidate: PersonProfile, known: readonly PersonProfile[]): PersonMatch | null {
  let best: PersonMatch | null = null;
  let tied = false;
  known.forEach((profile, index) => {
    if (isAuthor(profile) !== isAuthor(candidate)) return;
    const relation = nameRelation(candidate, profile);
    if (!relation) return;
    const context = sharedContext(candidate, profile);
    if (relation.needsContext && context.total === 0) return;
    if (relation.needsCompanion && context.companions === 0) return;
    const score = strength[relation.reason] * 10 + Math.min(context.total, 9);
    if (!best || score > best.score) {
      best = { index, reason: relation.reason, score };
      tied = false;
    } else if (score === best.score) {
      tied = true;
    }
  });
  // Two equally good candidates: the name does not say which, so linking either would be a guess.
  // An identical full name is the exception: the first such person is the one the store already links.
  const found = best as PersonMatch | null;
  if (tied && found && found.reason !== 'exact') return null;
  if (tied && found && nameTokens(candidate.name).length < 2) return null;
  return found;
}

/**
 * Matches every person of one document at once. People the document tells apart stay apart: once a
 * known person is taken by one of them, the others cannot match it. Full names are matched before
 * surnames alone, which are the weaker evidence.
 */
export function matchDocumentPeople(
  candidates: readonly PersonProfile[],
  known: readonly PersonProfile[],
): (PersonMatch | null)[] {
  const order = candidates
    .map((candidate, index) => ({ index, tokens: Math.min(nameTokens(candidate.name).length, 2) }))
    .sort((a, b) => b.tokens - a.tokens || a.index - b.index);
  const taken = new Set<number>();
  const matches: (PersonMatch | null)[] = candidates.map(() => null);
  for (const { index } of order) {
    const available = known
      .map((profile, knownIndex) => ({ profile, knownIndex }))
      .filter((entry) => !taken.has(entry.knownIndex));
    const match = matchPerson(
      candidates[index] as PersonProfile,
      available.map((entry) => entry.profile),
    );
    if (!match) continue;
    const knownIndex = (available[match.index] as { knownIndex: number }).knownIndex;
    taken.add(knownIndex);
    matches[index] = { ...match, index: knownIndex };
  }
  return matches;
}

function isAuthor(profile: PersonProfile): boolean {
  return profile.role !== 'subject';
}

function nameRelation(a: PersonProfile, b: PersonProfile): NameRelation | null {
  const aTokens = nameTokens(a.name);
  const bTokens = nameTokens(b.name);
  if (aTokens.length === 0 || bTokens.length === 0) return null;
  if (aTokens.join(' ') === bTokens.join(' ')) {
    // "Singh" and "Singh" are the same word, not yet the same person.
    const full = aTokens.length > 1;
    return { reason: 'exact', needsContext: !full, needsCompanion: false };
  }
  if (aTokens.length > 1 && bTokens.length > 1) return fullNameRelation(a, aTokens, b, bTokens);
  if (aTokens.length === 1 && bTokens.length > 1) return partNameRelation(a, aTokens[0] as string, bTokens);
  if (bTokens.length === 1 && aTokens.length > 1) return partNameRelation(b, bTokens[0] as string, aTokens);
  return isSpellingVariant(aTokens[0] as string, bTokens[0] as string)
    ? { reason: 'spelling-variant', needsContext: true, needsCompanion: true }
    : null;
}

function fullNameRelation(
  a: PersonProfile,
  aTokens: string[],
  b: PersonProfile,
  bTokens: string[],
): NameRelation | null {
  // One source puts the family name first, the other last: "Meng Wanzhou", "Wanzhou Meng".
  if (aTokens.length === 2 && bTokens.length === 2 && aTokens[0] === bTokens[1] && aTokens[1] === bTokens[0]) {
    return { reason: 'alias', needsContext: true, needsCompanion: false };
  }
  const surname = compareTokens(aTokens.at(-1) as string, bTokens.at(-1) as string);
  const given = compareTokens(aTokens[0] as string, bTokens[0] as string);
  if (surname === 'different' || given === 'different') return null;
  if (!middleNamesAgree(aTokens.slice(1, -1), bTokens.slice(1, -1))) return null;
  if (surname === 'variant' && given === 'variant') return null;
  if (surname === 'variant' || given === 'variant') {
    const position = surname === 'variant' ? -1 : 0;
    const spelling = [aTokens.at(position) as string, bTokens.at(position) as string] as const;
    // A misspelling the other source also used for this person is an alias it has already vouched for.
    return hasToken(b, spelling[0]) || hasToken(a, spelling[1])
      ? { reason: 'alias', needsContext: true, needsCompanion: false }
      : { reason: 'spelling-variant', needsContext: true, needsCompanion: true };
  }
  // Same given name and surname, but an initial or a middle name on one side only.
  return { reason: 'alias', needsContext: true, needsCompanion: false };
}

/** A name known by one word ("Mr Tao", "Dong") against a full name. */
function partNameRelation(part: PersonProfile, token: string, fullTokens: string[]): NameRelation | null {
  const titled = (part.forms ?? []).some((form) => form === 'titled' || form === 'given');
  if (token === fullTokens.at(-1)) {
    return { reason: titled ? 'title-stripped' : 'alias', needsContext: true, needsCompanion: false };
  }
  if (token === fullTokens[0]) return { reason: 'given-as-surname', needsContext: true, needsCompanion: false };
  if (isSpellingVariant(token, fullTokens.at(-1) as string)) {
    return { reason: 'spelling-variant', needsContext: true, needsCompanion: true };
  }
  return null;
}

type TokenComparison = 'same' | 'variant' | 'different';

function compareTokens(a: string, b: string): TokenComparison {
  if (a === b) return 'same';
  if ((isInitial(a) || isInitial(b)) && a[0] === b[0]) return 'same';
  return isSpellingVariant(a, b) ? 'variant' : 'different';
}

function middleNamesAgree(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  if (a.length !== b.length) return false;
  return a.every((token, i) => compareTokens(token, b[i] as string) === 'same');
}

function hasToken(profile: PersonProfile, token: string): boolean {
  return profile.variants.some((variant) => nameTokens(variant.text).includes(token));
}

/**
 * What backs a match besides the name: people both sources mention alongside the person (compared by
 * full name or surname, so a companion's own misspelt given name still counts) and titles both give.
 */
function sharedContext(a: PersonProfile, b: PersonProfile): { companions: number; total: number } {
  const bNames = new Set(b.coMentioned.map(foldName));
  const bSurnames = new Set(
    b.coMentioned.map((name) => nameTokens(name).at(-1)).filter((token) => token !== undefined),
  );
  const ownSurnames = new Set([a.name, b.name].map((name) => nameTokens(name).at(-1)));
  let companions = 0;
  for (const name of new Set(a.coMentioned.map(foldName))) {
    const surname = nameTokens(name).at(-1);
    // A companion who shares the person's own surname says nothing about which of the two it is.
    if (surname !== undefined && ownSurnames.has(surname)) continue;
    if (bNames.has(name) || (surname !== undefined && bSurnames.has(surname))) companions++;
  }
  const bTitles = new Set(b.titles.map(foldName));
  const titles = new Set(a.titles.map(foldName).filter((title) => bTitles.has(title))).size;
  return { companions, total: companions + titles };
}
