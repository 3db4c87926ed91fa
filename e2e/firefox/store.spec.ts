/**
 * The store in Firefox's own IndexedDB. WebDriver BiDi can neither open the extension's pages nor
 * evaluate in a content script's world, so these tests run a copy of the built extension with one
 * more content script, for the tests only: a relay that sends what the page posts to it through
 * `runtime.sendMessage`, exactly as the real content script sends its messages. The background sees
 * a content script of that tab, so it answers only about the page, and only with what a page may
 * ask: the store's own rules are what is tested.
 *
 * Not covered in Firefox: stopping the background while it stores a reading (BiDi cannot stop an event
 * page); Chromium's tests cover that.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import type { PageReadAnswer, Reply } from '../../src/messaging/contract.ts';
import type { PageView } from '../../src/store/views.ts';
import { launchFirefoxWithExtension } from '../../scripts/lib/launch.ts';
import { extensionDir } from '../../scripts/lib/paths.ts';
import { syntheticArticle } from '../../scripts/lib/synthetic-articles.ts';
import * as probe from '../../scripts/lib/page-probes.ts';
import { expect, test as base } from '../harness.ts';
import { pageOf, snapshotOf } from '../page-snapshots.ts';

const relayScript = `
window.addEventListener('message', (event) => {
  if (event.source !== window || !event.data || event.data.crosscheckRelay !== 'request') return;
  const { id, message } = event.data;
  const answer = (reply) => window.postMessage({ crosscheckRelay: 'reply', id, reply }, '*');
  browser.runtime.sendMessage(message).then(answer, (error) => answer({ ok: false, error: String(error) }));
});
`;

/** Firefox with a copy of the extension that also runs the test relay in every page. */
const test = base.extend<{ relayed: Browser }>({
  relayed: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'crosscheck-firefox-relay-'));
    cpSync(extensionDir('firefox'), dir, { recursive: true });
    writeFileSync(join(dir, 'test-relay.js'), relayScript);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      content_scripts: { matches: string[]; js: string[]; run_at?: string }[];
    };
    manifest.content_scripts.push({ matches: ['http://*/*'], js: ['test-relay.js'], run_at: 'document_start' });
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    const { browser } = await launchFirefoxWithExtension({ extensionDir: dir, headless: true });
    try {
      await use(browser);
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
});

/** Sends a message as the content script of the page would, and answers with the background's reply. */
function send<T>(page: Page, message: unknown): Promise<Reply<T>> {
  return page.evaluate(
    (request) =>
      new Promise<Reply<T>>((resolve) => {
        const id = Math.random().toString(36).slice(2);
        const listener = (event: MessageEvent<{ crosscheckRelay?: string; id?: string; reply?: Reply<T> }>) => {
          if (event.data.crosscheckRelay !== 'reply' || event.data.id !== id) return;
          removeEventListener('message', listener);
          resolve(event.data.reply as Reply<T>);
        };
        addEventListener('message', listener);
        postMessage({ crosscheckRelay: 'request', id, message: request }, '*');
      }),
    message,
  );
}

async function lookup(page: Page): Promise<PageView | null> {
  const reply = await send<PageView | null>(page, { type: 'page/lookup' });
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

async function read(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  await expect.poll(async () => (await page.evaluate(probe.highlightedWords)).person?.length ?? 0).toBeGreaterThan(0);
  // The page is stored once highlighted; the store then answers for it.
  await expect.poll(() => lookup(page)).not.toBeNull();
  return page;
}

/** The shape of what the store knows about a page, without the times that change on every reading. */
function structure(view: PageView | null) {
  return {
    people: view?.people.map((person) => [person.id, person.otherSourceCount, person.variants.length]).sort(),
    claims: view?.claims.map((claim) => [claim.id, claim.sourceCount]).sort(),
    notes: view?.notes.length,
  };
}

test('reading the two seed articles links Han Dong, Spavor and the claim across them; reading them again changes nothing', async ({
  relayed,
  server,
}) => {
  const bbc = await read(relayed, server.url('/bbc-han-dong.html'));
  const wion = await read(relayed, server.url('/wion-han-dong.html'));
  const view = await lookup(wion);
  expect(view?.source.outlet).toBe('WION');

  const hanDong = view?.people.find((person) => person.name === 'Han Dong');
  expect(hanDong?.otherSourceCount).toBe(1);
  expect(hanDong?.otherSources.map((other) => other.source.outlet)).toEqual(['BBC News']);
  const spavor = view?.people.find((person) => person.name === 'Michael Spavor');
  expect(spavor?.variants).toEqual(expect.arrayContaining(['Spavor', 'Sparov']));
  expect(spavor?.discrepancies.map((discrepancy) => discrepancy.kind)).toEqual(['name-spelling']);

  const claim = view?.claims.find(
    (summary) =>
      summary.accused.some((person) => person.id === hanDong?.id) &&
      summary.sourceCount === 2 &&
      summary.stances.includes('denied'),
  );
  expect(claim?.firstReported?.outlet).toBe('BBC News');
  const reported = view?.allegations.filter((allegation) => allegation.claim === claim?.id) ?? [];
  expect(reported.flatMap((allegation) => allegation.otherReports.map((report) => report.source.outlet))).toContain(
    'BBC News',
  );
  expect(reported.flatMap((allegation) => allegation.discrepancies.map((discrepancy) => discrepancy.kind))).toContain(
    'wording',
  );
  // From the BBC's side, the same person has the WION report as the one other source.
  expect((await lookup(bbc))?.people.find((person) => person.id === hanDong?.id)?.otherSourceCount).toBe(1);

  const before = [structure(await lookup(bbc)), structure(view)];
  for (const page of [bbc, wion]) {
    await page.reload();
    await expect.poll(async () => (await page.evaluate(probe.highlightedWords)).person?.length ?? 0).toBeGreaterThan(0);
  }
  await expect.poll(async () => [structure(await lookup(bbc)), structure(await lookup(wion))]).toEqual(before);
});

test('ten tabs reading at once lose nothing and duplicate nothing', async ({ relayed, server }) => {
  const options = { people: 40, claims: 6, peoplePerArticle: 8, seed: 11 };
  const articles = Array.from({ length: 10 }, (_, index) => syntheticArticle(index, options).article);
  // Front pages: Crosscheck's own reading stops at the article check there, so only the test writes.
  const addresses = articles.map((_, index) => server.url(`/not-an-article.html?article=${index}`));
  const tabs = await Promise.all(
    addresses.map(async (address) => {
      const page = await relayed.newPage();
      await page.goto(address);
      return page;
    }),
  );
  // Each tab's own address is the article's: no canonical link.
  const pages = articles.map((article, index) => {
    const url = addresses[index] as string;
    return { snapshot: snapshotOf(pageOf(article), url), url };
  });
  const replies = await Promise.all(
    tabs.map((page, index) =>
      send<PageReadAnswer>(page, { type: 'page/read', snapshot: (pages[index] as (typeof pages)[number]).snapshot }),
    ),
  );
  expect(replies.map((reply) => reply.ok && reply.value.store?.saved && reply.value.store.outcome)).toEqual(
    Array(10).fill('added'),
  );

  // Each person named in full is one stored person, whichever tab stored them first, and everyone
  // found is known by their name. (Which person a lone surname is linked to may depend on the order.)
  const ids = new Map<string, Set<string>>();
  const known = new Set<string>();
  for (const page of tabs) {
    for (const person of (await lookup(page))?.people ?? []) {
      ids.set(person.name, (ids.get(person.name) ?? new Set()).add(person.id));
      for (const name of [person.name, ...person.variants]) known.add(name);
    }
  }
  expect([...ids].filter(([name, of]) => name.includes(' ') && of.size > 1)).toEqual([]);
  const found = replies.flatMap((reply) =>
    reply.ok ? (reply.value.article?.analysis.people.map((person) => person.name) ?? []) : [],
  );
  expect(found.filter((name) => name.includes(' ')).length).toBeGreaterThan(10);
  expect(found.filter((name) => !known.has(name))).toEqual([]);
});

test('a page hands the store no analysis, cannot file itself under another site’s article, nor reach what only the extension’s pages may', async ({
  relayed,
  server,
}) => {
  const bbc = await read(relayed, server.url('/bbc-han-dong.html'));
  const bbcView = await lookup(bbc);
  const article = syntheticArticle(0, { people: 10, claims: 2, peoplePerArticle: 4, seed: 3 }).article;
  expect(await send(bbc, { type: 'page/ingest', article })).toMatchObject({
    ok: false,
    error: expect.stringMatching(/^malformed message/),
  });
  const evilAddress = server.url('/not-an-article.html').replace('127.0.0.1', 'localhost');
  const evil = await relayed.newPage();
  await evil.goto(evilAddress);
  const forged = pageOf(article).replace(
    '</head>',
    `<link rel="canonical" href="${String(bbcView?.source.url)}"></head>`,
  );
  const reply = await send<PageReadAnswer>(evil, { type: 'page/read', snapshot: snapshotOf(forged, evilAddress) });
  expect(reply.ok && reply.value.store?.saved && new URL(reply.value.store.view.source.url).hostname).toBe('localhost');
  expect(structure(await lookup(bbc))).toEqual(structure(bbcView));
  expect(await send(bbc, { type: 'store/search', search: { query: 'dong' } })).toMatchObject({
    ok: false,
    error: expect.stringMatching(/^malformed message/),
  });
});
