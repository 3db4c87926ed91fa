// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import type { Runtime } from 'webextension-polyfill';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../scripts/lib/paths.ts';
import { type PageReadAnswer, snapshotLimits } from '../messaging/contract.ts';
import { type PageSnapshot, takeSnapshot } from '../page/page-snapshot.ts';
import { testBackground } from './test-support.ts';

const extension = { id: 'crosscheck-id', origin: 'chrome-extension://crosscheck-id/' };
const tab = (url: string): Runtime.MessageSender => ({
  id: extension.id,
  url,
  tab: { id: 3, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
});

function fixtureSnapshot(
  name: string,
  url: string,
  change: (document: Document) => void = () => undefined,
): PageSnapshot {
  const html = readFileSync(join(fixturesDir, name), 'utf8');
  const { document } = new JSDOM(html, { url }).window;
  change(document);
  return takeSnapshot(document).snapshot;
}

describe('page/read', () => {
  it('reads, analyses and stores the page in the background, and answers with what the page paints', async () => {
    const { db, send } = testBackground({}, extension);
    const bbc = 'http://127.0.0.1:8127/bbc-han-dong.html';
    const wion = 'http://127.0.0.1:8127/wion-han-dong.html';
    await send<PageReadAnswer>({ type: 'page/read', snapshot: fixtureSnapshot('bbc-han-dong.html', bbc) }, tab(bbc));
    const answer = await send<PageReadAnswer>(
      { type: 'page/read', snapshot: fixtureSnapshot('wion-han-dong.html', wion) },
      tab(wion),
    );
    const article = answer.article;
    expect(article?.analysis.people.map((person) => person.name)).toContain('Han Dong');
    // Every run points into the snapshot's texts and covers text of the analysis.
    expect(article?.runs.every((run) => run.end > run.start && run.node >= 0)).toBe(true);
    expect(answer.timings.extractMs).toBeGreaterThan(0);
    expect(answer.store?.saved).toBe(true);
    const view = answer.store?.saved ? answer.store.view : null;
    expect(view?.people.find((person) => person.name === 'Han Dong')?.otherSources[0]?.source.outlet).toBe('BBC News');
    expect(await db.sources.count()).toBe(2);
  });

  it('files a page under its own site, whatever article its canonical link claims to be', async () => {
    const { db, send } = testBackground({}, extension);
    const bbc = 'http://127.0.0.1:8127/bbc-han-dong.html';
    await send({ type: 'page/read', snapshot: fixtureSnapshot('bbc-han-dong.html', bbc) }, tab(bbc));
    const before = await db.sources.toArray();
    const evil = 'https://evil.example/copy';
    const forged = fixtureSnapshot('wion-han-dong.html', evil, (document) => {
      for (const link of document.querySelectorAll('link[rel="canonical"]')) link.remove();
      document.head.insertAdjacentHTML('beforeend', `<link rel="canonical" href="${before[0]?.url}">`);
    });
    const answer = await send<PageReadAnswer>({ type: 'page/read', snapshot: forged }, tab(evil));
    expect(answer.store?.saved && answer.store.view.source.url).toBe(evil);
    expect(await db.sources.toArray()).toEqual(expect.arrayContaining(before));
    expect(await db.sources.count()).toBe(2);
  });

  it('answers a page with no article with nothing, and stores nothing', async () => {
    const { db, send } = testBackground({}, extension);
    const url = 'http://127.0.0.1:8127/not-an-article.html';
    const answer = await send<PageReadAnswer>(
      {
        type: 'page/read',
        snapshot: { html: '<html><head></head><body><nav></nav></body></html>', texts: 0, scoped: false },
      },
      tab(url),
    );
    expect(answer).toMatchObject({ article: null, store: null });
    expect(await db.sources.count()).toBe(0);
  });

  it.each([
    [
      'a snapshot over the size limit',
      { html: 'x'.repeat(snapshotLimits.length + 1), texts: 0, scoped: false },
      /too large/,
    ],
    ['a count that is not a count', { html: '<html></html>', texts: -1, scoped: false }, /malformed message/],
    ['no snapshot', undefined, /malformed message/],
    ['markup that does not parse', { html: '<html><body><p>open', texts: 1, scoped: false }, /does not parse/],
    [
      'a count that does not match the texts',
      { html: '<html><body><p>a</p></body></html>', texts: 2, scoped: false },
      /not the 2/,
    ],
  ])('refuses %s with a clear message, writing nothing', async (_, snapshot, message) => {
    const { db, send } = testBackground({}, extension);
    await expect(send({ type: 'page/read', snapshot }, tab('https://example.org/a'))).rejects.toThrow(message);
    expect(await db.sources.count()).toBe(0);
  });
});
