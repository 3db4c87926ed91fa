// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../scripts/lib/paths.ts';
import type { ArticleInput, DocumentAnalysis } from '../analysis/types.ts';
import { articleLimits, tooLongMessage } from '../messaging/snapshot-limits.ts';
import { type PageSnapshot, takeSnapshot } from '../page/page-snapshot.ts';
import { readArticle } from './read-article.ts';
import { blockSeparator } from './text-runs.ts';

const url = 'http://127.0.0.1:8127/bbc-han-dong.html';

/** The BBC fixture with `extra` characters of words added to its last paragraph. */
function snapshotWith(extra: number): PageSnapshot {
  const { document } = new JSDOM(readFileSync(join(fixturesDir, 'bbc-han-dong.html'), 'utf8'), { url }).window;
  const last = [...document.querySelectorAll('article p')].at(-1) as Element;
  last.append(document.createTextNode(' Ottawa'.repeat(Math.ceil(extra / 7)).slice(0, extra)));
  return takeSnapshot(document).snapshot;
}

/** A stand-in for the engine that only notes what it was given, in `steps` steps. */
function recordingAnalysis(steps = 1) {
  const inputs: ArticleInput[] = [];
  function* analyse(input: ArticleInput): Generator<void, DocumentAnalysis> {
    inputs.push(input);
    for (let step = 1; step < steps; step++) yield;
    const text = input.blocks.map((block) => block.text).join(blockSeparator);
    return { text, blocks: [], people: [], groups: [], allegations: [] };
  }
  return { inputs, analyse };
}

describe('readArticle and the limit on an article’s length', () => {
  const base = recordingAnalysis();
  const fixtureLength = async () => (await readArticle(snapshotWith(0), url, base)).article?.analysis.text.length ?? 0;

  it('reads an article of exactly the limit', async () => {
    const room = articleLimits.length - (await fixtureLength());
    const { inputs, analyse } = recordingAnalysis();
    const reading = await readArticle(snapshotWith(room), url, { analyse });
    expect(reading.tooLong).toBeUndefined();
    expect(reading.article?.analysis.text.length).toBe(articleLimits.length);
    expect(inputs).toHaveLength(1);
  });

  it('refuses an article one character over it, in so many words, without analysing it', async () => {
    const room = articleLimits.length - (await fixtureLength());
    const { inputs, analyse } = recordingAnalysis();
    const reading = await readArticle(snapshotWith(room + 1), url, { analyse });
    expect(reading.article).toBeNull();
    expect(reading.tooLong).toEqual({ length: articleLimits.length + 1, limit: articleLimits.length });
    expect(inputs).toHaveLength(0);
    expect(tooLongMessage(reading.tooLong ?? { length: 0, limit: 0 })).toBe(
      'This article is too long for Crosscheck to read: 300,001 characters, the limit is 300,000.',
    );
  });
});

describe('readArticle a step at a time', () => {
  it('lets other tasks run between its steps, and does not count their time as its own', async () => {
    const busy = (ms: number) => {
      const start = performance.now();
      while (performance.now() - start < ms);
      return performance.now() - start;
    };
    // Twenty steps of 2 ms each, beside another piece of work in tasks of its own, 30 ms each.
    let stepsDone = 0;
    function* analyse(input: ArticleInput): Generator<void, DocumentAnalysis> {
      for (; stepsDone < 20; stepsDone++) {
        busy(2);
        yield;
      }
      return {
        text: input.blocks.map((block) => block.text).join(blockSeparator),
        blocks: [],
        people: [],
        groups: [],
        allegations: [],
      };
    }
    const seenByNeighbour: number[] = [];
    let reading = true;
    let neighbourMs = 0;
    const neighbour = () => {
      seenByNeighbour.push(stepsDone);
      neighbourMs += busy(30);
      if (reading) setTimeout(neighbour, 0);
    };
    setTimeout(neighbour, 0);
    const answer = await readArticle(snapshotWith(0), url, { analyse });
    reading = false;
    expect(seenByNeighbour.some((steps) => steps > 0 && steps < 20)).toBe(true);
    expect(answer.timings.analyseMs).toBeGreaterThanOrEqual(40);
    expect(answer.timings.analyseMs).toBeLessThan(neighbourMs);
  });

  it('stops at its next pause once its signal is aborted, with the signal’s reason', async () => {
    const { analyse } = recordingAnalysis(20);
    const controller = new AbortController();
    const reading = readArticle(snapshotWith(0), url, { analyse, signal: controller.signal });
    controller.abort(new Error('no longer wanted'));
    await expect(reading).rejects.toThrow('no longer wanted');
  });
});
