/**
 * Cross-source linking of whole sources, as the CLI and the tests use it. It is the store's
 * incremental linking run over a list: sources are taken one at a time, in order; each person is
 * compared only with the people already known that share a blocking key, and each claim only with
 * the claims about someone it accuses. So a store that keeps the profiles and claims in indexed
 * tables, and calls the same primitives source by source, reaches the same decisions.
 */
import type {
  ClaimReport,
  CrossSourceLinks,
  LinkedClaim,
  LinkedPerson,
  PersonProfile,
  SourceDocument,
} from '../types.ts';
import { claimDiscrepancies } from './claim-discrepancies.ts';
import { claimKeys, groupDocumentClaims, matchClaim } from './claim-match.ts';
import { claimReports } from './claim-report.ts';
import { personDiscrepancies, type PersonInSource } from './person-discrepancies.ts';
import { personKeys } from './person-keys.ts';
import { matchDocumentPeople } from './person-match.ts';
import { mergeProfiles, personProfile } from './person-profile.ts';

/** The key linkSources gives the n-th linked person in ClaimReport.accusedIds. */
export const linkedPersonId = (index: number): string => `person:${index}`;

export function linkSources(documents: readonly SourceDocument[]): CrossSourceLinks {
  const people = new KeyIndex<{ profile: PersonProfile; members: PersonInSource[] }>();
  const claims = new KeyIndex<ClaimReport[]>();

  for (const source of documents) {
    const { analysis } = source;
    const candidates = analysis.people.map((person) => personProfile(person, analysis));
    const nearby = people.near(candidates.flatMap(personKeys));
    const matches = matchDocumentPeople(
      candidates,
      nearby.map((index) => people.at(index).profile),
    );
    const linkedIndex = new Map<string, number>();
    analysis.people.forEach((person, i) => {
      const candidate = candidates[i] as PersonProfile;
      const match = matches[i];
      let index: number;
      if (match) {
        index = nearby[match.index] as number;
        const linked = people.at(index);
        linked.profile = mergeProfiles(linked.profile, candidate);
        linked.members.push({ document: source.id, person });
      } else {
        index = people.add({ profile: candidate, members: [{ document: source.id, person }] });
      }
      people.index(index, personKeys(people.at(index).profile));
      linkedIndex.set(person.id, index);
    });

    const reports = claimReports(source, (personId) => {
      const index = linkedIndex.get(personId);
      return index === undefined ? undefined : { id: linkedPersonId(index), name: people.at(index).profile.name };
    });
    for (const group of groupDocumentClaims(reports)) {
      const keys = group.flatMap(claimKeys);
      const nearbyClaims = claims.near(keys);
      const match = matchClaim(
        group,
        nearbyClaims.map((index) => claims.at(index)),
      );
      const index = match === null ? claims.add([...group]) : (nearbyClaims[match] as number);
      if (match !== null) claims.at(index).push(...group);
      claims.index(index, keys);
    }
  }

  const linkedPeople: LinkedPerson[] = people.all().map(({ profile, members }) => ({
    name: profile.name,
    variants: profile.variants.map((variant) => variant.text),
    members: members.map(({ document, person }) => ({ document, person: person.id })),
    discrepancies: personDiscrepancies(members),
  }));
  const nameOf = (id: string) => linkedPeople[Number(id.slice('person:'.length))]?.name ?? id;
  const linkedClaims: LinkedClaim[] = claims.all().map((reports) => ({
    accused: [...new Set(reports.flatMap((report) => report.accusedIds))].map(nameOf),
    members: reports.map((report) => ({ document: report.document, allegation: report.allegationIndex })),
    discrepancies: claimDiscrepancies(reports),
  }));
  return { people: linkedPeople, claims: linkedClaims };
}

/** Items with blocking keys, as the store keeps them in a table with a multi-entry index. */
class KeyIndex<T> {
  readonly #items: T[] = [];
  readonly #byKey = new Map<string, Set<number>>();

  add(item: T): number {
    this.#items.push(item);
    return this.#items.length - 1;
  }

  at(index: number): T {
    return this.#items[index] as T;
  }

  all(): readonly T[] {
    return this.#items;
  }

  index(index: number, keys: readonly string[]): void {
    for (const key of keys) {
      const set = this.#byKey.get(key);
      if (set) set.add(index);
      else this.#byKey.set(key, new Set([index]));
    }
  }

  /** The items under any of the keys, oldest first: ties go to the person or claim known longest. */
  near(keys: readonly string[]): number[] {
    const found = new Set<number>();
    for (const key of keys) for (const index of this.#byKey.get(key) ?? []) found.add(index);
    return [...found].sort((a, b) => a - b);
  }
}
