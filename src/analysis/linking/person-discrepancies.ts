/**
 * How the sources disagree about one person: the spellings of the name. Case is not spelling (an
 * all-caps headline is not a variant), but accents are ("Jose" and "José" are two spellings).
 */
import { foldName, isInitial } from '../people/name-text.ts';
import { isSpellingVariant } from '../people/spelling.ts';
import type { Discrepancy, Person } from '../types.ts';

export interface PersonInSource {
  /** The SourceDocument id. */
  document: string;
  person: Person;
}

export function personDiscrepancies(members: readonly PersonInSource[]): Discrepancy[] {
  // Every spelling of every word of the name, with the sources that used it.
  const spellings = new Map<string, { text: string; folded: string; documents: string[] }>();
  for (const { document, person } of members) {
    for (const name of [...person.variants, ...person.mentions.map((mention) => mention.text)]) {
      for (const word of name.split(/\s+/)) {
        const text = word.replace(/\.$/, '');
        const folded = foldName(text);
        if (folded.length === 0 || isInitial(folded)) continue;
        const key = text.toLowerCase();
        const entry = spellings.get(key) ?? { text, folded, documents: [] };
        if (!entry.documents.includes(document)) entry.documents.push(document);
        spellings.set(key, entry);
      }
    }
  }
  const entries = [...spellings.values()];
  const found: Discrepancy[] = [];
  const grouped = new Set<number>();
  entries.forEach((entry, index) => {
    if (grouped.has(index)) return;
    const group = entries
      .map((other, otherIndex) => ({ other, otherIndex }))
      .filter(
        ({ other, otherIndex }) =>
          otherIndex === index || other.folded === entry.folded || isSpellingVariant(other.folded, entry.folded),
      );
    for (const { otherIndex } of group) grouped.add(otherIndex);
    if (group.length < 2) return;
    found.push({
      kind: 'name-spelling',
      values: group.flatMap(({ other }) => other.documents.map((document) => ({ document, text: other.text }))),
      about: `the spelling of ${group.map(({ other }) => other.text).join(' / ')}`,
    });
  });
  return found;
}
