/**
 * What cross-source linking knows of a person: one document's Person as a profile, and two
 * profiles of the same person as one. The store keeps the merged profile of every person it knows.
 */
import { foldName, nameTokens } from '../people/name-text.ts';
import type { DocumentAnalysis, MentionForm, Person, PersonProfile } from '../types.ts';
import { uniqueBy } from './unique-by.ts';

export function personProfile(person: Person, analysis: DocumentAnalysis): PersonProfile {
  const counts = new Map<string, number>();
  for (const mention of person.mentions) counts.set(mention.text, (counts.get(mention.text) ?? 0) + 1);
  for (const variant of person.variants) if (!counts.has(variant)) counts.set(variant, 0);
  return {
    name: person.name,
    variants: [...counts].map(([text, count]) => ({ text, count })),
    titles: [...person.titles],
    // Subjects only: who wrote two articles says nothing about whether their subjects are one person.
    coMentioned: analysis.people
      .filter((other) => other.id !== person.id && other.role === 'subject')
      .map((other) => other.name),
    role: person.role,
    forms: [...new Set(person.mentions.map((mention) => mention.form))],
  };
}

/** One profile of a person from two: every spelling, title and companion of both. */
export function mergeProfiles(known: PersonProfile, incoming: PersonProfile): PersonProfile {
  const counts = new Map<string, { text: string; count: number }>();
  for (const variant of [...known.variants, ...incoming.variants]) {
    const entry = counts.get(variant.text);
    if (entry) entry.count += variant.count;
    else counts.set(variant.text, { ...variant });
  }
  const variants = [...counts.values()];
  return {
    name: canonicalName(known.name, [incoming.name], variants),
    variants,
    titles: uniqueBy([...known.titles, ...incoming.titles], foldName),
    coMentioned: uniqueBy([...known.coMentioned, ...incoming.coMentioned], foldName),
    role: known.role,
    forms: [...new Set<MentionForm>([...(known.forms ?? []), ...(incoming.forms ?? [])])],
  };
}

/**
 * The name a merged profile goes by: the fullest name the sources give, and among full names the
 * spelling most mentions use, so one outlet's slip does not rename the person everywhere.
 */
function canonicalName(current: string, others: string[], variants: { text: string; count: number }[]): string {
  const length = (name: string) => Math.min(nameTokens(name).length, 2);
  const countOf = (name: string) => variants.find((variant) => variant.text === name)?.count ?? 0;
  let best = current;
  for (const name of [...others, ...variants.map((variant) => variant.text)]) {
    if (length(name) > length(best) || (length(name) === length(best) && countOf(name) > countOf(best))) best = name;
  }
  return best;
}
