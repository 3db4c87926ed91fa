import type { SourceRecord } from './records.ts';

/**
 * The time a source's reports are ordered by: its publication, or when it was first read. On its
 * own, without the database, so that the popup can order sources without bundling Dexie.
 */
export function sourceTime(source: Pick<SourceRecord, 'publishedTime' | 'firstRead'>): number {
  return source.publishedTime ?? source.firstRead;
}
