import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { describeSpan } from '../anchoring/describe.ts';
import type { MentionRecord, SourceMentionsRecord } from './records.ts';
import { groupMentions, mentionRecords, sourceMentionsRows } from './source-mentions.ts';
import { memoryIndexedDb } from './test-support.ts';

const text = 'Han Dong, '.repeat(10);

const mention = (source: string, index: number): MentionRecord => ({
  source,
  index,
  person: `p-${index % 3}`,
  text: 'Han Dong',
  form: 'full',
  selectors: describeSpan(text, { start: index * 10, end: index * 10 + 8 }),
});

/** Sources with 1 to 7 mentions each: pages of 3 end inside most of them. */
const mentions = ['a', 'b', 'c', 'd', 'e'].flatMap((source, n) =>
  Array.from({ length: [7, 1, 3, 4, 2][n] as number }, (_, index) => mention(`https://news.example/${source}`, index)),
);

describe('a source’s mentions in one row', () => {
  it('hold the same mentions, in order, whatever order they are given in', () => {
    const rows = sourceMentionsRows([...mentions].reverse());
    expect(rows.flatMap(mentionRecords).sort((x, y) => x.source.localeCompare(y.source))).toEqual(mentions);
    expect(rows.every((row) => row.mentions.every((item, i) => item.index === i))).toBe(true);
    expect(mentionRecords(undefined)).toEqual([]);
  });

  it('are moved from rows of one mention each a page at a time, with no source split or lost at a page’s end', async () => {
    for (const pageSize of [1, 3, 4, 7, 100]) {
      const db = new Dexie(`mentions-${pageSize}`, memoryIndexedDb());
      db.version(1).stores({ mentions: '[source+index]', sourceMentions: 'source' });
      await db.table('mentions').bulkAdd(mentions);
      await groupMentions(db.table('mentions'), db.table('sourceMentions'), pageSize);
      const rows = (await db.table('sourceMentions').toArray()) as SourceMentionsRecord[];
      expect(
        rows.map((row) => row.mentions.length),
        `pages of ${pageSize}`,
      ).toEqual([7, 1, 3, 4, 2]);
      expect(rows.flatMap(mentionRecords), `pages of ${pageSize}`).toEqual(mentions);
    }
  });
});
