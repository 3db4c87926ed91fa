// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../scripts/lib/paths.ts';
import type { ArticleInput, DocumentAnalysis } from '../analysis/types.ts';
import {
  articleContentLimits,
  articleLimits,
  pageElementLimits,
  pageTextLimits,
  tooLongMessage,
} from '../messaging/snapshot-limits.ts';
import { type NativeSnapshot, type PageSnapshot, takeNativeSnapshot, takeSnapshot } from '../page/page-snapshot.ts';
import { parsePage } from './parsed-page.ts';
import { nestedTooDeeply, readArticle } from './read-article.ts';
import { snapshotElementCount, snapshotTextLength } from './snapshot-size.ts';
import { blockSeparator } from './text-runs.ts';

const url = 'http://127.0.0.1:8127/bbc-han-dong.html';

function bbcDocument(): Document {
  return new JSDOM(readFileSync(join(fixturesDir, 'bbc-han-dong.html'), 'utf8'), { url }).window.document;
}

/** The BBC fixture with `extra` characters of words added to its last paragraph. */
function snapshotWith(extra: number): PageSnapshot {
  const document = bbcDocument();
  const last = [...document.querySelectorAll('article p')].at(-1) as Element;
  last.append(document.createTextNode(' Ottawa'.repeat(Math.ceil(extra / 7)).slice(0, extra)));
  return takeSnapshot(document).snapshot;
}

function nativeSnapshotOf(document: Document, area: Element | null = null): NativeSnapshot {
  const taken = takeNativeSnapshot(document, area);
  if (!taken) throw new Error('no native snapshot of this document');
  return taken.snapshot;
}

/** The BBC fixture with comments after the article, `length` characters of them in all. */
function withComments(length: number): Document {
  const document = bbcDocument();
  const comments = document.createElement('section');
  const comment = 'I read this in the Globe too, and the dates there do not match the ones given here. ';
  for (let written = 0; written < length; written += comment.length * 10) {
    const paragraph = document.createElement('p');
    paragraph.textContent = comment.repeat(10);
    comments.append(paragraph);
  }
  document.body.append(comments);
  return document;
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

describe('readArticle and the limit on a page’s text', () => {
  it('refuses a page with more text than it parses in reasonable time, before parsing it, in so many words', async () => {
    const { inputs, analyse } = recordingAnalysis();
    const { snapshot } = takeSnapshot(withComments(pageTextLimits.length));
    const reading = await readArticle(snapshot, url, { analyse });
    expect(reading.article).toBeNull();
    expect(reading.tooLong).toEqual({ length: snapshot.html.length, limit: pageTextLimits.length, of: 'page' });
    expect(reading.timings.extractMs).toBe(0);
    expect(inputs).toHaveLength(0);
    expect(tooLongMessage({ length: 1_796_811, limit: 1_000_000, of: 'page' })).toBe(
      'This page is too large for Crosscheck to read: 1,796,811 characters of text, the limit is 1,000,000.',
    );
  });

  it('counts a native snapshot’s text without the scripts taken out of it, and reads the page below the limit', async () => {
    const document = withComments(100_000);
    const script = document.createElement('script');
    script.textContent = `window.comments = ${JSON.stringify('x'.repeat(pageTextLimits.length))};`;
    document.body.append(script);
    const { analyse } = recordingAnalysis();
    const snapshot = nativeSnapshotOf(document);
    expect(snapshot.lengths.reduce((sum, length) => sum + length, 0)).toBeGreaterThan(pageTextLimits.length);
    const reading = await readArticle(snapshot, url, { analyse });
    expect(reading.tooLong).toBeUndefined();
    expect(reading.article?.analysis.text).toContain('Mr Dong has denied the allegations against him.');
  });

  it('counts the text its markup holds, not what the page says it took out of it', async () => {
    const honest = nativeSnapshotOf(withComments(pageTextLimits.length));
    const pageText = snapshotTextLength(honest);
    expect(pageText).toBeGreaterThan(pageTextLimits.length);
    // Removals the reading never meets are taken for script text inside comments, as a page may send.
    const forged = { ...honest, removed: [0, pageText - 1000] };
    expect(snapshotTextLength(forged)).toBeLessThan(pageTextLimits.length);
    const { inputs, analyse } = recordingAnalysis();
    const reading = await readArticle(forged, url, { analyse });
    expect(reading.article).toBeNull();
    expect(reading.tooLong).toEqual({ length: pageText, limit: pageTextLimits.length, of: 'page' });
    expect(inputs).toHaveLength(0);
  });

  it('finds no article, without parsing, in a declared article area with too little text for one', async () => {
    const document = bbcDocument();
    const area = document.createElement('article');
    area.textContent = 'Han Dong quits the Liberal Party.';
    document.body.replaceChildren(area);
    const reading = await readArticle(nativeSnapshotOf(document, area), url, recordingAnalysis());
    expect(reading).toEqual({ article: null, timings: { extractMs: 0, analyseMs: 0 } });
  });
});

describe('readArticle and the limits on what one article brings to the store', () => {
  /** An analysis naming `people` people and finding `allegations` allegations (their shapes do not matter here). */
  function crowded(people: number, allegations: number) {
    function* analyse(input: ArticleInput): Generator<void, DocumentAnalysis> {
      yield;
      const text = input.blocks.map((block) => block.text).join(blockSeparator);
      return {
        text,
        blocks: [],
        people: Array.from({ length: people }, () => ({}) as DocumentAnalysis['people'][number]),
        groups: [],
        allegations: Array.from({ length: allegations }, () => ({}) as DocumentAnalysis['allegations'][number]),
      };
    }
    return { analyse };
  }

  it('keeps an article at the limits, and refuses one over either, in so many words, before anything is stored', async () => {
    const { people, allegations } = articleContentLimits;
    expect((await readArticle(snapshotWith(0), url, crowded(people, allegations))).article).not.toBeNull();
    const tooMany = await readArticle(snapshotWith(0), url, crowded(people + 1, 0));
    expect(tooMany.article).toBeNull();
    expect(tooMany.tooLong).toEqual({ length: people + 1, limit: people, of: 'people' });
    expect(tooLongMessage({ length: 2_450, limit: 500, of: 'people' })).toBe(
      'This article names too many people for Crosscheck to keep: 2,450, the limit is 500.',
    );
    const tooManyClaims = await readArticle(snapshotWith(0), url, crowded(1, allegations + 1));
    expect(tooManyClaims.tooLong).toEqual({ length: allegations + 1, limit: allegations, of: 'allegations' });
  });
});

describe('readArticle and the limit on a page’s markup', () => {
  /** The BBC fixture with empty elements added after the article, up to `elements` in its snapshot. */
  function withElements(elements: number, take: (document: Document) => PageSnapshot | NativeSnapshot) {
    const document = bbcDocument();
    const filler = document.createElement('div');
    document.body.append(filler);
    const missing = elements - snapshotElementCount(take(document));
    for (let added = 0; added < missing; added++) filler.append(document.createElement('span'));
    return take(document);
  }
  const written = (document: Document) => takeSnapshot(document).snapshot;
  const native = (document: Document) => nativeSnapshotOf(document);

  it('counts the written snapshot’s elements exactly, and the browser’s serialisation’s at least as many as parse', () => {
    const document = bbcDocument();
    const noscript = document.createElement('noscript');
    noscript.textContent = '<img src="/pixel.gif"> <p>Turn scripts on</p>';
    document.body.append(noscript);
    const { snapshot } = takeSnapshot(document);
    const parsed = parsePage(snapshot.html, url).document;
    expect(snapshotElementCount(snapshot)).toBe(parsed.getElementsByTagName('*').length);
    const serialised = nativeSnapshotOf(document);
    const browserParsed = new DOMParser().parseFromString(
      serialised.before + serialised.markup + serialised.after,
      'text/html',
    );
    expect(snapshotElementCount(serialised)).toBeGreaterThanOrEqual(browserParsed.querySelectorAll('*').length);
  });

  it.each([
    ['written', written],
    ['native', native],
  ])(
    'reads a %s snapshot of exactly the limit and refuses one more, before parsing, in so many words',
    async (_, take) => {
      const atLimit = withElements(pageElementLimits.count, take);
      expect(snapshotElementCount(atLimit)).toBe(pageElementLimits.count);
      const read = await readArticle(atLimit, url, recordingAnalysis());
      expect(read.tooLong).toBeUndefined();
      expect(read.article?.analysis.text).toContain('Mr Dong has denied the allegations against him.');

      const { inputs, analyse } = recordingAnalysis();
      const reading = await readArticle(withElements(pageElementLimits.count + 1, take), url, { analyse });
      expect(reading).toEqual({
        article: null,
        tooLong: { length: pageElementLimits.count + 1, limit: pageElementLimits.count, of: 'markup' },
        timings: { extractMs: 0, analyseMs: 0 },
      });
      expect(inputs).toHaveLength(0);
    },
  );

  it('counts the elements a forged native snapshot puts after the article area, which are parsed all the same', async () => {
    const honest = nativeSnapshotOf(bbcDocument());
    const filler = '<div>' + '<p></p>'.repeat(pageElementLimits.count) + '</div>';
    const forged = { ...honest, after: filler + honest.after };
    const { inputs, analyse } = recordingAnalysis();
    const reading = await readArticle(forged, url, { analyse });
    expect(reading.tooLong).toEqual({
      length: snapshotElementCount(honest) + pageElementLimits.count + 1,
      limit: pageElementLimits.count,
      of: 'markup',
    });
    expect(inputs).toHaveLength(0);
  });

  it('refuses markup nested too deeply for the parser, in so many words, under the element limit', async () => {
    const levels = pageElementLimits.count - 10;
    const snapshot: PageSnapshot = {
      html: `<html><head></head><body>${'<div>'.repeat(levels)}hello world${'</div>'.repeat(levels)}</body></html>`,
      texts: 1,
      scoped: false,
    };
    expect(snapshotElementCount(snapshot)).toBeLessThanOrEqual(pageElementLimits.count);
    const { inputs, analyse } = recordingAnalysis();
    await expect(readArticle(snapshot, url, { analyse })).rejects.toThrow(nestedTooDeeply);
    expect(inputs).toHaveLength(0);
  });

  it('says what was refused', () => {
    expect(tooLongMessage({ length: 48_211, limit: 10_000, of: 'markup' })).toBe(
      'This page is too large for Crosscheck to read: 48,211 elements, the limit is 10,000.',
    );
  });
});

describe('readArticle while finding the article', () => {
  it('lets other tasks run between the rewrite, the parses and Readability, and stops there once aborted', async () => {
    const { inputs, analyse } = recordingAnalysis();
    let turnsBeforeAnalysis = 0;
    let reading = true;
    const neighbour = () => {
      if (inputs.length === 0) turnsBeforeAnalysis++;
      if (reading) setTimeout(neighbour, 0);
    };
    setTimeout(neighbour, 0);
    const document = withComments(100_000);
    await readArticle(nativeSnapshotOf(document), url, { analyse });
    reading = false;
    // A pause before each parse, before Readability and after it, and then the analysis's first.
    expect(turnsBeforeAnalysis).toBeGreaterThanOrEqual(5);

    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('no longer wanted')), 0);
    const aborted = recordingAnalysis();
    await expect(
      readArticle(takeSnapshot(document).snapshot, url, { analyse: aborted.analyse, signal: controller.signal }),
    ).rejects.toThrow('no longer wanted');
    expect(aborted.inputs).toHaveLength(0);
  });
});
