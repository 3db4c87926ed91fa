import { describe, expect, it } from 'vitest';
import type { SearchRequest } from '../messaging/contract.ts';
import { ingestArticle } from './ingest.ts';
import { createNote } from './notes.ts';
import { facets, search } from './search.ts';
import { freshDatabase, type SeedPage, seedPages } from './test-support.ts';

const [bbc, wion] = seedPages() as [SeedPage, SeedPage];

async function seededStore() {
  const db = freshDatabase();
  await ingestArticle(db, bbc.address, bbc.article, Date.parse('2023-03-25T10:00:00Z'));
  await ingestArticle(db, wion.address, wion.article, Date.parse('2023-03-26T10:00:00Z'));
  const hanDong = (await db.people.filter((person) => person.name === 'Han Dong').first())?.id as string;
  const claim = (await db.claims.filter((row) => row.sources.length === 2 && row.stances.includes('denied')).first())
    ?.id as string;
  const note = (target: Parameters<typeof createNote>[1], body: string, tags: string[], created: number) =>
    createNote(db, target, { body, tags, colour: 'yellow' }, created);
  const notes = {
    person: await note({ kind: 'person', person: hanDong }, 'Call his constituency office', ['Follow-up'], 1_000),
    claim: await note({ kind: 'claim', claim }, 'Global News story is the origin', ['sourcing'], 2_000),
    bbc: await note({ kind: 'source', source: bbc.address.url }, 'BBC gets the release date right', ['dates'], 3_000),
    wion: await note({ kind: 'source', source: wion.address.url }, 'WION says Wednesday (March 24)', ['dates'], 4_000),
  };
  return { db, notes, hanDong, claim };
}

const find = (request: Partial<SearchRequest>): SearchRequest => ({
  query: '',
  sort: 'relevance',
  limit: 50,
  ...request,
});
const ids = (hits: Awaited<ReturnType<typeof search>>['hits']) =>
  hits.map((hit) =>
    hit.kind === 'note'
      ? hit.note.id
      : hit.kind === 'source'
        ? hit.source.url
        : hit.kind === 'person'
          ? hit.person.id
          : hit.claim.id,
  );

describe('search', () => {
  it('finds people, claims, sources and notes by the beginnings of their words', async () => {
    const { db, notes, hanDong } = await seededStore();
    const found = await search(db, find({ query: 'han do' }));
    expect(found.hits.map((hit) => hit.kind)).toEqual(expect.arrayContaining(['person', 'claim', 'source']));
    expect(ids(found.hits)).toContain(hanDong);
    expect(found.total).toBe(found.hits.length);
    expect((await search(db, find({ query: 'constituency' }))).hits).toEqual([
      { kind: 'note', note: notes.person, about: 'Han Dong' },
    ]);
    // A note a page wrote says which, as the views do.
    const written = await createNote(
      db,
      { kind: 'person', person: hanDong },
      { body: 'Seen in the WION piece', tags: [], colour: 'yellow', writtenOn: wion.address.url },
      5_000,
    );
    expect((await search(db, find({ query: 'piece' }))).hits).toEqual([
      {
        kind: 'note',
        note: { ...written, writtenOnOutlet: `WION (${new URL(wion.address.url).hostname})` },
        about: 'Han Dong',
      },
    ]);
    expect((await search(db, find({ query: 'spav sparov' }))).hits.map((hit) => hit.kind)).toEqual(['person']);
    expect((await search(db, find({ query: 'nothing like this anywhere' }))).total).toBe(0);
  });

  it('narrows by outlet, date, tag and stance', async () => {
    const { db, notes, hanDong, claim } = await seededStore();
    // A note is in an outlet's if it is on one of its articles, or on a person or claim it reports.
    const wionOnly = await search(db, find({ outlets: ['WION'], kinds: ['source', 'note'] }));
    expect(new Set(ids(wionOnly.hits))).toEqual(
      new Set([wion.address.url, notes.wion.id, notes.person.id, notes.claim.id]),
    );
    // Outlet filters reach people through the sources that name them.
    const peopleInWion = await search(db, find({ outlets: ['WION'], kinds: ['person'], query: 'dong' }));
    expect(ids(peopleInWion.hits)).toEqual([hanDong]);
    // And claims through the allegations its articles make.
    const claimsInWion = await search(db, find({ outlets: ['WION'], kinds: ['claim'], limit: 100 }));
    const wionAllegations = await db.allegations.filter((row) => row.source === wion.address.url).toArray();
    expect(new Set(ids(claimsInWion.hits))).toEqual(new Set(wionAllegations.flatMap((row) => row.claim ?? [])));
    expect(ids(claimsInWion.hits)).toContain(claim);
    expect(claimsInWion.total).toBeLessThan(await db.claims.count());

    const march23 = await search(
      db,
      find({ kinds: ['source'], from: Date.parse('2023-03-23T00:00:00Z'), to: Date.parse('2023-03-23T23:59:59Z') }),
    );
    expect(ids(march23.hits)).toEqual([bbc.address.url]);

    const dated = await search(db, find({ tags: ['DATES'], kinds: ['note'], sort: 'oldest' }));
    expect(ids(dated.hits)).toEqual([notes.bbc.id, notes.wion.id]);
    const tagged = await search(db, find({ tags: ['follow-up'], kinds: ['person', 'note'] }));
    expect(new Set(ids(tagged.hits))).toEqual(new Set([hanDong, notes.person.id]));

    const denied = await search(db, find({ stances: ['denied'], kinds: ['claim', 'note'] }));
    expect(ids(denied.hits)).toEqual(expect.arrayContaining([claim, notes.claim.id]));
    expect(denied.hits.every((hit) => hit.kind !== 'claim' || hit.claim.stances.includes('denied'))).toBe(true);
  });

  it('sorts and limits, and says how many matched', async () => {
    const { db, notes } = await seededStore();
    const newest = await search(db, find({ kinds: ['note'], sort: 'newest', limit: 2 }));
    expect(ids(newest.hits)).toEqual([notes.wion.id, notes.bbc.id]);
    expect(newest.total).toBe(4);
    const byName = await search(db, find({ kinds: ['person'], sort: 'name' }));
    const names = byName.hits.map((hit) => (hit.kind === 'person' ? hit.person.name : ''));
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });
});

describe('facets', () => {
  it('counts the outlets and the tags, whatever their case', async () => {
    const { db, hanDong } = await seededStore();
    await createNote(db, { kind: 'person', person: hanDong }, { body: '', tags: ['dates'], colour: 'blue' });
    const { outlets, tags } = await facets(db);
    expect(outlets).toEqual([
      { outlet: 'BBC News', count: 1 },
      { outlet: 'WION', count: 1 },
    ]);
    expect(tags[0]).toEqual({ tag: 'dates', count: 3 });
    expect(tags.slice(1)).toEqual(
      expect.arrayContaining([
        { tag: 'Follow-up', count: 1 },
        { tag: 'sourcing', count: 1 },
      ]),
    );
  });
});
