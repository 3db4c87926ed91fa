/**
 * What a discrepancy is about, as its key names it: `person:<id>` or `claim:<id>`. On its own, without
 * the database, so that the export worker can read discrepancies without bundling Dexie.
 */
export function discrepancySubject(kind: 'person' | 'claim', id: string): string {
  return `${kind}:${id}`;
}
