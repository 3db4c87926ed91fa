/**
 * The store in Chromium's own IndexedDB. First through the whole extension, as a reader uses it:
 * the content script reads the seed articles and stores them. Then with controlled payloads, sent
 * from each tab's content-script world (so the background sees a real content script, with the
 * address the browser reports) while Crosscheck waits to be asked, so the page's own reading does
 * not race them: idempotence, a page's reach, ten tabs at once, and the service worker stopped
 * between and during ingests.
 */
import type { AnalysedArticle } from '../../src/messaging/analysis-schema.ts';
import type { FixtureServer } from '../../scripts/lib/fixture-server.ts';
import type { ChromiumWithExtension } from '../../scripts/lib/launch.ts';
import { syntheticArticle } from '../../scripts/lib/synthetic-articles.ts';
import { ingestArticle } from '../../src/store/ingest.ts';
import { freshDatabase, type SeedPage, seedPages } from '../../src/store/test-support.ts';
import type { IngestResult, StoreStatus } from '../../src/store/views.ts';
import { expect, test } from '../harness.ts';
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
const fixtureOrigin = 'http://127.0.0.1:8127';

/** The page's analysis, its canonical link pointing where this run's server serves it. */
function articleOn(server: FixtureServer, seed: SeedPage): AnalysedArticle {
  const url = seed.article.metadata.url?.replace(fixtureOrigin, new URL(server.url('/')).origin);
  return { ...seed.article, metadata: { ...seed.article.metadata, ...(url ? { url } : {}) } };
}

function fixturePath(seed: SeedPage): string {
  return new URL(seed.page).pathname;
}

async function openTab(chromium: ChromiumWithExtension, address: string) {
  const page = await chromium.context.newPage();
  await page.goto(address);
  return { page, world: await contentScriptWorld(chromium, page) };
}

/** What reading the two seed articles one after the other stores, counted in Node over fake-indexeddb. */
async function expectedCounts(): Promise<Record<string, number>> {
  const db = freshDatabase();
  for (const seed of [bbc, wion]) await ingestArticle(db, seed.address, seed.article);
  const entries = await Promise.all(
    db.tables
      .filter((table) => table.name !== 'settings')
      .map(async (table) => [table.name, await table.count()] as const),
  );
  return Object.fromEntries(entries);
}

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

test.describe('with controlled payloads, while Crosscheck waits to be asked', () => {
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
    const first = await bbcTab.world.send<IngestResult>({ type: 'page/ingest', article: articleOn(server, bbc) });
    const second = await wionTab.world.send<IngestResult>({ type: 'page/ingest', article: articleOn(server, wion) });
    expect(first).toMatchObject({ ok: true, value: { outcome: 'added' } });
    expect(second).toMatchObject({ ok: true, value: { outcome: 'added' } });

    const tables = await readStore(chromium);
    const claimId = expectSeedsLinked(tables);
    expect(tables.discrepancies?.filter((row) => row.subject === `claim:${claimId}`).map((row) => row.kind)).toEqual([
      'wording',
      'attribution',
      'weekday',
    ]);
    expect(counts(tables)).toEqual(await expectedCounts());

    // Again, and at the addresses of its tracked and AMP variants: nothing new.
    const again = await Promise.all([
      bbcTab.world.send<IngestResult>({ type: 'page/ingest', article: articleOn(server, bbc) }),
      (
        await openTab(chromium, server.url(`${fixturePath(bbc)}?utm_source=newsletter&fbclid=abc`))
      ).world.send<IngestResult>({ type: 'page/ingest', article: articleOn(server, bbc) }),
      wionTab.world.send<IngestResult>({ type: 'page/ingest', article: articleOn(server, wion) }),
    ]);
    expect(again.map((reply) => reply.ok && reply.value.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(counts(await readStore(chromium))).toEqual(counts(tables));

    // The WION page is told about the BBC report of the same person, in the reply to its ingest and on lookup.
    const view = second.ok ? second.value.view : null;
    expect(
      view?.people.find((person) => person.name === 'Han Dong')?.otherSources.map((other) => other.source.outlet),
    ).toEqual(['BBC News']);
    const lookup = await wionTab.world.send<IngestResult['view']>({ type: 'page/lookup' });
    expect(
      lookup.ok && lookup.value?.people.find((person) => person.name === 'Han Dong')?.otherSources[0]?.source.outlet,
    ).toBe('BBC News');
  });

  test('a web page has no channel to the store, and cannot file itself under another site’s article', async ({
    chromium,
    server,
  }) => {
    const bbcTab = await openTab(chromium, server.url(fixturePath(bbc)));
    await bbcTab.world.send({ type: 'page/ingest', article: articleOn(server, bbc) });
    expect(
      await bbcTab.page.evaluate(
        () => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage,
      ),
    ).toBe('undefined');

    // A page on another host claims the BBC fixture's canonical address.
    const evil = await openTab(chromium, server.url(fixturePath(wion)).replace('127.0.0.1', 'localhost'));
    const forged = {
      ...articleOn(server, wion),
      metadata: { ...articleOn(server, wion).metadata, url: articleOn(server, bbc).metadata.url },
    };
    const reply = await evil.world.send<IngestResult>({ type: 'page/ingest', article: forged });
    expect(reply.ok && new URL(reply.value.view.source.url).hostname).toBe('localhost');
    const bbcSource = (await readStore(chromium)).sources?.find((source) => source.outlet === 'BBC News');
    expect(bbcSource?.title).toBe(bbc.article.metadata.title);

    // And the content script itself may not use what only the extension's pages may.
    expect(await bbcTab.world.send({ type: 'store/search', search: { query: 'dong' } })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^malformed message/),
    });
  });

  test('ten tabs ingesting at once lose nothing and duplicate nothing', async ({ chromium, server }) => {
    const options = { people: 40, claims: 6, peoplePerArticle: 8, seed: 11 };
    const articles = Array.from({ length: 10 }, (_, index) => syntheticArticle(index, options).article);
    const tabs = await Promise.all(
      articles.map((_, index) =>
        openTab(chromium, server.url(`${fixturePath(index % 2 ? wion : bbc)}?article=${index}`)),
      ),
    );
    // Each tab's own address is the article's: no canonical link.
    const replies = await Promise.all(
      tabs.map(({ world }, index) =>
        world.send<IngestResult>({
          type: 'page/ingest',
          article: { ...articles[index], metadata: { ...articles[index]?.metadata, url: undefined } },
        }),
      ),
    );
    expect(replies.map((reply) => reply.ok && reply.value.outcome)).toEqual(Array(10).fill('added'));

    const tables = await readStore(chromium);
    const people = new Set(articles.flatMap((article) => article?.analysis.people.map((person) => person.name) ?? []));
    expect(tables.sources).toHaveLength(10);
    expect(new Set(tables.people?.map((person) => person.name))).toEqual(people);
    expect(tables.people).toHaveLength(people.size);
    expect(tables.mentions).toHaveLength(
      articles.reduce(
        (sum, article) => sum + (article?.analysis.people.reduce((n, p) => n + p.mentions.length, 0) ?? 0),
        0,
      ),
    );
    expect(tables.allegations).toHaveLength(
      articles.reduce((sum, article) => sum + (article?.analysis.allegations.length ?? 0), 0),
    );
  });

  test('writes survive the service worker being stopped between ingests', async ({ chromium, server }) => {
    const bbcTab = await openTab(chromium, server.url(fixturePath(bbc)));
    expect(await bbcTab.world.send({ type: 'page/ingest', article: articleOn(server, bbc) })).toMatchObject({
      ok: true,
    });
    await stopServiceWorker(chromium, bbcTab.page);

    const wionTab = await openTab(chromium, server.url(fixturePath(wion)));
    expect(await wionTab.world.send({ type: 'page/ingest', article: articleOn(server, wion) })).toMatchObject({
      ok: true,
      value: { outcome: 'added' },
    });
    await stopServiceWorker(chromium, wionTab.page);
    expect(counts(await readStore(chromium))).toEqual(await expectedCounts());
    const lookup = await bbcTab.world.send<IngestResult['view']>({ type: 'page/lookup' });
    expect(lookup.ok && lookup.value?.source.outlet).toBe('BBC News');
  });

  test('stopping the service worker during an ingest leaves nothing of it, and nothing else damaged', async ({
    chromium,
    server,
  }) => {
    test.slow();
    // Long articles: storing one takes long enough to stop the worker in the middle of it.
    const options = { people: 1_500, claims: 100, peoplePerArticle: 300, seed: 5 };
    const [warmUp, interrupted] = [0, 1].map((index) => ({
      ...syntheticArticle(index, options).article,
      metadata: { ...syntheticArticle(index, options).article.metadata, url: undefined },
    })) as [AnalysedArticle, AnalysedArticle];
    const bbcTab = await openTab(chromium, server.url(fixturePath(bbc)));
    await bbcTab.world.send({ type: 'page/ingest', article: articleOn(server, bbc) });

    const warmTab = await openTab(chromium, server.url(`${fixturePath(wion)}?long=0`));
    const started = Date.now();
    expect(await warmTab.world.send({ type: 'page/ingest', article: warmUp })).toMatchObject({ ok: true });
    const duration = Date.now() - started;
    const before = await readStore(chromium);

    const tab = await openTab(chromium, server.url(`${fixturePath(wion)}?long=1`));
    const pending = tab.world.send({ type: 'page/ingest', article: interrupted }).catch((error: unknown) => ({
      ok: false,
      error: String(error),
    }));
    await tab.page.waitForTimeout(duration * 0.4);
    await stopServiceWorker(chromium, tab.page);
    expect(await pending, `stopped ${Math.round(duration * 0.4)} ms into an ingest of ${duration} ms`).toMatchObject({
      ok: false,
    });

    const after = await readStore(chromium);
    expect(after, 'the interrupted ingest left nothing behind, and what was stored before is intact').toEqual(before);

    // Read again, it is stored whole.
    const again = await tab.world.send<IngestResult>({ type: 'page/ingest', article: interrupted });
    expect(again).toMatchObject({ ok: true, value: { outcome: 'added' } });
    const tables = await readStore(chromium);
    const source = again.ok ? again.value.view.source.url : '';
    const of = (table: string) => (tables[table] ?? []).filter((row) => row.source === source).length;
    expect(of('appearances')).toBe(interrupted.analysis.people.length);
    expect(of('mentions')).toBe(interrupted.analysis.people.reduce((sum, person) => sum + person.mentions.length, 0));
    expect(of('allegations')).toBe(interrupted.analysis.allegations.length);
  });

  test('the store asks to be kept, and reports what it holds', async ({ chromium, server }) => {
    const bbcTab = await openTab(chromium, server.url(fixturePath(bbc)));
    await bbcTab.world.send({ type: 'page/ingest', article: articleOn(server, bbc) });
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
