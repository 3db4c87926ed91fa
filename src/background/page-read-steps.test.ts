// @vitest-environment jsdom
/**
 * page/read over a long article: the background reads it a step at a time and answers other
 * messages meanwhile, and a tab's newer reading takes the place of the one under way.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import type { Runtime } from 'webextension-polyfill';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fixturesDir } from '../../scripts/lib/paths.ts';
import type * as NameFinder from '../analysis/names/find-person-names.ts';
import type { PageReadAnswer } from '../messaging/contract.ts';
import { type PageSnapshot, takeSnapshot } from '../page/page-snapshot.ts';
import { supersededReading } from './tab-readings.ts';
import { testBackground } from './test-support.ts';

/** How many pieces of text the name finder has read: how far the analyses under way have come. */
const progress = vi.hoisted(() => ({ pieces: 0 }));
vi.mock('../analysis/names/find-person-names.ts', async (original) => {
  const module = await original<typeof NameFinder>();
  return {
    ...module,
    findPersonNames: (...args: Parameters<typeof module.findPersonNames>) => {
      progress.pieces++;
      return module.findPersonNames(...args);
    },
  };
});
beforeEach(() => {
  progress.pieces = 0;
});

const extension = { id: 'crosscheck-id', origin: 'chrome-extension://crosscheck-id/' };
const inTab = (id: number, url: string): Runtime.MessageSender => ({
  id: extension.id,
  url,
  tab: { id, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
});
const bbc = 'http://127.0.0.1:8127/bbc-han-dong.html';
const wion = 'http://127.0.0.1:8127/wion-han-dong.html';

/** A fixture's snapshot, its article's paragraphs repeated `times` over (a long article of the same story). */
function snapshotOf(name: string, url: string, times = 1): PageSnapshot {
  const { document } = new JSDOM(readFileSync(join(fixturesDir, name), 'utf8'), { url }).window;
  const paragraphs = [...document.querySelectorAll('article p')];
  const last = paragraphs.at(-1) as Element;
  for (let copy = 1; copy < times; copy++) last.after(...paragraphs.map((paragraph) => paragraph.cloneNode(true)));
  return takeSnapshot(document).snapshot;
}

describe('page/read of a long article', () => {
  it('answers other messages while the article is being read', async () => {
    const { send } = testBackground({}, extension);
    const long = snapshotOf('bbc-han-dong.html', bbc, 30);
    const reading = send<PageReadAnswer>({ type: 'page/read', snapshot: long }, inTab(3, bbc));
    // Another tab's message, arriving as the browser delivers messages: in a task of its own.
    const piecesWhenAnswered = await new Promise<number>((resolve, reject) => {
      setTimeout(() => {
        send<{ mode: string }>({ type: 'page/hello' }, inTab(4, wion)).then(() => resolve(progress.pieces), reject);
      }, 0);
    });
    const answer = await reading;
    expect(answer.article?.analysis.text.length).toBeGreaterThan(30_000);
    expect(answer.store?.saved).toBe(true);
    const allPieces = progress.pieces;
    expect(allPieces).toBeGreaterThan(10);
    // Answered within the first steps of the analysis, not after it.
    expect(piecesWhenAnswered).toBeLessThan(allPieces / 2);
  });

  it('drops a reading when the same tab sends a newer one: it writes nothing, and its sender is told why', async () => {
    const { db, send } = testBackground({}, extension);
    const newerSnapshot = snapshotOf('wion-han-dong.html', wion);
    await testBackground({}, extension).send({ type: 'page/read', snapshot: newerSnapshot }, inTab(3, wion));
    const newerPieces = progress.pieces;
    progress.pieces = 0;
    const older = send<PageReadAnswer>(
      { type: 'page/read', snapshot: snapshotOf('bbc-han-dong.html', bbc, 30) },
      inTab(3, bbc),
    );
    const olderOutcome = older.then(
      () => 'stored',
      (error: unknown) => (error instanceof Error ? error.message : 'not an error'),
    );
    // Once the older reading is under way, the tab moves on to another article.
    await vi.waitFor(() => expect(progress.pieces).toBeGreaterThan(0), { interval: 0 });
    const piecesBefore = progress.pieces;
    const newer = await send<PageReadAnswer>({ type: 'page/read', snapshot: newerSnapshot }, inTab(3, wion));
    expect(newer.store?.saved).toBe(true);
    expect(await olderOutcome).toBe(supersededReading);
    // The older one (30 copies of the article's text) stopped: every piece read since is the newer one's.
    expect(progress.pieces - piecesBefore).toBe(newerPieces);
    expect((await db.sources.toArray()).map((source) => source.outlet)).toEqual(['WION']);
  });

  it('lets another tab’s reading run beside it', async () => {
    const { db, send } = testBackground({}, extension);
    const [first, second] = await Promise.all([
      send<PageReadAnswer>({ type: 'page/read', snapshot: snapshotOf('bbc-han-dong.html', bbc) }, inTab(3, bbc)),
      send<PageReadAnswer>({ type: 'page/read', snapshot: snapshotOf('wion-han-dong.html', wion) }, inTab(4, wion)),
    ]);
    expect([first.store?.saved, second.store?.saved]).toEqual([true, true]);
    expect(await db.sources.count()).toBe(2);
  });
});
