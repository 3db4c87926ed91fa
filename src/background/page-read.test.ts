// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import type { Runtime } from 'webextension-polyfill';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../scripts/lib/paths.ts';
import { type PageReadAnswer, snapshotLimits } from '../messaging/contract.ts';
import { canonicalUrl } from '../store/canonical-url.ts';
import type { NoteRecord } from '../store/records.ts';
import type { PageView } from '../store/views.ts';
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

/** A fixture read at `url` that declares `canonical` as its address, or no address. */
function declaring(name: string, url: string, canonical?: string): PageSnapshot {
  return fixtureSnapshot(name, url, (document) => {
    for (const link of document.querySelectorAll('link[rel="canonical"], meta[property="og:url"]')) link.remove();
    if (canonical) document.head.insertAdjacentHTML('beforeend', `<link rel="canonical" href="${canonical}">`);
  });
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

  describe('on a site whose writers share one domain', () => {
    /** Reads the BBC fixture as the victim's post and the WION one as a post declaring the victim's address. */
    async function claimAttempt(victim: string, attacker: string, declared = victim) {
      const { db, send } = testBackground({}, extension);
      const read = await send<PageReadAnswer>(
        { type: 'page/read', snapshot: fixtureSnapshot('bbc-han-dong.html', victim) },
        tab(victim),
      );
      const text = read.article?.analysis.text ?? '';
      const exact = 'Han Dong';
      const start = text.indexOf(exact);
      const note = await send<NoteRecord>(
        {
          type: 'page/note-create',
          target: {
            kind: 'selection',
            selectors: {
              quote: { type: 'TextQuoteSelector', exact, prefix: text.slice(start - 20, start), suffix: '' },
              position: { type: 'TextPositionSelector', start, end: start + exact.length },
            },
          },
          body: 'the reader’s own note',
          tags: [],
          colour: 'yellow',
        },
        tab(victim),
      );
      const stored = await db.sources.toArray();
      const storedNote = await db.notes.get(note.id);
      const forged = declaring('wion-han-dong.html', attacker, declared);
      const answer = await send<PageReadAnswer>({ type: 'page/read', snapshot: forged }, tab(attacker));
      return { db, send, note, storedNote, stored, answer };
    }

    it.each([
      ['substack', 'https://reporter.substack.com/p/han-dong', 'https://attacker.substack.com/p/whatever'],
      ['medium', 'https://medium.com/@reporter/han-dong-1a2b3c', 'https://medium.com/@attacker/whatever-4d5e6f'],
      ['wordpress.com', 'https://reporter.wordpress.com/2023/03/22/han-dong/', 'https://attacker.wordpress.com/x/'],
    ])('never lets one writer’s page take over another’s stored article on %s', async (_, victim, attacker) => {
      const { db, send, note, storedNote, stored, answer } = await claimAttempt(victim, attacker);
      // Filed under its own address: the victim's article, its aliases and the note on it are as they were.
      expect(answer.store?.saved && answer.store.view.source.url).toBe(canonicalUrl(attacker));
      expect(answer.store?.saved && answer.store.view.notes).toEqual([]);
      expect(await db.sources.toArray()).toEqual(expect.arrayContaining(stored));
      expect(await db.notes.get(note.id)).toEqual(storedNote);
      // The attacker's page finds only its own article, and may not change the reader's note.
      expect((await send<PageView | null>({ type: 'page/lookup' }, tab(attacker)))?.notes).toEqual([]);
      await expect(send({ type: 'page/note-delete', id: note.id }, tab(attacker))).rejects.toThrow(
        'There is no such note on this page.',
      );
      // And the victim's page still finds its own article and the note.
      const own = await send<PageView | null>({ type: 'page/lookup' }, tab(victim));
      expect(own?.source.title).toBe(stored[0]?.title);
      expect(own?.notes.map((kept) => kept.id)).toEqual([note.id]);
    });

    it('never lets a page declare the stored article’s own key either', async () => {
      const victim = 'https://reporter.substack.com/p/han-dong';
      const { db, note, storedNote, stored, answer } = await claimAttempt(
        victim,
        'https://attacker.substack.com/p/whatever',
        'https://reporter.substack.com/news/world-us-canada-han-dong',
      );
      expect(answer.store?.saved && answer.store.view.source.url).toBe('https://attacker.substack.com/p/whatever');
      expect(await db.sources.toArray()).toEqual(expect.arrayContaining(stored));
      expect(await db.notes.get(note.id)).toEqual(storedNote);
    });

    it('lets a copy of the very text join the article, but not rename it', async () => {
      const { db, send } = testBackground({}, extension);
      const victim = 'https://medium.com/@reporter/han-dong-1a2b3c';
      const copy = 'https://medium.com/@attacker/whatever-4d5e6f';
      await send({ type: 'page/read', snapshot: declaring('bbc-han-dong.html', victim) }, tab(victim));
      const stored = await db.sources.get(victim);
      const retitled = declaring('bbc-han-dong.html', copy, victim);
      // Its head names another title, outlet and author; its text is the article's, word for word.
      const [head = '', body = ''] = retitled.html.split('</head>');
      retitled.html = `${head.replaceAll('Han Dong: Canadian MP leaves Liberal caucus', 'RETRACTED').replaceAll('BBC News', 'Hoax Weekly')}</head>${body}`;
      const answer = await send<PageReadAnswer>({ type: 'page/read', snapshot: retitled }, tab(copy));
      expect(answer.store?.saved && answer.store.outcome).toBe('unchanged');
      expect(await db.sources.toArray()).toEqual([
        { ...stored, aliases: [victim, copy], copies: [copy], lastRead: expect.any(Number) as number },
      ]);
    });

    it('takes back an article another page claimed before it was first read', async () => {
      const { db, send } = testBackground({}, extension);
      const victim = 'https://reporter.substack.com/p/han-dong';
      const attacker = 'https://attacker.substack.com/p/whatever';
      await send({ type: 'page/read', snapshot: declaring('wion-han-dong.html', attacker, victim) }, tab(attacker));
      const answer = await send<PageReadAnswer>(
        { type: 'page/read', snapshot: declaring('bbc-han-dong.html', victim) },
        tab(victim),
      );
      expect(answer.store?.saved && answer.store.view.source).toMatchObject({ url: victim, outlet: 'BBC News' });
      expect((await db.sources.get(victim))?.aliases).toEqual([victim]);
      expect(await send({ type: 'page/lookup' }, tab(attacker))).toBeNull();
    });
  });

  describe('files the variants of one article together', () => {
    const www = 'https://www.cnn.com/2023/03/22/politics/han-dong';
    const edition = 'https://edition.cnn.com/2023/03/22/politics/han-dong';

    it.each([
      ['the article first', [www, edition]],
      ['the variant first', [edition, www]],
    ])('on another host of the site, reading %s', async (_, order) => {
      const { db, send } = testBackground({}, extension);
      for (const url of [...order, ...order]) {
        const answer = await send<PageReadAnswer>(
          { type: 'page/read', snapshot: declaring('bbc-han-dong.html', url, www) },
          tab(url),
        );
        expect(answer.store?.saved && answer.store.view.source.url).toBe(canonicalUrl(www));
      }
      expect(await db.sources.count()).toBe(1);
    });

    it('under the address a page starts declaring later', async () => {
      const { send } = testBackground({}, extension);
      const page = 'https://news.example.org/2023/03/22/story';
      const declared = 'https://news.example.org/politics/han-dong';
      await send({ type: 'page/read', snapshot: declaring('wion-han-dong.html', page) }, tab(page));
      await send({ type: 'page/read', snapshot: declaring('wion-han-dong.html', page, declared) }, tab(page));
      expect((await send<PageView | null>({ type: 'page/lookup' }, tab(page)))?.source.url).toBe(declared);
    });
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
