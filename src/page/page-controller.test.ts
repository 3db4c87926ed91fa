// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixturesDir } from '../../scripts/lib/paths.ts';
import type { ArticleInput, DocumentAnalysis } from '../analysis/types.ts';
import type { PageRequest } from '../messaging/contract.ts';
import { readArticle } from '../extraction/read-article.ts';
import type { HighlightMode } from '../settings.ts';
import type { SendToStore } from './article-session.ts';
import { PageController } from './page-controller.ts';
import { cardViewFromSources } from './hover-card/test-support.ts';
import { liveRange } from './text-map.ts';

beforeAll(() => {
  vi.stubGlobal('Highlight', class extends Set<AbstractRange> {});
  vi.stubGlobal('CSS', { highlights: new Map() });
});

const highlightNames = () => [...(CSS.highlights as unknown as Map<string, Set<StaticRange>>).keys()];
const personWords = () =>
  [...((CSS.highlights as unknown as Map<string, Set<StaticRange>>).get('crosscheck-person') ?? [])].map((range) =>
    liveRange(range).toString(),
  );

/** A stand-in for the engine: every "Han Dong" is a person. */
function* analyse(input: ArticleInput): Generator<void, DocumentAnalysis> {
  yield; // one step, where the engine takes many
  const text = input.blocks.map((block) => block.text).join('\n\n');
  const mentions = [...text.matchAll(/Han Dong|Han Tao|Sparov/g)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    text: match[0],
    form: 'full' as const,
  }));
  return {
    text,
    blocks: [],
    groups: [],
    allegations: [],
    people: [{ id: 'p1', name: 'Han Dong', role: 'subject', mentions, variants: [], titles: [] }],
  };
}

function load(fixture: string) {
  const html = readFileSync(join(fixturesDir, fixture), 'utf8');
  document.documentElement.innerHTML = html.replace(/^<!doctype html>\s*<html[^>]*>/i, '').replace(/<\/html>\s*$/, '');
}

let sent: PageRequest[];
let mode: HighlightMode;
let page: PageController;
const send: SendToStore = (request) => {
  sent.push(request);
  if (request.type === 'page/hello') return Promise.resolve({ mode } as never);
  // The background's reading, run here; its store is elsewhere.
  if (request.type === 'page/read') {
    const store = { saved: false, problem: 'the store is elsewhere' };
    return readArticle(request.snapshot, document.URL, { analyse }).then((reading) => ({ ...reading, store }) as never);
  }
  return Promise.reject(new Error('the store is elsewhere'));
};

beforeEach(() => {
  (CSS.highlights as unknown as Map<string, unknown>).clear();
  history.replaceState({}, '', '/news/han-dong');
  sent = [];
  mode = 'auto';
});
afterEach(() => page.stop());

describe('PageController', () => {
  it('reads a page the browser prerenders only once the reader opens it', async () => {
    load('bbc-han-dong.html');
    Object.defineProperty(document, 'prerendering', { value: true, configurable: true });
    try {
      page = new PageController(document, { send, cardView: cardViewFromSources(document) });
      const started = page.start();
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(sent).toEqual([]);
      expect(page.page.isArticle).toBe(false);

      Object.defineProperty(document, 'prerendering', { value: false, configurable: true });
      document.dispatchEvent(new Event('prerenderingchange'));
      await started;
      expect(sent.map((request) => request.type)).toEqual(['page/hello', 'page/read']);
      expect(personWords()).toContain('Han Dong');
    } finally {
      Reflect.deleteProperty(document, 'prerendering');
    }
  });

  it('highlights an article straight away when the reader’s mode is automatic', async () => {
    load('bbc-han-dong.html');
    page = new PageController(document, { send, cardView: cardViewFromSources(document) });
    await page.start();
    expect(page.mode).toBe('auto');
    expect(personWords()).toContain('Han Dong');
    expect(page.state).toMatchObject({ shown: true, session: { state: 'highlighted', people: 1 } });
    expect(page.state.mainThread.articleCheckMs).toBeGreaterThan(0);
  });

  it('counts the content script’s evaluation, from its first module to the start, as its own work', async () => {
    load('not-an-article.html');
    page = new PageController(document, { send, cardView: cardViewFromSources(document) }, performance.now() - 5);
    await page.start();
    const { mainThread } = page.state;
    expect(mainThread.scriptEvaluationMs).toBeGreaterThanOrEqual(5);
    expect(mainThread.busyMs).toBeGreaterThanOrEqual(mainThread.scriptEvaluationMs + mainThread.articleCheckMs);
  });

  it('counts handing the settings request to the browser as its own work, and not the wait for the answer', async () => {
    load('wion-han-dong.html');
    mode = 'on-demand';
    const slowToHand: SendToStore = (request) => {
      const handedAt = performance.now() + 4;
      while (performance.now() < handedAt);
      return new Promise((resolve) => setTimeout(resolve, 40)).then(() => send(request));
    };
    page = new PageController(
      document,
      { send: slowToHand, cardView: cardViewFromSources(document) },
      performance.now(),
    );
    await page.start();
    const { busyMs, scriptEvaluationMs, articleCheckMs } = page.state.mainThread;
    expect(sent.map((request) => request.type)).toEqual(['page/hello']);
    expect(busyMs - scriptEvaluationMs - articleCheckMs).toBeGreaterThanOrEqual(4);
    expect(busyMs - scriptEvaluationMs - articleCheckMs).toBeLessThan(40);
  });

  it('does nothing past the article check on a page that is not an article', async () => {
    load('not-an-article.html');
    page = new PageController(document, { send, cardView: cardViewFromSources(document) });
    await page.start();
    expect(sent).toEqual([]);
    expect(highlightNames()).toEqual([]);
    expect(page.page.isArticle).toBe(false);
  });

  it('waits for the reader in on-demand mode, and toggles on request', async () => {
    load('wion-han-dong.html');
    mode = 'on-demand';
    page = new PageController(document, { send, cardView: cardViewFromSources(document) });
    await page.start();
    expect(highlightNames()).toEqual([]);
    expect((await page.highlights('toggle')).shown).toBe(true);
    expect(personWords()).toContain('Han Tao');
    expect((await page.highlights('toggle')).shown).toBe(false);
    expect(highlightNames()).toEqual([]);
  });

  it('stops and removes every highlight when the reader switches the site off', async () => {
    load('bbc-han-dong.html');
    page = new PageController(document, { send, cardView: cardViewFromSources(document) });
    await page.start();
    mode = 'off';
    await page.settingsChanged();
    expect(page.state.shown).toBe(false);
    expect(highlightNames()).toEqual([]);
  });

  it.each([
    ['from a front page', 'not-an-article.html', ['page/hello', 'page/read']],
    ['from another article', 'bbc-han-dong.html', ['page/hello', 'page/read', 'page/hello', 'page/read']],
  ])('starts a new source when a single-page site moves to an article %s', async (_, first, requests) => {
    load(first);
    page = new PageController(document, { send, cardView: cardViewFromSources(document) });
    await page.start();
    expect(personWords()).not.toContain('Sparov');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      // The site swaps in an article and changes its address and head, as a router does.
      const article = new DOMParser().parseFromString(
        readFileSync(join(fixturesDir, 'wion-han-dong.html'), 'utf8'),
        'text/html',
      );
      history.pushState({}, '', '/world/han-dong');
      document.head.replaceChildren(...[...article.head.childNodes].map((node) => document.importNode(node, true)));
      document.body.replaceChildren(...[...article.body.childNodes].map((node) => document.importNode(node, true)));
      // Time passes (the observer's quiet period, then the work's pauses) until the page is read again.
      for (let waited = 0; waited < 5000 && !personWords().includes('Sparov'); waited += 50) {
        await vi.advanceTimersByTimeAsync(50);
      }
      expect(personWords()).toContain('Sparov');
      expect(sent.map((request) => request.type)).toEqual(requests);
    } finally {
      vi.useRealTimers();
    }
  });
});
