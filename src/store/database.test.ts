import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { describeSpan } from '../anchoring/describe.ts';
import { CrosscheckDatabase, schemaV1, schemaV5, schemaV9 } from './database.ts';
import { claimReportLimit } from './linking.ts';
import { storedPersonKeys } from './person-blocking.ts';
import type * as Records from './records.ts';
import { search } from './search.ts';
import { claimSummary, sourceSummary } from './summaries.ts';
import { mentionRecords } from './source-mentions.ts';
import { memoryIndexedDb } from './test-support.ts';

const text = 'Han Dong has been accused of lobbying a Chinese diplomat. Mr Dong has denied the allegations.';
const bbc = 'https://bbc.com/news/world-us-canada-65044925';
const profile = {
  name: 'Han Dong',
  variants: [
    { text: 'Han Dong', count: 1 },
    { text: 'Dong', count: 1 },
  ],
  titles: ['MP'],
  coMentioned: ['Han Tao'],
  role: 'subject' as const,
};

const manySources = Array.from({ length: 2 * claimReportLimit + 3 }, (_, n) => `https://news.example/${n}`);

/** A little of everything, as version 1 stored it. */
const version1 = {
  sources: [
    {
      url: bbc,
      href: 'https://www.bbc.com/news/world-us-canada-65044925',
      aliases: [bbc, 'https://bbc.com/news/amp/world-us-canada-65044925'],
      site: 'bbc.com',
      outlet: 'BBC News',
      title: 'Han Dong: Canadian MP leaves Liberal caucus over China allegations',
      byline: 'Maya Lindqvist',
      published: '2023-03-23T04:12:00Z',
      publishedTime: Date.parse('2023-03-23T04:12:00Z'),
      firstRead: 10,
      lastRead: 20,
      contentHash: 'abc',
    },
  ] satisfies Records.SourceRecord[],
  people: [
    { id: 'p-han-dong', name: 'Han Dong', profile, keys: ['name:han', 'name:dong'], firstSeen: 10, lastSeen: 20 },
    // Named by no source any more, kept for a reader's note about them.
    {
      id: 'p-spavor',
      name: 'Michael Spavor',
      profile: { ...profile, name: 'Michael Spavor', variants: [{ text: 'Michael Spavor', count: 1 }] },
      keys: ['name:spavor'],
      firstSeen: 12,
      lastSeen: 12,
    },
  ] satisfies Omit<
    Records.PersonRecord,
    'sourceCount' | 'spellings' | 'companions' | 'recent' | 'claims' | 'claimSummaries'
  >[],
  appearances: [
    {
      source: bbc,
      person: 'p-han-dong',
      local: 'p1',
      recency: -5,
      name: 'Han Dong',
      role: 'subject',
      variants: ['Han Dong', 'Dong'],
      titles: ['MP'],
      mentionCount: 2,
      profile,
    },
  ] satisfies Records.AppearanceRecord[],
  mentions: [
    {
      source: bbc,
      index: 0,
      person: 'p-han-dong',
      text: 'Han Dong',
      form: 'full',
      selectors: describeSpan(text, { start: 0, end: 8 }),
    },
    {
      source: bbc,
      index: 1,
      person: 'p-han-dong',
      text: 'Dong',
      form: 'titled',
      title: 'Mr',
      selectors: describeSpan(text, { start: 61, end: 65 }),
    },
  ] satisfies Records.MentionRecord[],
  allegations: [
    {
      source: bbc,
      index: 0,
      allegation: {
        start: 0,
        end: 57,
        text: text.slice(0, 57),
        stance: 'accused',
        cue: { start: 18, end: 29 },
        accused: ['p1'],
        attributedTo: [],
      },
      accused: ['p-han-dong'],
      stance: 'accused',
      cue: 'accused of',
      selectors: describeSpan(text, { start: 0, end: 57 }),
      claim: 'c-lobbying',
    },
  ] satisfies Records.AllegationRecord[],
  claims: [
    {
      id: 'c-lobbying',
      accused: ['p-han-dong'],
      accusedNames: ['Han Dong'],
      keys: ['accused:p-han-dong'],
      summary: text.slice(0, 57),
      stances: ['accused'],
      sources: [bbc],
      members: [[bbc, 0]],
      firstReportedTime: 5,
      created: 10,
    },
    // Reported by many sources (their findings left out here): version 1 listed every one.
    {
      id: 'c-widely-reported',
      accused: ['p-han-dong'],
      accusedNames: ['Han Dong'],
      keys: ['accused:p-han-dong'],
      summary: 'Han Dong has been accused of meeting a consul.',
      stances: ['accused'],
      sources: manySources,
      // The first source reported it twice.
      members: manySources.flatMap((url, n): [string, number][] =>
        n === 0
          ? [
              [url, 0],
              [url, 1],
            ]
          : [[url, 0]],
      ),
      firstReportedTime: 6,
      created: 11,
    },
  ] satisfies Omit<Records.ClaimRecord, 'sourceCount'>[],
  discrepancies: [
    { subject: 'person:p-han-dong', index: 0, kind: 'name-spelling', values: [{ source: bbc, text: 'Dong' }] },
  ] satisfies Records.DiscrepancyRecord[],
  notes: [
    {
      id: 'n-1',
      target: { kind: 'person', person: 'p-han-dong' },
      body: 'Ask the consulate about the February meeting',
      tags: ['follow-up'],
      colour: 'pink',
      created: 30,
      updated: 31,
      orphaned: false,
    },
    {
      id: 'n-2',
      target: { kind: 'selection', source: bbc, selectors: describeSpan(text, { start: 29, end: 56 }) },
      body: 'Which diplomat?',
      tags: [],
      colour: 'yellow',
      created: 32,
      updated: 32,
      orphaned: true,
    },
  ] satisfies Records.NoteRecord[],
  settings: [{ key: 'settings', value: { mode: 'on-demand', disabledSites: ['example.com'] } }],
};

const source = version1.sources[0] as Records.SourceRecord;
const allegation = version1.allegations[0] as Records.AllegationRecord;

/** The BBC article, its allegation and Han Dong as a later version kept him, with this latest source. */
async function addHanDong(old: Dexie, recent: Record<string, unknown>): Promise<void> {
  await old.table('sources').add(source);
  await old.table('appearances').bulkAdd(version1.appearances);
  await old.table('allegations').add(version1.allegations[0]);
  await old
    .table('people')
    .add({ ...version1.people[0], sourceCount: 1, spellings: [], companions: [], recent: [recent] });
}

/** A database at an older version, and what opens it again at the current one, upgraded. */
function atVersion(version: number, schema: Record<string, string | null>) {
  const dependencies = memoryIndexedDb();
  const old = new Dexie('crosscheck', dependencies);
  old.version(version).stores(schema);
  const upgraded = async () => {
    old.close();
    const db = new CrosscheckDatabase('crosscheck', dependencies);
    await db.open();
    expect(db.verno).toBe(10);
    return db;
  };
  return { old, upgraded };
}

describe('migrations', () => {
  it('bring a database filled at version 1 up to the current version with nothing lost', async () => {
    const { old, upgraded } = atVersion(1, schemaV1);
    for (const [table, rows] of Object.entries(version1)) await old.table(table).bulkAdd(rows);

    const db = await upgraded();
    // Version 6 copies what a lookup shows of a source wherever a person's or a claim's record lists it.
    const bbcSummary = sourceSummary(source);
    // Version 8 copies what a lookup shows of a claim wherever a person's record or its kept allegations list it.
    const hanDong = { id: 'p-han-dong', name: 'Han Dong' };
    const lobbying = {
      id: 'c-lobbying',
      summary: text.slice(0, 57),
      accused: [hanDong],
      stances: ['accused'],
      sourceCount: 1,
      firstReported: bbcSummary,
    };
    // Its first source is not stored: the claim's record names none.
    const widelyReported = {
      id: 'c-widely-reported',
      summary: 'Han Dong has been accused of meeting a consul.',
      accused: [hanDong],
      stances: ['accused'],
      sourceCount: manySources.length,
      firstReported: null,
    };
    // Each person's sources counted, the first sources of each spelling, the people named most often
    // alongside them (as the profile's context) and their latest sources with the spellings each used.
    // A person no source names any more (kept for a note) has no context left.
    const people: Record<string, Record<string, unknown>> = {
      'p-han-dong': {
        sourceCount: 1,
        spellings: [
          { text: 'Han Dong', sources: [{ url: bbc, time: 5 }] },
          { text: 'Dong', sources: [{ url: bbc, time: 5 }] },
        ],
        companions: [{ name: 'Han Tao', count: 1, time: 5 }],
        recent: [{ url: bbc, time: 5, spellings: ['Han Dong', 'Dong'], source: bbcSummary }],
        // Version 7 lists the claims about them on their record, as the `accused` index orders them.
        claims: ['c-lobbying', 'c-widely-reported'],
        claimSummaries: [lobbying, widelyReported],
        // Every key of the profile, as the store indexes people now.
        keys: storedPersonKeys(profile),
        profile,
      },
      'p-spavor': {
        sourceCount: 0,
        spellings: [],
        companions: [],
        recent: [],
        claims: [],
        claimSummaries: [],
        keys: storedPersonKeys({
          ...profile,
          name: 'Michael Spavor',
          variants: [{ text: 'Michael Spavor', count: 1 }],
        }),
        profile: {
          ...profile,
          name: 'Michael Spavor',
          variants: [{ text: 'Michael Spavor', count: 1 }],
          coMentioned: [],
        },
      },
    };
    // Version 4 keeps a claim's first and latest sources and allegations, and counts them all.
    const firstAndLatest = <T>(items: T[]) => [...items.slice(0, claimReportLimit), ...items.slice(-claimReportLimit)];
    const claims: Record<string, Record<string, unknown>> = {
      'c-lobbying': { sourceCount: 1, firstReported: bbcSummary },
      'c-widely-reported': {
        sourceCount: manySources.length,
        sources: firstAndLatest(manySources),
        members: version1.claims[1]?.members.filter(([url]) => firstAndLatest(manySources).includes(url)),
      },
    };
    const derived: Record<string, Record<string, Record<string, unknown>>> = { people, claims };
    // Version 5 states each person's spelling discrepancies again from their record: one source's
    // spellings of Han Dong do not differ from another's, so the one version 1 held is gone.
    const restated: Partial<Record<string, unknown[]>> = { discrepancies: [] };
    // And it keeps each claim's kept allegations whole, by claim: of these, only the one the store still holds.
    expect(await db.claimMembers.toArray()).toEqual([
      {
        claim: 'c-lobbying',
        allegations: version1.allegations,
        sources: [bbcSummary],
        discrepancies: [],
        claimSummary: lobbying,
      },
    ]);
    // Version 10 keeps what linking compares of them beside: that allegation has no report to compare.
    expect(await db.claimTerms.toArray()).toEqual([{ claim: 'c-lobbying', reports: [] }]);
    for (const [table, rows] of Object.entries(version1)) {
      // Version 9 keeps a source's mentions in one row: the same mentions, listed one by one.
      const stored = (
        table === 'mentions'
          ? (await db.sourceMentions.toArray()).flatMap(mentionRecords)
          : await db.table(table).toArray()
      ) as Record<string, unknown>[];
      expect(
        stored.map(({ terms: _terms, ...row }) => row),
        table,
      ).toEqual(
        restated[table] ??
          rows.map((row) => ('id' in row && table in derived ? { ...row, ...derived[table]?.[row.id] } : row)),
      );
    }
    // Rows written before full-text search existed are found by it.
    const found = await search(db, { query: 'consulate february', sort: 'relevance', limit: 10 });
    expect(found.hits.map((hit) => hit.kind === 'note' && hit.note.id)).toEqual(['n-1']);
    const byTitle = await search(db, { query: 'liberal caucus', sort: 'relevance', limit: 10 });
    expect(byTitle.hits.map((hit) => hit.kind)).toEqual(['source']);
    const byName = await search(db, { query: 'han dong', kinds: ['person', 'claim'], sort: 'name', limit: 10 });
    expect(byName.hits.map((hit) => hit.kind)).toEqual(['person', 'claim', 'claim']);
  });

  it('copy each source’s summary into the records that list it when upgrading from version 5', async () => {
    const { old, upgraded } = atVersion(5, schemaV5);
    // As version 5 kept them: the latest sources and the claim's allegations without their sources' summaries.
    await addHanDong(old, { url: bbc, time: 5, spellings: ['Han Dong', 'Dong'] });
    await old.table('claims').add({ ...version1.claims[0], sourceCount: 1 });
    await old.table('claimMembers').add({ claim: 'c-lobbying', allegations: [allegation] });

    const db = await upgraded();
    const summary = sourceSummary(source);
    expect((await db.people.get('p-han-dong'))?.recent).toEqual([
      { url: bbc, time: 5, spellings: ['Han Dong', 'Dong'], source: summary },
    ]);
    expect(await db.claimMembers.toArray()).toEqual([
      {
        claim: 'c-lobbying',
        allegations: [allegation],
        sources: [summary],
        discrepancies: [],
        claimSummary: claimSummary((await db.claims.get('c-lobbying')) as Records.ClaimRecord),
      },
    ]);
    expect((await db.claims.get('c-lobbying'))?.firstReported).toEqual(summary);
  });

  it('list each person’s claims and copy each claim’s discrepancies beside its allegations when upgrading from version 6', async () => {
    const { old, upgraded } = atVersion(6, schemaV5);
    // As version 6 kept them: summaries with the time their source was last read, no lists of claims,
    // and the claims' discrepancies only in their own table.
    const version6Summary = { ...sourceSummary(source), lastRead: source.lastRead };
    const discrepancy: Records.DiscrepancyRecord = {
      subject: 'claim:c-lobbying',
      index: 0,
      kind: 'date',
      values: [{ source: bbc, text: 'March 22' }],
    };
    await addHanDong(old, { url: bbc, time: 5, spellings: ['Han Dong', 'Dong'], source: version6Summary });
    // The claim ids sort against their order here: the list follows the index, not the table.
    await old.table('claims').bulkAdd([
      { ...version1.claims[1], id: 'c-2', sources: [bbc], members: [], sourceCount: 1 },
      { ...version1.claims[0], sourceCount: 1, firstReported: version6Summary },
    ]);
    await old.table('claimMembers').add({ claim: 'c-lobbying', allegations: [allegation], sources: [version6Summary] });
    await old.table('discrepancies').add(discrepancy);

    const db = await upgraded();
    const summary = sourceSummary(source);
    expect(summary).not.toHaveProperty('lastRead');
    const person = await db.people.get('p-han-dong');
    expect(person?.claims).toEqual(['c-2', 'c-lobbying']);
    expect(person?.recent.map((recent) => recent.source)).toEqual([summary]);
    expect(await db.claimMembers.toArray()).toEqual([
      {
        claim: 'c-lobbying',
        allegations: [allegation],
        sources: [summary],
        discrepancies: [discrepancy],
        claimSummary: claimSummary((await db.claims.get('c-lobbying')) as Records.ClaimRecord),
      },
    ]);
    expect(await db.discrepancies.toArray()).toEqual([discrepancy]);
    expect((await db.claims.get('c-lobbying'))?.firstReported).toEqual(summary);
  });

  it('copy each claim’s summary into the people’s records and beside its allegations when upgrading from version 7', async () => {
    const { old, upgraded } = atVersion(7, schemaV5);
    const summary = sourceSummary(source);
    // As version 7 kept them: the person lists the claims' ids only, and the claim's row has no summary of it.
    await addHanDong(old, { url: bbc, time: 5, spellings: ['Han Dong', 'Dong'], source: summary });
    await old.table('people').update('p-han-dong', { claims: ['c-lobbying'] });
    await old.table('claims').add({ ...version1.claims[0], sourceCount: 1, firstReported: summary });
    await old
      .table('claimMembers')
      .add({ claim: 'c-lobbying', allegations: [allegation], sources: [summary], discrepancies: [] });

    const db = await upgraded();
    const lobbying = {
      id: 'c-lobbying',
      summary: text.slice(0, 57),
      accused: [{ id: 'p-han-dong', name: 'Han Dong' }],
      stances: ['accused'],
      sourceCount: 1,
      firstReported: summary,
    };
    expect((await db.people.get('p-han-dong'))?.claimSummaries).toEqual([lobbying]);
    expect((await db.claimMembers.get('c-lobbying'))?.claimSummary).toEqual(lobbying);
  });

  it('keep each source’s mentions in one row when upgrading from version 8', async () => {
    const { old, upgraded } = atVersion(8, schemaV5);
    const wion = 'https://www.wionews.com/world/han-dong';
    const mentions = [
      ...version1.mentions,
      ...version1.mentions.map((mention) => ({ ...mention, source: wion, person: 'p-2' })),
    ];
    await old.table('mentions').bulkAdd(mentions);

    const db = await upgraded();
    const rows = await db.sourceMentions.toArray();
    expect(rows.map((row) => row.source)).toEqual([bbc, wion]);
    expect(rows.flatMap(mentionRecords)).toEqual(mentions);
    expect(db.tables.map((table) => table.name)).not.toContain('mentions');
  });

  it('keep what linking compares of each claim’s kept allegations in a row of its own when upgrading from version 9', async () => {
    const { old, upgraded } = atVersion(9, schemaV9);
    const report = {
      document: bbc,
      metadata: { url: bbc, title: source.title },
      allegation: allegation.allegation,
      allegationIndex: 0,
      accused: ['Han Dong'],
      accusedIds: ['p-han-dong'],
      mentionedIds: [],
      focus: { start: 0, end: 57 },
      context: text,
      terms: ['lobby', 'chinese', 'diplomat'],
    };
    const denial = { ...allegation, index: 1, stance: 'denied' as const };
    await old.table('claimMembers').add({
      claim: 'c-lobbying',
      // A denial that says nothing of its own has no report of its own to compare.
      allegations: [{ ...allegation, report }, denial],
      sources: [sourceSummary(source)],
      discrepancies: [],
      claimSummary: claimSummary({ ...version1.claims[0], sourceCount: 1 } as Records.ClaimRecord),
    });

    const db = await upgraded();
    expect(await db.claimTerms.toArray()).toEqual([
      { claim: 'c-lobbying', reports: [{ terms: ['lobby', 'chinese', 'diplomat'], accusedIds: ['p-han-dong'] }] },
    ]);
  });
});
