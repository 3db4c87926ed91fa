/**
 * Scores an analysis against the seeds' gold standard: each document's people, mentions, aliases,
 * titles, groups and allegations, then the cross-source people, claims and discrepancies. Every
 * miss is also described in words, so a failing test or a bench run says what went wrong.
 */
import { foldName } from '../people/name-text.ts';
import type { Allegation, CrossSourceLinks, Discrepancy, DocumentAnalysis, Person } from '../types.ts';
import type { Gold, GoldDiscrepancy, GoldDocument } from './seeds-gold.ts';

/** Precision is correct / found, recall is correct / expected. */
export interface Tally {
  expected: number;
  found: number;
  correct: number;
}

export interface Score {
  tallies: Record<string, Tally>;
  errors: string[];
}

const tally = (): Tally => ({ expected: 0, found: 0, correct: 0 });

function add(score: Score, name: string, expected: number, found: number, correct: number): void {
  const entry = (score.tallies[name] ??= tally());
  entry.expected += expected;
  entry.found += found;
  entry.correct += correct;
}

const sameName = (a: string, b: string) => foldName(a) === foldName(b);
const names = (analysis: DocumentAnalysis, ids: string[]) =>
  ids.map((id) => analysis.people.find((person) => person.id === id)?.name ?? id);
const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.some((y) => sameName(x, y)));

/**
 * Scores one document: `expected` is the gold analysis of the same text (see goldAnalysis).
 * Returns, for each expected allegation (by index), the index of the actual allegation it matched.
 */
export function scoreDocument(
  gold: GoldDocument,
  expected: DocumentAnalysis,
  actual: DocumentAnalysis,
  score: Score,
): Map<number, number> {
  const where = `${gold.id}:`;
  // People: one per gold person, by name and role.
  const matchedPeople = new Map<Person, Person>();
  for (const person of expected.people) {
    const found = actual.people.find((candidate) => sameName(candidate.name, person.name));
    if (found && found.role === person.role) matchedPeople.set(person, found);
    else if (found) score.errors.push(`${where} ${person.name} is ${found.role}, expected ${person.role}`);
    else score.errors.push(`${where} missed person ${person.name}`);
  }
  for (const person of actual.people) {
    if (!expected.people.some((candidate) => sameName(candidate.name, person.name))) {
      score.errors.push(`${where} not a person: ${person.name} (${person.mentions.map((m) => m.text).join(', ')})`);
    }
  }
  add(score, 'people', expected.people.length, actual.people.length, matchedPeople.size);

  // Mentions: exact span, given to the right person (this is where aliases are resolved or not).
  const actualMentions = new Map<string, { person: Person; form: string; title?: string }>();
  for (const person of actual.people) {
    for (const mention of person.mentions)
      actualMentions.set(`${mention.start}:${mention.end}`, { person, ...mention });
  }
  let mentionsFound = 0;
  let mentionsRight = 0;
  let formsRight = 0;
  for (const person of expected.people) {
    for (const mention of person.mentions) {
      mentionsFound++;
      const found = actualMentions.get(`${mention.start}:${mention.end}`);
      if (!found) {
        score.errors.push(`${where} missed mention "${mention.text}" at ${mention.start} (${person.name})`);
      } else if (!sameName(found.person.name, person.name)) {
        score.errors.push(
          `${where} "${mention.text}" at ${mention.start} given to ${found.person.name}, not ${person.name}`,
        );
      } else {
        mentionsRight++;
        if (found.form === mention.form && (found.title ?? '') === (mention.title ?? '')) formsRight++;
        else
          score.errors.push(
            `${where} "${mention.text}" at ${mention.start}: ${found.form}/${found.title ?? '-'}, expected ${mention.form}/${mention.title ?? '-'}`,
          );
      }
    }
  }
  add(score, 'mentions', mentionsFound, actualMentions.size, mentionsRight);
  add(score, 'mention forms and titles', mentionsRight, mentionsRight, formsRight);

  // Aliases and titles, for the people found.
  for (const [person, found] of matchedPeople) {
    const missing = person.variants.filter((variant) => !found.variants.some((v) => sameName(v, variant)));
    add(score, 'aliases', person.variants.length, found.variants.length, person.variants.length - missing.length);
    if (missing.length > 0) score.errors.push(`${where} ${person.name} lacks variants ${missing.join(', ')}`);
    const titles = person.titles.filter((title) => found.titles.some((t) => sameName(t, title)));
    add(score, 'titles', person.titles.length, person.titles.length, titles.length);
    if (titles.length < person.titles.length) {
      score.errors.push(
        `${where} ${person.name} titles ${JSON.stringify(found.titles)} lack ${person.titles.join(', ')}`,
      );
    }
  }

  // Groups and their members.
  for (const group of expected.groups) {
    const found = actual.groups.find((candidate) => sameName(candidate.name, group.name));
    const right = found && sameSet(names(actual, found.members), names(expected, group.members));
    add(score, 'groups', 1, 0, right ? 1 : 0);
    if (!right) score.errors.push(`${where} group ${group.name} not found with its members`);
  }
  add(score, 'groups', 0, actual.groups.length, 0);

  // Allegations: the sentence and the accused; then the stance and the attribution of those found.
  const matched = new Map<number, number>();
  expected.allegations.forEach((allegation, index) => {
    const accused = names(expected, allegation.accused);
    const found = actual.allegations.findIndex(
      (candidate, candidateIndex) =>
        ![...matched.values()].includes(candidateIndex) &&
        overlaps(candidate, allegation) &&
        sameSet(names(actual, candidate.accused), accused),
    );
    const key = gold.allegations[index]?.key ?? String(index);
    if (found < 0) {
      const near = actual.allegations.find((candidate) => overlaps(candidate, allegation));
      score.errors.push(
        near
          ? `${where} ${key}: accused ${JSON.stringify(names(actual, near.accused))}, expected ${JSON.stringify(accused)}`
          : `${where} ${key}: allegation not found`,
      );
      return;
    }
    matched.set(index, found);
    const candidate = actual.allegations[found] as Allegation;
    add(score, 'stances', 1, 1, candidate.stance === allegation.stance ? 1 : 0);
    if (candidate.stance !== allegation.stance) {
      score.errors.push(`${where} ${key}: stance ${candidate.stance}, expected ${allegation.stance}`);
    }
    const credited = candidate.attributedTo.join(' | ').toLowerCase();
    const attributionRight =
      allegation.attributedTo.length === 0
        ? candidate.attributedTo.length === 0
        : allegation.attributedTo.every((phrase) => credited.includes(phrase.toLowerCase()));
    add(score, 'attributions', 1, 1, attributionRight ? 1 : 0);
    if (!attributionRight) {
      score.errors.push(
        `${where} ${key}: attributed to ${JSON.stringify(candidate.attributedTo)}, expected ${JSON.stringify(allegation.attributedTo)}`,
      );
    }
  });
  add(score, 'allegations', expected.allegations.length, actual.allegations.length, matched.size);
  for (const [index, allegation] of actual.allegations.entries()) {
    if (![...matched.values()].includes(index)) {
      score.errors.push(`${where} not an allegation (${allegation.stance}): ${allegation.text.slice(0, 90)}`);
    }
  }
  return matched;
}

function overlaps(a: Allegation, b: Allegation): boolean {
  const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return shared > 0 && shared >= 0.5 * Math.min(a.end - a.start, b.end - b.start);
}

/**
 * Scores the cross-source result. `keyOf` names the gold allegation an actual allegation matched
 * (undefined for allegations the gold does not have).
 */
export function scoreLinks(
  gold: Gold,
  links: CrossSourceLinks,
  keyOf: (document: string, allegation: number) => string | undefined,
  score: Score,
): void {
  let peopleRight = 0;
  for (const person of gold.links.people) {
    const found = links.people.find((candidate) => sameName(candidate.name, person.name));
    const documents = found ? [...new Set(found.members.map((member) => member.document))] : [];
    const missing = person.variants.filter((variant) => !found?.variants.some((v) => sameName(v, variant)));
    if (!found) score.errors.push(`links: ${person.name} not linked`);
    else if (!sameSet(documents, person.documents)) {
      score.errors.push(
        `links: ${person.name} linked in ${documents.join(', ')}, expected ${person.documents.join(', ')}`,
      );
    } else if (missing.length > 0) score.errors.push(`links: ${person.name} lacks variants ${missing.join(', ')}`);
    else peopleRight++;
    for (const discrepancy of person.discrepancies ?? []) {
      const right = found !== undefined && hasDiscrepancy(found.discrepancies, discrepancy);
      add(score, 'person discrepancies', 1, 0, right ? 1 : 0);
      if (!right) score.errors.push(`links: ${person.name} lacks the ${discrepancy.kind} discrepancy`);
    }
  }
  add(score, 'linked people', gold.links.people.length, links.people.length, peopleRight);
  add(score, 'person discrepancies', 0, links.people.flatMap((person) => person.discrepancies).length, 0);

  const memberKeys = links.claims.map((claim) =>
    claim.members.map((member) => keyOf(member.document, member.allegation)).filter((key) => key !== undefined),
  );
  const owner = new Map(gold.links.claims.flatMap((claim, index) => claim.members.map((key) => [key, index])));
  let claimsRight = 0;
  let discrepanciesFound = 0;
  gold.links.claims.forEach((claim, claimIndex) => {
    const best = bestClaim(memberKeys, claim.members);
    const keys = best < 0 ? [] : (memberKeys[best] as string[]);
    const missing = claim.members.filter((key) => !keys.includes(key));
    const intruders = keys.filter((key) => owner.has(key) && owner.get(key) !== claimIndex);
    if (missing.length === 0 && intruders.length === 0) claimsRight++;
    else {
      score.errors.push(
        `links: claim "${claim.about}"${missing.length ? ` lacks ${missing.join(', ')}` : ''}${intruders.length ? ` also holds ${intruders.join(', ')}` : ''}`,
      );
    }
    const found = best < 0 ? [] : (links.claims[best]?.discrepancies ?? []);
    discrepanciesFound += found.length;
    for (const discrepancy of claim.discrepancies) {
      const right = hasDiscrepancy(found, discrepancy);
      add(score, 'claim discrepancies', 1, 0, right ? 1 : 0);
      if (!right) score.errors.push(`links: claim "${claim.about}" lacks the ${discrepancy.kind} discrepancy`);
    }
    for (const discrepancy of found) {
      if (!claim.discrepancies.some((expected) => expected.kind === discrepancy.kind)) {
        score.errors.push(
          `links: claim "${claim.about}" has an unexpected ${discrepancy.kind} discrepancy: ${discrepancy.about ?? ''}`,
        );
      }
    }
  });
  // A claim none of the gold claims is best matched by is one the gold file does not have.
  const matched = new Set(gold.links.claims.map((claim) => bestClaim(memberKeys, claim.members)));
  links.claims.forEach((claim, index) => {
    if (matched.has(index)) return;
    const first = claim.members[0];
    score.errors.push(
      `links: an extra claim about ${claim.accused.join(', ')}${first ? ` (${keyOf(first.document, first.allegation) ?? 'an allegation the gold file lacks'})` : ''}`,
    );
  });
  add(score, 'claims', gold.links.claims.length, links.claims.length, claimsRight);
  add(score, 'claim discrepancies', 0, discrepanciesFound, 0);
}

/** The claim holding the most of these members. */
function bestClaim(memberKeys: string[][], members: string[]): number {
  let best = -1;
  let bestCount = 0;
  memberKeys.forEach((keys, index) => {
    const count = members.filter((key) => keys.includes(key)).length;
    if (count > bestCount) {
      best = index;
      bestCount = count;
    }
  });
  return best;
}

function hasDiscrepancy(found: Discrepancy[], expected: GoldDiscrepancy): boolean {
  return found.some(
    (discrepancy) =>
      discrepancy.kind === expected.kind &&
      (expected.values ?? []).every((value) =>
        discrepancy.values.some(
          (candidate) =>
            candidate.document === value.document && candidate.text.toLowerCase().includes(value.text.toLowerCase()),
        ),
      ) &&
      (expected.documents ?? []).every((document) => discrepancy.values.some((value) => value.document === document)),
  );
}

export function emptyScore(): Score {
  return { tallies: {}, errors: [] };
}
