import { describe, expect, it } from 'vitest';
import { describeSpan } from '../anchoring/describe.ts';
import { createNote, deleteNote, restoreNote, targetConcernsSource, updateNote } from './notes.ts';
import type { PersonRecord, SourceRecord } from './records.ts';
import { search } from './search.ts';
import { freshDatabase } from './test-support.ts';

const url = 'https://bbc.com/news/world-us-canada-65044925';
const text = 'Han Dong has been accused of lobbying a Chinese diplomat.';

const source: SourceRecord = {
  url,
  href: url,
  aliases: [url],
  site: 'bbc.com',
  outlet: 'BBC News',
  title: 'Han Dong: Canadian MP leaves Liberal caucus over China allegations',
  firstRead: 1,
  lastRead: 1,
  contentHash: 'hash',
};
const person: PersonRecord = {
  id: 'person-han-dong',
  name: 'Han Dong',
  profile: {
    name: 'Han Dong',
    variants: [{ text: 'Han Dong', count: 1 }],
    titles: [],
    coMentioned: [],
    role: 'subject',
  },
  keys: ['name:dong'],
  firstSeen: 1,
  lastSeen: 1,
  sourceCount: 0,
  spellings: [],
  companions: [],
  recent: [],
  claims: [],
  claimSummaries: [],
};

async function storeWithArticle() {
  const db = freshDatabase();
  await db.sources.put(source);
  await db.people.put(person);
  await db.appearances.put({
    source: url,
    person: person.id,
    local: 'p1',
    recency: -1,
    name: 'Han Dong',
    role: 'subject',
    variants: ['Han Dong'],
    titles: [],
    mentionCount: 1,
    profile: person.profile,
  });
  return db;
}

describe('notes', () => {
  it('are written, changed, deleted and put back as they were', async () => {
    const db = await storeWithArticle();
    const selectors = describeSpan(text, { start: 0, end: 8 });
    const note = await createNote(
      db,
      { kind: 'selection', source: url, selectors },
      { body: 'Check the lobbying claim', tags: ['lobbying'], colour: 'yellow' },
      1000,
    );
    expect(note).toMatchObject({ created: 1000, updated: 1000, orphaned: false, tags: ['lobbying'] });

    const updated = await updateNote(db, note.id, { body: 'Checked with Global News', colour: 'green' }, 2000);
    expect(updated).toEqual({ ...note, body: 'Checked with Global News', colour: 'green', updated: 2000 });
    expect(await db.notes.get(note.id)).toMatchObject(updated);

    const deleted = await deleteNote(db, note.id);
    expect(deleted).toEqual(updated);
    expect(await db.notes.count()).toBe(0);
    expect(await restoreNote(db, deleted)).toEqual(updated);
    expect((await search(db, { query: 'global news', sort: 'relevance', limit: 10 })).hits).toEqual([
      { kind: 'note', note: updated, about: source.title },
    ]);
  });

  it('refuses a target the store does not have, and a note that is not there', async () => {
    const db = await storeWithArticle();
    const content = { body: 'x', tags: [], colour: 'yellow' as const };
    await expect(createNote(db, { kind: 'person', person: 'nobody' }, content)).rejects.toThrow(/no such person/);
    await expect(createNote(db, { kind: 'claim', claim: 'nothing' }, content)).rejects.toThrow(/no such claim/);
    await expect(createNote(db, { kind: 'source', source: 'https://elsewhere.example/a' }, content)).rejects.toThrow(
      /read it first/,
    );
    await expect(updateNote(db, 'missing', { body: 'y' })).rejects.toThrow(/no such note/);
    await expect(deleteNote(db, 'missing')).rejects.toThrow(/no such note/);
    expect(await db.notes.count()).toBe(0);
  });

  it('know which page they concern', async () => {
    const db = await storeWithArticle();
    expect(await targetConcernsSource(db, { kind: 'person', person: person.id }, url)).toBe(true);
    expect(await targetConcernsSource(db, { kind: 'person', person: person.id }, 'https://wion.example/x')).toBe(false);
    expect(await targetConcernsSource(db, { kind: 'source', source: url }, url)).toBe(true);
    expect(await targetConcernsSource(db, { kind: 'claim', claim: 'c' }, url)).toBe(false);
  });
});
