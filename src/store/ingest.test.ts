import { describe, expect, it } from 'vitest';
import { linkSources, type SourceDocument } from '../analysis/index.ts';
import { describeSpan } from '../anchoring/describe.ts';
import { articleAddress } from './canonical-url.ts';
import type { CrosscheckDatabase } from './database.ts';
import { claimView, personView } from './entity-views.ts';
import { forgetSource } from './forget-source.ts';
import { claimReportLimit, claimTermsRecord, personDiscrepancyRecords, refreshClaim } from './linking.ts';
import { noTallies, type PersonTallies, recentSourceLimit, tallied, withTallies } from './person-tallies.ts';
import { ingestArticle } from './ingest.ts';
import { createNote } from './notes.ts';
import { storageProblemOf } from './store-health.ts';
import {
  appearancesOf,
  claimSummary,
  discrepanciesOf,
  discrepancySubject,
  ofSource,
  sourceSummaries,
} from './summaries.ts';
import { type SyntheticArticle, syllableWord, syntheticArticle } from '../../scripts/lib/synthetic-articles.ts';
import { pageView } from './page-view.ts';
import { claimsPerPersonLimit } from './views.ts';
import {
  countWrites,
  freshDatabase,
  lookupSources,
  refuseWrites,
  type SeedPage,
  seedPages,
  snapshot,
} from './test-support.ts';

const [bbc, wion] = seedPages() as [SeedPage, SeedPage];

async function read(db: CrosscheckDatabase, ...pages: SeedPage[]) {
  const outcomes = [];
  for (const page of pages) outcomes.push(await ingestArticle(db, page.address, page.article));
  return outcomes;
}

async function counts(db: CrosscheckDatabase): Promise<Record<string, number>> {
  const entries = await Promise.all(db.tables.map(async (table) => [table.name, await table.count()] as const));
  return Object.fromEntries(entries);
}

async function personNamed(db: CrosscheckDatabase, name: string) {
  const people = await db.people.filter((person) => person.name === name).toArray();
  expect(people, name).toHaveLength(1);
  return people[0] as NonNullable<(typeof people)[number]>;
}

/**
 * What each person's record keeps of their appearances (kept up one source at a time) is what
 * counting all of them again gives, however the store got here; and its copies of their latest
 * sources' summaries are what those sources' records say now.
 */
async function expectTalliesRight(db: CrosscheckDatabase): Promise<void> {
  const people = await db.people.toArray();
  expect(people.length).toBeGreaterThan(0);
  const bySpelling = (tallies: PersonTallies) => ({
    sourceCount: tallies.sourceCount,
    spellings: [...tallies.spellings].sort((a, b) => a.text.localeCompare(b.text)),
    companions: tallies.companions,
    recent: tallies.recent,
  });
  for (const person of people) {
    const tallies = tallied(noTallies, await appearancesOf(db, person.id).toArray());
    const summaries = await sourceSummaries(
      db.sources,
      tallies.recent.map((recent) => recent.url),
    );
    const counted = withTallies(person, tallies, summaries);
    expect(counted.recent.map((recent) => recent.url)).toEqual(tallies.recent.map((recent) => recent.url));
    expect(bySpelling(person), person.name).toEqual(bySpelling(counted));
    expect(person.profile.coMentioned, person.name).toEqual(counted.companions.map((companion) => companion.name));
    // The latest sources are the first of the person's appearances in index order, spellings and all.
    const latest = await appearancesOf(db, person.id).limit(recentSourceLimit).toArray();
    expect(
      person.recent.map((source) => [source.url, source.spellings]),
      person.name,
    ).toEqual(latest.map((appearance) => [appearance.source, appearance.variants]));
    // And the spelling discrepancies stored are those found from the record.
    expect(await discrepanciesOf(db, discrepancySubject('person', person.id)).toArray(), person.name).toEqual(
      personDiscrepancyRecords(person),
    );
    // The claims it lists are the first the index finds about them.
    expect(person.claims, person.name).toEqual(
      await db.claims.where('accused').equals(person.id).limit(claimsPerPersonLimit).primaryKeys(),
    );
    // And what it copies of those claims is what the claims' records say now.
    expect(person.claimSummaries, person.name).toEqual(
      (await db.claims.bulkGet(person.claims)).flatMap((claim) => (claim ? [claimSummary(claim)] : [])),
    );
  }
}

/**
 * What every page's lookup shows of other sources (copied into the people's and claims' records) is
 * what those sources' records say now.
 */
async function expectLookupsCurrent(db: CrosscheckDatabase): Promise<void> {
  const shown = await lookupSources(db);
  expect(shown.length).toBeGreaterThan(0);
  for (const { page, shown: summary, stored } of shown) expect(summary, page).toEqual(stored);
}

/**
 * What each claim's record keeps, and its discrepancies (kept up one source at a time), are what
 * recomputing them from all its allegations gives, when the sources were read in the order published.
 */
async function expectClaimsRight(db: CrosscheckDatabase): Promise<void> {
  const [claims, claimMembers, discrepancies] = await Promise.all([
    db.claims.toArray(),
    db.claimMembers.toArray(),
    db.discrepancies.toArray(),
  ]);
  expect(claims.length).toBeGreaterThan(0);
  // Each claim's kept allegations, whole, are the stored ones its record names; its discrepancies beside
  // them are those stored.
  for (const claim of claims) {
    const row = claimMembers.find((members) => members.claim === claim.id);
    expect(row?.allegations ?? []).toEqual(
      (await db.allegations.bulkGet(claim.members)).map((member) => member ?? null),
    );
    expect(row?.discrepancies ?? []).toEqual(
      await discrepanciesOf(db, discrepancySubject('claim', claim.id)).toArray(),
    );
    if (row) expect(row.claimSummary).toEqual(claimSummary(claim));
  }
  // What linking compares of a claim's kept allegations is theirs.
  expect(await db.claimTerms.toArray()).toEqual(
    claimMembers.map((members) => claimTermsRecord(members.claim, members.allegations)),
  );
  await db.transaction('rw', db.tables, async () => {
    for (const claim of claims) await refreshClaim(db, claim);
  });
  expect(await db.claims.toArray()).toEqual(claims);
  expect(await db.claimMembers.toArray()).toEqual(claimMembers);
  expect(await db.discrepancies.toArray()).toEqual(discrepancies);
}

/** The store's links as sets of (source, local id) and (source, allegation index), to compare with linkSources. */
async function groupings(db: CrosscheckDatabase, idOf: (url: string) => string) {
  const appearances = await db.appearances.toArray();
  const allegations = await db.allegations.toArray();
  const group = <T>(items: T[], key: (item: T) => string | undefined, member: (item: T) => string) => {
    const groups = new Map<string, string[]>();
    for (const item of items) {
      const id = key(item);
      if (id !== undefined) groups.set(id, [...(groups.get(id) ?? []), member(item)]);
    }
    return new Set([...groups.values()].map((members) => members.sort().join(' ')));
  };
  return {
    people: group(
      appearances,
      (a) => a.person,
      (a) => `${idOf(a.source)}/${a.local}`,
    ),
    claims: group(
      allegations,
      (a) => a.claim,
      (a) => `${idOf(a.source)}/${a.index}`,
    ),
  };
}

describe('reading the two seed articles one after the other', () => {
  it('leaves two sources, one Han Dong in both, one Michael Spavor with both spellings, one claim with both wordings', async () => {
    const db = freshDatabase();
    expect(await read(db, bbc, wion)).toEqual(['added', 'added']);
    expect(await db.sources.count()).toBe(2);

    const hanDong = await personNamed(db, 'Han Dong');
    // The most recent source first: WION published a day after the BBC.
    const hanDongSources = await appearancesOf(db, hanDong.id).toArray();
    expect(hanDongSources.map((appearance) => appearance.source)).toEqual([wion.address.url, bbc.address.url]);
    expect(hanDong.sourceCount).toBe(2);
    await expectTalliesRight(db);
    await expectClaimsRight(db);

    const spavor = await personNamed(db, 'Michael Spavor');
    expect(spavor.profile.variants.map((variant) => variant.text)).toEqual(
      expect.arrayContaining(['Spavor', 'Sparov']),
    );
    expect(await db.people.filter((person) => /Sparov/.test(person.name)).count()).toBe(0);
    expect(await discrepanciesOf(db, discrepancySubject('person', spavor.id)).toArray()).toEqual([
      expect.objectContaining({ kind: 'name-spelling', about: 'the spelling of Spavor / Sparov' }),
    ]);

    // The lobbying allegation, his denial among its reports: both outlets report it.
    const claims = await db.claims.where('accused').equals(hanDong.id).toArray();
    const both = claims.filter((claim) => claim.sources.length === 2 && claim.stances.includes('denied'));
    expect(both).toHaveLength(1);
    const claim = both[0] as (typeof both)[number];
    expect(claim.sources).toEqual([bbc.address.url, wion.address.url]);
    expect(claim.stances).toContain('denied');
    const view = await claimView(db, claim.id);
    expect(new Set(view?.reports.map((report) => report.source.outlet))).toEqual(new Set(['BBC News', 'WION']));
    expect(view?.claim.firstReported?.outlet).toBe('BBC News');
    expect(view?.discrepancies.map((discrepancy) => discrepancy.kind)).toEqual(['wording', 'attribution', 'weekday']);
  });

  it('links exactly as the analysis engine links the same sources, in either order', async () => {
    for (const order of [
      [bbc, wion],
      [wion, bbc],
    ]) {
      const db = freshDatabase();
      await read(db, ...order);
      const documents: SourceDocument[] = order.map((page) => ({ id: page.id, ...page.article }));
      const engine = linkSources(documents);
      const idOf = (url: string) => (url === bbc.address.url ? 'bbc' : 'wion');
      const stored = await groupings(db, idOf);
      const engineGroups = (groups: { members: { document: string; person?: string; allegation?: number }[] }[]) =>
        new Set(
          groups.map((group) =>
            group.members
              .map((member) => `${member.document}/${member.person ?? member.allegation}`)
              .sort()
              .join(' '),
          ),
        );
      expect(stored.people).toEqual(engineGroups(engine.people));
      expect(stored.claims).toEqual(engineGroups(engine.claims));
    }
  });

  it('changes no counts when either is read again, at any of its addresses', async () => {
    const db = freshDatabase();
    await read(db, bbc, wion);
    const before = await counts(db);
    const people = await db.people.toCollection().primaryKeys();
    const variants = [
      bbc,
      wion,
      { ...bbc, address: articleAddress(`${bbc.page}?utm_source=twitter&fbclid=x`, bbc.article.metadata.url) },
      { ...wion, address: articleAddress('http://127.0.0.1:8127/amp/wion-han-dong.html', wion.article.metadata.url) },
    ];
    expect(await read(db, ...variants)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(await counts(db)).toEqual(before);
    expect(await db.people.toCollection().primaryKeys()).toEqual(people);
    // Each read moved the article's last read time, which no view shows: only its own record is written.
    expect(await countWrites(() => read(db, bbc))).toBe(1);
    await expectTalliesRight(db);
    await expectClaimsRight(db);
    await expectLookupsCurrent(db);
  });

  it('shows a new title or outlet on every other page when either is read again under it', async () => {
    const db = freshDatabase();
    await read(db, bbc, wion);
    const retitled = {
      ...bbc,
      article: {
        ...bbc.article,
        metadata: { ...bbc.article.metadata, title: 'Han Dong leaves caucus', outlet: 'BBC World' },
      },
    };
    expect(await read(db, retitled)).toEqual(['unchanged']);
    const view = await pageView(db, wion.address.url);
    const shown = [
      ...(view?.people ?? []).flatMap((person) => person.otherSources.map((other) => other.source)),
      ...(view?.allegations ?? []).flatMap((allegation) => allegation.otherReports.map((report) => report.source)),
    ];
    expect(shown.length).toBeGreaterThan(0);
    for (const source of shown) expect(source).toMatchObject({ title: 'Han Dong leaves caucus', outlet: 'BBC World' });
    await expectTalliesRight(db);
    await expectClaimsRight(db);
    await expectLookupsCurrent(db);
  });
});

describe('an article read again with a corrected date', () => {
  it('keeps everything, and reorders it among the other sources', async () => {
    const db = freshDatabase();
    await read(db, bbc, wion);
    const hanDong = await personNamed(db, 'Han Dong');
    const claim = await db.claims.filter((row) => row.sources.length === 2).first();
    if (!claim) throw new Error('no claim reported by both');
    expect(claim.sources[0]).toBe(bbc.address.url);

    // The BBC's date moves after WION's: it is now the later report.
    const redated = {
      ...bbc,
      article: { ...bbc.article, metadata: { ...bbc.article.metadata, published: '2023-03-25' } },
    };
    const before = await counts(db);
    expect(await read(db, redated)).toEqual(['unchanged']);
    expect(await counts(db)).toEqual(before);
    expect((await appearancesOf(db, hanDong.id).toArray()).map((appearance) => appearance.source)).toEqual([
      bbc.address.url,
      wion.address.url,
    ]);
    const reordered = await db.claims.get(claim.id);
    expect(reordered?.sources).toEqual([wion.address.url, bbc.address.url]);
    expect(reordered?.firstReportedTime).toBe(Date.parse(wion.article.metadata.published ?? ''));
    await expectTalliesRight(db);
    await expectClaimsRight(db);
    await expectLookupsCurrent(db);
  });
});

describe('an article many outlets syndicate', () => {
  it('keeps a claim’s first and latest sources on its record, counts them all, and still links and lists every report', async () => {
    const db = freshDatabase();
    const copies = 2 * claimReportLimit + 3;
    const urls = Array.from({ length: copies }, (_, n) => `https://syndicated.example/${String(n).padStart(2, '0')}`);
    await ingestArticle(db, { ...bbc.address, url: urls[0] as string, href: urls[0] as string }, bbc.article);
    const claimsOfOne = await db.claims.count();
    for (const url of urls.slice(1)) await ingestArticle(db, { ...bbc.address, url, href: url }, bbc.article);
    // Each copy's allegations joined the claims the first made.
    expect(await db.claims.count()).toBe(claimsOfOne);

    const hanDong = await personNamed(db, 'Han Dong');
    const [claim] = await db.claims.where('accused').equals(hanDong.id).toArray();
    expect(claim?.sourceCount).toBe(copies);
    // All copies share a publication date, so the first read come first.
    expect(claim?.sources).toEqual([...urls.slice(0, claimReportLimit), ...urls.slice(-claimReportLimit)]);
    expect(new Set(claim?.members.map(([source]) => source))).toEqual(new Set(claim?.sources));
    const view = await claimView(db, claim?.id ?? '');
    expect(view?.claim.sourceCount).toBe(copies);
    expect(new Set(view?.reports.map((report) => report.source.url))).toEqual(new Set(urls));
    await expectTalliesRight(db);
    await expectClaimsRight(db);

    // A page of it shows the first and latest other reports, and says how many sources there are.
    const page = await pageView(db, urls[claimReportLimit + 1] as string);
    const allegation = page?.allegations.find((row) => row.claim === claim?.id);
    expect(allegation?.otherSourceCount).toBe(copies - 1);
    expect(new Set(allegation?.otherReports.map((report) => report.source.url))).toEqual(new Set(claim?.sources));
  });
});

describe('the page view', () => {
  it('answers for each person and allegation with the other source, its wording, the discrepancies and the notes', async () => {
    const db = freshDatabase();
    await read(db, bbc, wion);
    const hanDong = await personNamed(db, 'Han Dong');
    const note = await createNote(
      db,
      { kind: 'person', person: hanDong.id },
      { body: 'MP for Don Valley North', tags: ['mp'], colour: 'green' },
    );

    const view = await pageView(db, wion.address.url);
    expect(view?.source).toMatchObject({ outlet: 'WION', url: wion.address.url });
    const person = view?.people.find((p) => p.name === 'Han Dong');
    expect(person?.otherSourceCount).toBe(1);
    expect(person?.otherSources.map((other) => other.source.outlet)).toEqual(['BBC News']);
    expect(person?.notes).toEqual([note]);
    expect(person?.local).toMatch(/^p\d+$/);

    const spavor = view?.people.find((p) => p.name === 'Michael Spavor');
    expect(spavor?.discrepancies[0]?.values).toEqual([
      { source: bbc.address.url, outlet: 'BBC News', text: 'Spavor' },
      { source: wion.address.url, outlet: 'WION', text: 'Spavor' },
      { source: wion.address.url, outlet: 'WION', text: 'Sparov' },
    ]);

    const linked = view?.allegations.filter((allegation) => allegation.otherReports.length > 0) ?? [];
    expect(linked.length).toBeGreaterThan(0);
    expect(
      linked.every((allegation) => allegation.otherReports.every((report) => report.source.outlet === 'BBC News')),
    ).toBe(true);
    const withDiscrepancies = linked.find((allegation) => allegation.discrepancies.length > 0);
    expect(withDiscrepancies?.discrepancies.map((d) => d.kind)).toContain('weekday');
    expect(view?.claims.map((claim) => claim.id)).toEqual(expect.arrayContaining(linked.map((a) => a.claim)));
  });

  it('is null for a page the store has not read', async () => {
    expect(await pageView(freshDatabase(), 'https://news.example.org/unknown')).toBeNull();
  });
});

describe('an edited article', () => {
  const edited: SeedPage = {
    ...bbc,
    article: {
      metadata: bbc.article.metadata,
      analysis: (() => {
        // The edit takes out the last sentence and its mentions: the article is shorter, nothing else moves.
        const analysis = structuredClone(bbc.article.analysis);
        const cut = analysis.text.lastIndexOf('\n\n');
        analysis.text = analysis.text.slice(0, cut);
        analysis.blocks = analysis.blocks.filter((block) => block.end <= cut);
        for (const person of analysis.people) person.mentions = person.mentions.filter((mention) => mention.end <= cut);
        analysis.people = analysis.people.filter((person) => person.mentions.length > 0);
        const ids = new Set(analysis.people.map((person) => person.id));
        analysis.allegations = analysis.allegations.filter(
          (allegation) => allegation.end <= cut && allegation.accused.every((id) => ids.has(id)),
        );
        return analysis;
      })(),
    },
  };

  it('replaces its mentions and allegations, keeps the people and claims it still names, and keeps every note', async () => {
    const db = freshDatabase();
    await read(db, bbc, wion);
    const text = bbc.article.analysis.text;
    const quote = (phrase: string) =>
      describeSpan(text, { start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length });
    const kept = await createNote(
      db,
      { kind: 'selection', source: bbc.address.url, selectors: quote('imprisoned in Beijing') },
      { body: 'kept', tags: [], colour: 'yellow' },
    );
    const lost = await createNote(
      db,
      { kind: 'selection', source: bbc.address.url, selectors: quote('We have no interest in and will not interfere') },
      { body: 'its text is cut', tags: [], colour: 'yellow' },
    );
    const hanDong = await personNamed(db, 'Han Dong');
    const wenbin = await personNamed(db, 'Wang Wenbin');
    const personNote = await createNote(
      db,
      { kind: 'person', person: wenbin.id },
      { body: 'spokesman', tags: [], colour: 'blue' },
    );

    expect(await read(db, edited)).toEqual(['updated']);
    const mentions = (await db.sourceMentions.get(bbc.address.url))?.mentions.length;
    expect(mentions).toBe(edited.article.analysis.people.reduce((sum, person) => sum + person.mentions.length, 0));
    expect(await db.allegations.where('source').equals(bbc.address.url).count()).toBe(
      edited.article.analysis.allegations.length,
    );
    expect((await personNamed(db, 'Han Dong')).id).toBe(hanDong.id);

    const notes = new Map((await db.notes.toArray()).map((note) => [note.id, note]));
    expect(notes.get(kept.id)).toMatchObject({ orphaned: false });
    expect(notes.get(lost.id)).toMatchObject({ orphaned: true, body: 'its text is cut' });
    expect(notes.get(personNote.id)).toMatchObject({ body: 'spokesman' });
    await expectTalliesRight(db);
    await expectLookupsCurrent(db);

    // Reading the unedited version again puts everything back, and the note finds its text again.
    expect(await read(db, bbc)).toEqual(['updated']);
    expect((await db.notes.get(lost.id))?.orphaned).toBe(false);
    expect((await personNamed(db, 'Han Dong')).id).toBe(hanDong.id);
  });
});

describe('forgetting an article', () => {
  it('relinks what remains, keeps the notes on it orphaned, and reading it again restores it', async () => {
    const db = freshDatabase();
    await read(db, bbc, wion);
    const before = await counts(db);
    const hanDong = await personNamed(db, 'Han Dong');
    const note = await createNote(
      db,
      { kind: 'source', source: bbc.address.url },
      { body: 'read in full', tags: [], colour: 'yellow' },
    );

    await forgetSource(db, bbc.address.url);
    expect(await db.sources.count()).toBe(1);
    expect(await db.sourceMentions.get(bbc.address.url)).toBeUndefined();
    const person = await personView(db, hanDong.id);
    expect(person?.sources.map((source) => source.source.outlet)).toEqual(['WION']);
    expect(await db.claims.filter((claim) => claim.sources.includes(bbc.address.url)).count()).toBe(0);
    expect((await db.notes.get(note.id))?.orphaned).toBe(true);
    expect(await db.people.filter((p) => p.name === 'Wang Wenbin').count()).toBe(0);
    await expectTalliesRight(db);
    // No copy of what it was is left for the other page's lookup to show.
    expect(JSON.stringify(await pageView(db, wion.address.url))).not.toContain(bbc.address.url);

    await read(db, bbc);
    expect({ ...(await counts(db)), notes: before.notes }).toEqual(before);
    expect((await db.notes.get(note.id))?.orphaned).toBe(false);
    expect((await personNamed(db, 'Han Dong')).id).toBe(hanDong.id);
    await expectTalliesRight(db);
    await expectLookupsCurrent(db);
  });
});

/**
 * A synthetic article whose allegation is its own: the last word of what it accuses its subject of,
 * made distinct (at the same length, so every span still sits on its words).
 */
function ownClaimArticle(index: number): SyntheticArticle {
  const synthetic = syntheticArticle(index, { people: 6, claims: 8, peoplePerArticle: 2, seed: 11 });
  const { analysis } = synthetic.article;
  const [allegation] = analysis.allegations;
  const accusation = allegation?.text.match(/accused of (.+), according to/)?.[1] ?? '';
  let text = analysis.text;
  for (const [n, found] of [...new Set(accusation.match(/\w{5,}/g))].entries()) {
    const word = `${syllableWord(index * 20 + n + 100)}${'x'.repeat(found.length)}`.slice(0, found.length);
    text = text.replaceAll(new RegExp(`\\b${found}\\b`, 'g'), word);
  }
  const allegations = analysis.allegations.map((found) => ({ ...found, text: text.slice(found.start, found.end) }));
  return { ...synthetic, article: { ...synthetic.article, analysis: { ...analysis, text, allegations } } };
}

describe('a source about people many stored claims are about', () => {
  it('reads whole the kept allegations of the claims it joins, and of no other', async () => {
    const db = freshDatabase();
    const corpus = { people: 6, claims: 8, peoplePerArticle: 2, seed: 11 };
    const ingest = async (index: number) => {
      const { page, article } = syntheticArticle(index, corpus);
      const address = articleAddress(page, article.metadata.url);
      await ingestArticle(db, address, article);
      return address.url;
    };
    for (let index = 0; index < 30; index++) await ingest(index);
    let readWhole: string[] = [];
    const bulkGet = db.claimMembers.bulkGet.bind(db.claimMembers);
    db.claimMembers.bulkGet = (keys: string[]) => {
      readWhole.push(...keys);
      return bulkGet(keys);
    };
    let comparedOnly = 0;
    let joinedAny = 0;
    for (let index = 30; index < 40; index++) {
      const stored = new Set(await db.claims.toCollection().primaryKeys());
      readWhole = [];
      const url = await ingest(index);
      const joined = new Set(
        (await ofSource(db.allegations, url).toArray()).flatMap((allegation) =>
          allegation.claim && stored.has(allegation.claim) ? [allegation.claim] : [],
        ),
      );
      expect(new Set(readWhole)).toEqual(joined);
      const named = (await ofSource(db.appearances, url).toArray()).map((appearance) => appearance.person);
      const aboutThem = await db.claims.where('accused').anyOf(named).primaryKeys();
      // Stored claims about its people that it does not join: compared by their terms alone.
      if (aboutThem.some((id) => stored.has(id) && !joined.has(id))) comparedOnly++;
      if (joined.size > 0) joinedAny++;
    }
    expect(comparedOnly).toBeGreaterThan(0);
    expect(joinedAny).toBeGreaterThan(0);
    await expectClaimsRight(db);
  });
});

describe('a store where people are accused in many claims', () => {
  it('lists on each person’s record the first claims about them, through new sources, edits and forgetting', async () => {
    const db = freshDatabase();
    const addressOf = ({ page, article }: SyntheticArticle) => articleAddress(page, article.metadata.url);
    const articles = Array.from({ length: 40 }, (_, index) => ownClaimArticle(index));
    for (const { page, article } of articles)
      await ingestArticle(db, articleAddress(page, article.metadata.url), article);
    const claimCounts = async () => {
      const people = await db.people.toCollection().primaryKeys();
      return Promise.all(people.map((id) => db.claims.where('accused').equals(id).count()));
    };
    // Enough claims about someone that their record lists only some of them.
    expect(Math.max(...(await claimCounts()))).toBeGreaterThan(claimsPerPersonLimit);
    await expectTalliesRight(db);

    // Articles edited into other findings, and others forgotten: people lose claims.
    for (const [edited, into] of [
      [0, 50],
      [1, 51],
    ] as const) {
      await ingestArticle(db, addressOf(articles[edited] as SyntheticArticle), ownClaimArticle(into).article);
    }
    for (const gone of articles.slice(2, 12)) await forgetSource(db, addressOf(gone).url);
    await expectTalliesRight(db);
    await expectClaimsRight(db);
  });
});

describe('a write the browser refuses', () => {
  it('leaves the store exactly as it was, however far the ingest got', async () => {
    const readBbc = async () => {
      const db = freshDatabase();
      await read(db, bbc);
      return db;
    };
    const counted = await readBbc();
    const writes = await countWrites(() => read(counted, wion));
    // The first write refused, some in between, and the very last.
    for (const after of [0, 1, Math.floor(writes / 2), writes - 1]) {
      const db = await readBbc();
      const before = await snapshot(db);
      const restore = refuseWrites({ after });
      try {
        const refused = await read(db, wion).then(
          () => null,
          (error: unknown) => error,
        );
        expect(storageProblemOf(refused), `refused after ${after} of ${writes} writes`).toBe('quota');
      } finally {
        restore();
      }
      expect(await snapshot(db), `refused after ${after} of ${writes} writes`).toEqual(before);
      expect(await read(db, wion)).toEqual(['added']);
    }
  });
});
