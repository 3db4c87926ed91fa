/**
 * A source's mentions are stored together, in one row (`SourceMentionsRecord`); backups and exports
 * list them one by one (`MentionRecord`). Converting between the two loses nothing: each mention
 * keeps its index.
 */
import type { Table } from 'dexie';
import { groupBy } from '../group-by.ts';
import type { CrosscheckDatabase } from './database.ts';
import type { MentionRecord, SourceMentionsRecord } from './records.ts';

/** The rows that hold these mentions, one per source, in the order the sources first appear; each source's mentions by index. */
export function sourceMentionsRows(mentions: Iterable<MentionRecord>): SourceMentionsRecord[] {
  return [...groupBy(mentions, (mention) => mention.source)].map(([source, rows]) => ({
    source,
    mentions: rows.map(({ source: _source, ...mention }) => mention).sort((a, b) => a.index - b.index),
  }));
}

/** A source's mentions one by one, as backups and exports list them. */
export function mentionRecords(row: SourceMentionsRecord | undefined): MentionRecord[] {
  return row ? row.mentions.map((mention) => ({ source: row.source, ...mention })) : [];
}

/**
 * Moves rows of one mention each (the store before version 9) into rows of one source each, a page
 * of mentions at a time, so that a large store is never read into memory whole. A source whose
 * mentions may go on past the page is held back until they end.
 */
export async function groupMentions(
  from: Table<MentionRecord, [string, number]>,
  to: Table<SourceMentionsRecord, string>,
  pageSize = 5_000,
): Promise<void> {
  let after: [string, number] | null = null;
  let held: MentionRecord[] = [];
  for (;;) {
    const page: MentionRecord[] = await (after === null ? from.toCollection() : from.where(':id').above(after))
      .limit(pageSize)
      .toArray();
    const last = page.at(-1);
    const rows = sourceMentionsRows([...held, ...page]);
    if (!last) {
      await to.bulkPut(rows);
      return;
    }
    after = [last.source, last.index];
    const open = rows.pop() as SourceMentionsRecord;
    await to.bulkPut(rows);
    held = mentionRecords(open);
  }
}

/** How many mentions the store holds: every source's row is read, so this is for reports, not for a view. */
export async function countMentions(db: CrosscheckDatabase): Promise<number> {
  let count = 0;
  await db.sourceMentions.each((row) => {
    count += row.mentions.length;
  });
  return count;
}
