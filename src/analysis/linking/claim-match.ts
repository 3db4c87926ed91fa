/**
 * Which allegations are one claim. Two reports are the same claim when they accuse the same person
 * and say enough of the same thing: shared terms (stems and merged synonyms, and the other people
 * they name), a good share of the shorter report's. Within one source, a bare response ("Mr Dong has
 * denied the allegations against him") says nothing of its own, so it answers the claim that source
 * makes most against that person.
 *
 * The store links claims incrementally with these functions: `claimKeys` to find the stored claims
 * that could be the same (an index on the accused), `groupDocumentClaims` for a new source's
 * reports, and `matchClaim` for each group against those candidates. `linkSources` does exactly that.
 */
import type { ClaimReport, ClaimTerms } from '../types.ts';

const minSharedTerms = 2;
const minSharedShare = 0.3;

/** Index keys: one per accused person. A claim can only match claims about someone it accuses. */
export function claimKeys(report: ClaimReport): string[] {
  return report.accusedIds.map((id) => `accused:${id}`);
}

/** Whether two reports, each saying something of its own, make the same claim. */
export function sameClaim(a: ClaimTerms, b: ClaimTerms): boolean {
  return claimSimilarity(a, b) > 0;
}

/**
 * How much two reports say alike: the share of the shorter one's terms the other has, or 0 when they
 * accuse no one in common or share too little to be the same claim.
 */
export function claimSimilarity(a: ClaimTerms, b: ClaimTerms): number {
  if (a.terms.length === 0 || b.terms.length === 0) return 0;
  if (!a.accusedIds.some((id) => b.accusedIds.includes(id))) return 0;
  const bTerms = new Set(b.terms);
  const shared = a.terms.filter((term) => bTerms.has(term)).length;
  const share = shared / Math.min(a.terms.length, b.terms.length);
  return shared >= minSharedTerms && share >= minSharedShare ? share : 0;
}

/** Whether a report answers or repeats "the allegations" without saying what they are. */
export function isBareReport(report: ClaimTerms): boolean {
  return report.terms.length === 0;
}

/**
 * One source's reports grouped into the claims it makes (reports in source order). Reports that say
 * the same thing about the same person form one group; bare reports join the source's largest group
 * about their accused (the earliest, when two are as large), or form a group of their own.
 */
export function groupDocumentClaims(reports: readonly ClaimReport[]): ClaimReport[][] {
  const groups: ClaimReport[][] = [];
  for (const report of reports) {
    if (isBareReport(report)) continue;
    const joined = groups.filter((group) => group.some((member) => sameClaim(report, member)));
    if (joined.length === 0) {
      groups.push([report]);
      continue;
    }
    // The report bridges the groups it matches: they were one claim told in several ways.
    const [first, ...rest] = joined as [ClaimReport[], ...ClaimReport[][]];
    first.push(report, ...rest.flat());
    for (const group of rest) groups.splice(groups.indexOf(group), 1);
  }
  for (const report of reports) {
    if (!isBareReport(report)) continue;
    let home: ClaimReport[] | undefined;
    for (const group of groups) {
      const about = group.some((member) => member.accusedIds.some((id) => report.accusedIds.includes(id)));
      if (about && (!home || specificCount(group) > specificCount(home))) home = group;
    }
    if (home) home.push(report);
    else groups.push([report]);
  }
  for (const group of groups) group.sort((a, b) => a.allegationIndex - b.allegationIndex);
  return groups;
}

/**
 * The known claim a new source's group of reports is, or null. Of the known claims' reports, only
 * their terms and accused are compared. A group that says something matches
 * the claim with the most similar report; a group of bare reports matches a known claim of bare
 * reports about the same person (all a source says may be "X denied the allegations").
 */
export function matchClaim(group: readonly ClaimReport[], known: readonly (readonly ClaimTerms[])[]): number | null {
  let best: number | null = null;
  let bestScore = 0;
  const bare = group.every(isBareReport);
  known.forEach((claim, index) => {
    let score = 0;
    if (bare) {
      const accuses = claim.every(isBareReport) && claim.some((member) => sharesAccused(member, group));
      score = accuses ? 1 : 0;
    } else {
      for (const report of group) for (const member of claim) score = Math.max(score, claimSimilarity(report, member));
    }
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}

function specificCount(group: readonly ClaimTerms[]): number {
  return group.filter((report) => !isBareReport(report)).length;
}

function sharesAccused(report: ClaimTerms, group: readonly ClaimTerms[]): boolean {
  return group.some((other) => other.accusedIds.some((id) => report.accusedIds.includes(id)));
}
