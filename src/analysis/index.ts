/**
 * The analysis engine's public API. Pure TypeScript: no DOM, no extension APIs; the same code runs
 * in the background (which reads each page from the content script's snapshot), Node and the tests.
 *
 * One document: `analyseArticle(input)`.
 *
 * Cross-source linking is built from incremental primitives so that the store, which links each new
 * source against what it already holds, reaches the same decisions as `linkSources` over a list:
 *
 * - people: `personProfile` → `personKeys` (blocking keys for an index) → `matchDocumentPeople`
 *   (or `matchPerson` for one) against the known profiles sharing a key → `mergeProfiles`;
 *   `personDiscrepancies` for the spellings of a linked person;
 * - claims: `claimReports` (a source's allegations, with the linked people's keys) →
 *   `groupDocumentClaims` → `claimKeys` (index on the accused) → `matchClaim` against the known
 *   claims sharing a key; `claimDiscrepancies` for what a claim's sources disagree on.
 */
export { analyseArticle } from './analyse.ts';
export * from './types.ts';
export { claimDiscrepancies } from './linking/claim-discrepancies.ts';
export {
  claimKeys,
  claimSimilarity,
  groupDocumentClaims,
  isBareReport,
  matchClaim,
  sameClaim,
} from './linking/claim-match.ts';
export { claimReports, type LinkedPersonRef } from './linking/claim-report.ts';
export { linkSources, linkedPersonId } from './linking/link-sources.ts';
export { personDiscrepancies, type PersonInSource } from './linking/person-discrepancies.ts';
export { personKeys } from './linking/person-keys.ts';
export { matchDocumentPeople, matchPerson, type PersonMatch } from './linking/person-match.ts';
export { mergeProfiles, personProfile } from './linking/person-profile.ts';
