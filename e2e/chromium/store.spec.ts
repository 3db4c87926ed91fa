/**
 * The store in Chromium's own IndexedDB. First through the whole extension, as a reader uses it:
 * the content script reads the seed articles and stores them. Then with controlled snapshots, sent
 * from each tab's content-script world (so the background sees a real content script, with the
 * address the browser reports) while Crosscheck waits to be asked, so the page's own reading does
 * not race them: idempotence, a page's reach, ten tabs at once, and the service worker stopped
 * between and during writes.
 */
import type { FixtureServer } from '../../scripts/lib/fixture-server.ts';
import type { ChromiumWithExtension } from '../../scripts/lib/launch.ts';
import { syntheticArticle } from '../../scripts/lib/synthetic-articles.ts';
import type { PageReadAnswer, Reply } from '../../src/messaging/contract.ts';
import type { PageSnapshot } from '../../src/page/page-snapshot.ts';
import type { SourceMentionsRecord } from '../../src/store/records.ts';
import { type SeedPage, seedPages } from '../../src/store/test-support.ts';
import type { PageView, StoreStatus } from '../../src/store/views.ts';
import { expect, test } from '../harness.ts';
import { fixtureSnapshot, pageOf, snapshotOf, storedInTurn } from '../page-snapshots.ts';
import {
  contentScriptWorld,
  counts,
  fromExtensionPage,
  readStore,
  stopServiceWorker,
  type StoreTables,
} from '../store-support.ts';
import { highlighted } from './highlighted.ts';

const [bbc, wion] = seedPages() as [SeedPage, SeedPage];

function fixturePath(seed: SeedPage): string {
  return new URL(seed.page).pathname;
}

/** The seed page's snapshot as its tab takes it, its canonical link pointing where this run's server serves it. */
function snapshotOn(server: FixtureServer, seed: SeedPage): PageSnapshot {
  return fixtureSnapshot(fixturePath(seed).slice(1), server.url(fixturePath(seed)));
}

/** Asks the background to read a snapshot, as the tab's content script does. */
const read = (tab: { world: { send: <T>(message: unknown) => Promise<Reply<T>> } }, snapshot: PageSnapshot) =>
  tab.world.send<PageReadAnswer>({ type: 'page/read', snapshot });

/** What a reading stored: the store's outcome, or why there is none. */
function stored(reply: Reply<PageReadAnswer>) {
  if (!reply.ok) return reply.error;
  const { store } = reply.value;
  return store?.saved ? { outcome: store.outcome, view: store.view } : (store?.problem ?? 'no article');
}
const outcomeOf = (reply: Reply<PageReadAnswer>) => {
  const result = stored(reply);
  return typeof result === 'string' ? result : result.outcome;
};

async function openTab(chromium: ChromiumWithExtension, address: string) {
  const page = await chromium.context.newPage();
  await page.goto(address);
  return { page, world: await contentScriptWorld(chromium, page) };
}

/** How many rows of each table reading these pages one after the other stores, counted in Node over fake-indexeddb. */
async function expectedCounts(pages: { snapshot: PageSnapshot; url: string }[]): Promise<Record<string, number>> {
  const db = await storedInTurn(pages);
  const entries = await Promise.all(
    db.tables
      .filter((table) => table.name !== 'settings')
      .map(async (table) => [table.name, await table.count()] as const),
  );
  return Object.fromEntries(entries);
}

const seedReadings = (server: FixtureServer) =>
  [bbc, wion].map((seed) => ({ snapshot: snapshotOn(server, seed), url: server.url(fixturePath(seed)) }));

function personNamed(tables: StoreTables, name: string) {
  const people = (tables.people ?? []).filter((person) => person.name === name);
  expect(people, name).toHaveLength(1);
  return people[0] as { id: string; profile: { variants: { text: string }[] } };
}

/**
 * The two seed articles as the store must hold them: two sources, one Han Dong named by both, one
 * Michael Spavor with both spellings, one claim about Han Dong (his denial among its reports) with
 * both outlets' wording. Answers with that claim's id.
 */
function expectSeedsLinked(tables: StoreTables): string {
  expect(tables.sources?.map((source) => source.outlet).sort()).toEqual(['BBC News', 'WION']);
  const hanDong = personNamed(tables, 'Han Dong');
  expect(new Set(tables.appearances?.filter((row) => row.person === hanDong.id).map((row) => row.source)).size).toBe(2);
  const spavor = personNamed(tables, 'Michael Spavor');
  expect(spavor.profile.variants.map((variant) => variant.text)).toEqual(expect.arrayContaining(['Spavor', 'Sparov']));
  const claims = (tables.claims ?? []).filter(
    (row) =>
      (row.accused as string[]).includes(hanDong.id) &&
      (row.sources as string[]).length === 2 &&
      (row.stances as string[]).includes('denied'),
  );
  expect(claims).toHaveLength(1);
  const claimId = claims[0]?.id as string;
  expect(new Set(tables.allegations?.filter((row) => row.claim === claimId).map((row) => row.source)).size).toBe(2);
  return claimId;
}

test('reading the two seed articles leaves two sources, one Han Dong in both, one Spavor with both spellings and one claim with both wordings; reading them again changes nothing', async ({
  chromium,
  server,
}) => {
  const read = async (path: string) => {
    const page = await chromium.context.newPage();
    await page.goto(server.url(path));
    await highlighted(chromium, page);
    return page;
  };
  const bbcPage = await read('/bbc-han-dong.html');
  const wionPage = await read('/wion-han-dong.html');
  const tables = await readStore(chromium);
  const claimId = expectSeedsLinked(tables);
  expect(tables.discrepancies?.filter((row) => row.subject === `claim:${claimId}`).map((row) => row.kind)).toEqual(
    expect.arrayContaining(['wording', 'weekday']),
  );

  await bbcPage.reload();
  await highlighted(chromium, bbcPage);
  await wionPage.reload();
  await highlighted(chromium, wionPage);
  const again = await readStore(chromium);
  expect(counts(again)).toEqual(counts(tables));
  expect(again.people?.map((person) => person.id).sort()).toEqual(tables.people?.map((person) => person.id).sort());
  expect(again.claims?.map((claim) => claim.id).sort()).toEqual(tables.claims?.map((claim) => claim.id).sort());
});

test.describe('with controlled snapshots, while Crosscheck waits to be asked', () => {
  test.beforeEach(async ({ chromium }) => {
    expect(await fromExtensionPage(chromium, { type: 'settings/set', changes: { mode: 'on-demand' } })).toMatchObject({
      ok: true,
    });
  });

  test('reading the two seed articles stores each once, links Han Dong, Spavor and the claim, and reading again changes nothing', async ({
    chromium,
    server,
  }) => {
    const bbcTab = await openTab(chromium, server.url(fixturePath(bbc)));
    const wionTab = await openTab(chromium, server.url(fixturePath(wion)));
    const first = await read(bbcTab, snapshotOn(server, bbc));
    const second = await read(wionTab, snapshotOn(server, wion));
    expect([outcomeOf(first), outcomeOf(second)]).toEqual(['added', 'added']);

    const tables = await readStore(chromium);
    const claimId = expectSeedsLinked(tables);
    expect(tables.discrepancies?.filter((row) => row.subject === `claim:${claimId}`).map((row) => row.kind)).toEqual(
      expect.arrayContaining(['wording', 'weekday']),
    );
    expect(counts(tables)).toEqual(await expectedCounts(seedReadings(server)));

    // Again, and at the addresses of its tracked and AMP variants: nothing new.
    const tracked = await openTab(chromium, server.url(`${fixturePath(bbc)}?utm_source=newsletter&fbclid=abc`));
    const again = await Promise.all([
      read(bbcTab, snapshotOn(server, bbc)),
      read(tracked, snapshotOn(server, bbc)),
      read(wionTab, snapshotOn(server, wion)),
    ]);
    expect(again.map(outcomeOf)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(counts(await readStore(chromium))).toEqual(counts(tables));

    // The WION page is told about the BBC report of the same person, in the answer to its reading and on lookup.
    const view = (stored(second) as { view: PageView }).view;
    expect(
      view.people.find((person) => person.name === 'Han Dong')?.otherSources.map((other) => other.source.outlet),
    ).toEqual(['BBC News']);
    const lookup = await wionTab.world.send<PageView | null>({ type: 'page/lookup' });
    expect(
      lookup.ok && lookup.value?.people.find((person) => person.name === 'Han Dong')?.otherSources[0]?.source.outlet,
    ).toBe('BBC News');
  });

  test('a web page has no channel to the store, hands it no analysis, and cannot file itself under another site’s article', async ({
    chromium,
    server,
  }) => {
    const bbcTab = await openTab(chromium, server.url(fixturePath(bbc)));
    await read(bbcTab, snapshotOn(server, bbc));
    expect(
      await bbcTab.page.evaluate(
        () => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage,
      ),
    ).toBe('undefined');
    const bbcSource = () =>
      readStore(chromium).then((tables) => tables.sources?.find((row) => row.outlet === 'BBC News'));
    const before = await bbcSource();

    // Only the background analyses: there is no request that stores an analysis made elsewhere.
    expect(await bbcTab.world.send({ type: 'page/ingest', article: bbc.article })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^malformed message/),
    });

    // A page on another host claims the BBC fixture's canonical address.
    const evilAddress = server.url(fixturePath(wion)).replace('127.0.0.1', 'localhost');
    const evil = await openTab(chromium, evilAddress);
    const forged = fixtureSnapshot(fixturePath(wion).slice(1), evilAddress);
    forged.html = forged.html.replace(
      /<link rel="canonical" href="[^"]*"\/>/,
      `<link rel="canonical" href="${String(before?.url)}"/>`,
    );
    const reply = await read(evil, forged);
    expect(new URL((stored(reply) as { view: PageView }).view.source.url).hostname).toBe('localhost');
    expect(await bbcSource()).toEqual(before);

    // And the content script itself may not use what only the extension's pages may.
    expect(await bbcTab.world.send({ type: 'store/search', search: { query: 'dong' } })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^malformed message/),
    });
  });

  test('ten tabs reading at once lose nothing and duplicate nothing', async ({ chromium, server }) => {
    const options = { people: 40, claims: 6, peoplePerArticle: 8, seed: 11 };
    const articles = Array.from({ length: 10 }, (_, index) => syntheticArticle(index, options).article);
    const addresses = articles.map((_, index) => server.url(`${fixturePath(index % 2 ? wion : bbc)}?article=${index}`));
    const tabs = await Promise.all(addresses.map((address) => openTab(chromium, address)));
    // Each tab's own address is the article's: no canonical link.
    const pages = articles.map((article, index) => {
      const url = addresses[index] as string;
      return { snapshot: snapshotOf(pageOf(article), url), url };
    });
    const replies = await Promise.all(
      tabs.map((tab, index) => read(tab, (pages[index] as (typeof pages)[number]).snapshot)),
    );
    expect(replies.map(outcomeOf)).toEqual(Array(10).fill('added'));

    // Every page's rows are there, as many as reading the pages one after the other stores. (Which
    // people a lone surname is linked to may depend on the order the pages arrive in.)
    const tables = await readStore(chromium);
    const perPage = ['sources', 'appearances', 'sourceMentions', 'allegations'];
    const pick = (all: Record<string, number>) => Object.fromEntries(perPage.map((name) => [name, all[name]]));
    expect(pick(counts(tables))).toEqual(pick(await expectedCounts(pages)));
    expect(tables.sources).toHaveLength(10);
    // Each person named in full is stored once, and known by that name.
    const stored = (tables.people ?? []) as { name: string; profile: { variants: { text: string }[] } }[];
    const fullNames = stored.map((person) => person.name).filter((name) => name.includes(' '));
    expect(new Set(fullNames).size).toBe(fullNames.length);
    const known = new Set(stored.flatMap((person) => [person.name, ...person.profile.variants.map((v) => v.text)]));
    const found = replies.flatMap((reply) =>
      reply.ok ? (reply.value.article?.analysis.people.map((person) => person.name) ?? []) : [],
    );
    expect(found.filter((name) => name.includes(' ')).length).toBeGreaterThan(10);
    expect(found.filter((name) => !known.has(name))).toEqual([]);
  });

  test('writes survive the service worker being stopped between readings', async ({ chromium, server }) => {
    const bbcTab = await openTab(chromium, server.url(fixturePath(bbc)));
    expect(outcomeOf(await read(bbcTab, snapshotOn(server, bbc)))).toBe('added');
    await stopServiceWorker(chromium, bbcTab.page);

    const wionTab = await openTab(chromium, server.url(fixturePath(wion)));
    expect(outcomeOf(await read(wionTab, snapshotOn(server, wion)))).toBe('added');
    await stopServiceWorker(chromium, wionTab.page);
    expect(counts(await readStore(chromium))).toEqual(await expectedCounts(seedReadings(server)));
    const lookup = await bbcTab.world.send<PageView | null>({ type: 'page/lookup' });
    expect(lookup.ok && lookup.value?.source.outlet).toBe('BBC News');
  });

  test('stopping the service worker while it stores a reading leaves nothing of it, and nothing else damaged', async ({
    chromium,
    server,
  }) => {
    test.slow();
    // Long articles: storing one takes long enough to stop the worker in the middle of it.
    const options = { people: 1_500, claims: 100, peoplePerArticle: 300, seed: 5 };
    const [warmUp, interrupted] = [0, 1].map((index) => pageOf(syntheticArticle(index, options).article));
    const bbcTab = await openTab(chromium, server.url(fixturePath(bbc)));
    await read(bbcTab, snapshotOn(server, bbc));

    const warmAddress = server.url(`${fixturePath(wion)}?long=0`);
    const warmTab = await openTab(chromium, warmAddress);
    const started = Date.now();
    const warm = await read(warmTab, snapshotOf(warmUp as string, warmAddress));
    expect(outcomeOf(warm)).toBe('added');
    const duration = Date.now() - started;
    // The worker is stopped 40% into the store's part, after the reading and the analysis.
    const reading = warm.ok ? warm.value.timings.extractMs + warm.value.timings.analyseMs : 0;
    const stopAt = reading + (duration - reading) * 0.4;
    const before = await readStore(chromium);

    const address = server.url(`${fixturePath(wion)}?long=1`);
    const tab = await openTab(chromium, address);
    const snapshot = snapshotOf(interrupted as string, address);
    const pending = read(tab, snapshot).catch((error: unknown) => ({ ok: false, error: String(error) }));
    await tab.page.waitForTimeout(stopAt);
    await stopServiceWorker(chromium, tab.page);
    expect(await pending, `stopped ${Math.round(stopAt)} ms into a reading of ${duration} ms`).toMatchObject({
      ok: false,
    });

    const after = await readStore(chromium);
    expect(after, 'the interrupted reading left nothing behind, and what was stored before is intact').toEqual(before);

    // Read again, it is stored whole.
    const again = await read(tab, snapshot);
    expect(outcomeOf(again)).toBe('added');
    const analysis = again.ok ? again.value.article?.analysis : undefined;
    const tables = await readStore(chromium);
    const source = (stored(again) as { view: PageView }).view.source.url;
    const of = (table: string) => (tables[table] ?? []).filter((row) => row.source === source).length;
    expect(of('appearances')).toBe(analysis?.people.length);
    const [mentions] = (tables.sourceMentions ?? []).filter(
      (row) => row.source === source,
    ) as unknown as SourceMentionsRecord[];
    expect(mentions?.mentions.length).toBe(analysis?.people.reduce((sum, person) => sum + person.mentions.length, 0));
    expect(of('allegations')).toBe(analysis?.allegations.length);
  });

  test('the store asks to be kept, and reports what it holds', async ({ chromium, server }) => {
    const bbcTab = await openTab(chromium, server.url(fixturePath(bbc)));
    await read(bbcTab, snapshotOn(server, bbc));
    const popup = await chromium.context.newPage();
    await popup.goto(chromium.pageUrl('popup.html'));
    const status: unknown = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'store/status' }));
    expect(status).toMatchObject({ ok: true, value: { problem: null, counts: { sources: 1 } } });
    const value = (status as { value: StoreStatus }).value;
    // unlimitedStorage: the extension's quota is not the ordinary share of the disk a site gets.
    expect(value.quota).toBeGreaterThan(0);
    expect(typeof value.persisted).toBe('boolean');
  });
});
