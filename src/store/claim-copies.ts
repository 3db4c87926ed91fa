/**
 * What a lookup shows of a claim (its `ClaimSummary`) is copied where a page's lookup reads it: into
 * the records of the people who list the claim (`PersonRecord.claimSummaries`) and beside its kept
 * allegations (`ClaimMembersRecord.claimSummary`, written with the claim by `refreshClaim`). A claim
 * changes with every source that joins it, so after claims change, or people's lists of them do,
 * the people's copies are stated again here; an upgrade or an import counts them all again (see
 * `recountPeople`).
 */
import type { CrosscheckDatabase } from './database.ts';
import type { ClaimRecord, PersonRecord } from './records.ts';
import { claimSummary } from './summaries.ts';
import type { ClaimSummary } from './views.ts';

/**
 * Copies these claims' summaries, as they now are (`null`: no longer stored), into the records of
 * the people who list them (and of `people`, whose lists may have changed), but those of `except`,
 * written with them already. The callers have just written the claims and pass them on, so only
 * claims a list has gained without changing are read.
 */
export async function restateClaimSummaries(
  db: CrosscheckDatabase,
  claims: ReadonlyMap<string, ClaimRecord | null>,
  people: Iterable<string> = [],
  { except = new Set() }: { except?: ReadonlySet<string> } = {},
): Promise<void> {
  const { changed: changedClaims, current } = claimCopies(claims);
  const stored = [...claims.values()].filter((claim): claim is ClaimRecord => claim !== null);
  const ids = new Set([...people, ...stored.flatMap((claim) => claim.accused)]);
  const listing = await db.people.bulkGet([...ids].filter((id) => !except.has(id)));
  const records = listing.filter((person): person is PersonRecord => person !== undefined);
  // A claim a person's list has just gained, of those that did not change, has no copy yet: read once.
  const uncopied = records.flatMap((person) => {
    const copied = new Set(person.claimSummaries.map((summary) => summary.id));
    return person.claims.filter((id) => !changedClaims.has(id) && !copied.has(id));
  });
  if (uncopied.length > 0) {
    for (const claim of await db.claims.bulkGet([...new Set(uncopied)])) {
      if (claim) current.set(claim.id, claimSummary(claim));
    }
  }
  const changed = records.flatMap((person) => {
    const claimSummaries = summariesListed(person, { current, changed: changedClaims });
    return JSON.stringify(claimSummaries) === JSON.stringify(person.claimSummaries)
      ? []
      : [{ ...person, claimSummaries }];
  });
  if (changed.length > 0) await db.people.bulkPut(changed);
}

/** What changed claims, as just written (`null`: no longer stored), give the records that list them. */
export interface ClaimCopies {
  changed: ReadonlySet<string>;
  current: Map<string, ClaimSummary>;
}

export function claimCopies(claims: ReadonlyMap<string, ClaimRecord | null>): ClaimCopies {
  const current = new Map<string, ClaimSummary>();
  for (const claim of claims.values()) if (claim) current.set(claim.id, claimSummary(claim));
  return { changed: new Set(claims.keys()), current };
}

/** The summaries of the claims a person lists: the current ones, else their copies of unchanged claims. */
export function summariesListed(person: PersonRecord, { current, changed }: ClaimCopies): ClaimSummary[] {
  const copied = new Map(person.claimSummaries.map((summary) => [summary.id, summary]));
  return person.claims.flatMap((id) => current.get(id) ?? (changed.has(id) ? [] : (copied.get(id) ?? [])));
}
