// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixturesDir } from '../../scripts/lib/paths.ts';
import type { ArticleInput, DocumentAnalysis } from '../analysis/types.ts';
import { describeSpan } from '../anchoring/describe.ts';
import type { PageRequest } from '../messaging/contract.ts';
import { readArticle } from '../extraction/read-article.ts';
import type { NoteRecord } from '../store/records.ts';
import type { PageView } from '../store/views.ts';
import { ArticleSession, type SendToStore } from './article-session.ts';
import { MainThreadMeter } from './main-thread.ts';
import { cardViewFromSources } from './hover-card/test-support.ts';
import { liveRange } from './text-map.ts';

// jsdom has no CSS Custom Highlight API: a registry with the same shape stands in for the browser's.
beforeAll(() => {
  class TestHighlight extends Set<AbstractRange> {
    priority = 0;
  }
  vi.stubGlobal('Highlight', TestHighlight);
  vi.stubGlobal('CSS', { highlights: new Map<string, TestHighlight>() });
});

const registry = () => CSS.highlights as unknown as Map<string, Set<StaticRange>>;
const painted = (layer: string) =>
  [...(registry().get(`crosscheck-${layer}`) ?? [])].map((range) => liveRange(range).toString());

/**
 * A stand-in for the analysis engine: it finds "Han Dong"/"Mr Dong" and the sentence that accuses
 * him, as the engine would, so the session's own work can be tested apart from the engine's.
 */
function* analyse(input: ArticleInput): Generator<void, DocumentAnalysis> {
  yield; // one step, where the engine takes many
  const text = input.blocks.map((block) => block.text).join('\n\n');
  const mentions = [...text.matchAll(/(?:Han|Mr) Dong/g)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    text: match[0],
    form: 'full' as const,
  }));
  const sentence =
    'Han Dong has been accused of lobbying a Chinese diplomat to keep two Canadians imprisoned in Beijing.';
  const start = text.indexOf(sentence);
  return {
    text,
    blocks: [],
    groups: [],
    people: [{ id: 'p1', name: 'Han Dong', role: 'subject', mentions, variants: ['Han Dong'], titles: [] }],
    allegations:
      start < 0
        ? []
        : [
            {
              start,
              end: start + sentence.length,
              text: sentence,
              stance: 'accused',
              cue: { start: start + 18, end: start + 28 },
              accused: ['p1'],
              attributedTo: [],
            },
          ],
  };
}

function noteOn(text: string, phrase: string, id: string): NoteRecord {
  const start = text.indexOf(phrase);
  return {
    id,
    target: {
      kind: 'selection',
      source: 'https://www.bbc.co.uk/news/han-dong',
      selectors: describeSpan(text, { start, end: start + phrase.length }),
    },
    body: 'Which diplomat?',
    tags: [],
    colour: 'green',
    created: 1,
    updated: 1,
    orphaned: false,
  };
}

function viewWith(notes: NoteRecord[]): PageView {
  return {
    source: {
      url: 'https://www.bbc.co.uk/news/han-dong',
      href: 'https://www.bbc.co.uk/news/han-dong',
      outlet: 'BBC News',
      title: 'Han Dong',
      firstRead: 1,
    },
    people: [],
    allegations: [],
    claims: [],
    notes,
  };
}

let sent: PageRequest[];
let controller: AbortController;

beforeEach(() => {
  const html = readFileSync(join(fixturesDir, 'bbc-han-dong.html'), 'utf8');
  document.documentElement.innerHTML = html.replace(/^<!doctype html>\s*<html[^>]*>/i, '').replace(/<\/html>\s*$/, '');
  registry().clear();
  sent = [];
  controller = new AbortController();
});
afterEach(() => controller.abort());

/** `refusal`, when it answers, stands for the background's answer to a `page/read`: a refusal or a failure. */
function session(
  view: (text: string) => PageView | null,
  failIngest = false,
  refusal: () => Promise<unknown> | null = () => null,
) {
  const send: SendToStore = (request) => {
    sent.push(request);
    const refused = request.type === 'page/read' ? refusal() : null;
    if (refused) return refused as never;
    // The background's reading, run here, and a stand-in for its store.
    if (request.type === 'page/read') {
      return readArticle(request.snapshot, document.URL, { analyse }).then((reading) => {
        const text = reading.article?.analysis.text ?? '';
        const store = failIngest
          ? { saved: false, problem: 'the store is not available' }
          : { saved: true, outcome: 'added', view: view(text) };
        return { ...reading, store } as never;
      });
    }
    return Promise.reject(new Error(`unexpected ${request.type}`));
  };
  return new ArticleSession(
    document,
    { send, meter: new MainThreadMeter(), cardView: cardViewFromSources(document) },
    controller.signal,
  );
}

describe('ArticleSession', () => {
  it('highlights the article, stores its analysis, and places the reader’s notes from the store', async () => {
    let noteText = '';
    const reading = session((text) => {
      noteText = text;
      const gone = noteOn(text, 'Beijing', 'n2');
      if (gone.target.kind === 'selection')
        gone.target.selectors.quote = {
          type: 'TextQuoteSelector',
          exact: 'a sentence the article never had',
          prefix: 'nothing like it either, ',
          suffix: ', anywhere at all',
        };
      return viewWith([noteOn(text, 'a Chinese diplomat', 'n1'), gone]);
    });
    await reading.start();
    expect(painted('person')).toContain('Han Dong');
    expect(painted('person')).toContain('Mr Dong');
    expect(painted('allegation')).toEqual([expect.stringMatching(/^Han Dong has been accused of lobbying/)]);
    expect(painted('note-green')).toEqual(['a Chinese diplomat']);
    expect(sent.map((request) => request.type)).toEqual(['page/read']);
    const read = sent[0] as Extract<PageRequest, { type: 'page/read' }>;
    const article = (await readArticle(read.snapshot, document.URL, { analyse })).article;
    expect(article?.metadata).toMatchObject({
      outlet: 'BBC News',
      title: expect.stringContaining('Han Dong') as string,
    });
    expect(article?.analysis.text).toBe(noteText);
    expect(reading.report).toMatchObject({
      state: 'highlighted',
      people: 1,
      allegations: 1,
      notes: { placed: 1, orphaned: 1 },
      orphanedNotes: [{ id: 'n2', quote: 'a sentence the article never had', body: 'Which diplomat?' }],
      store: 'saved',
      timeToHighlightsMs: expect.any(Number) as number,
    });
  });

  it('keeps its highlights when the store cannot be reached, and says why', async () => {
    const reading = session(() => null, true);
    await reading.start();
    expect(painted('person').length).toBeGreaterThan(0);
    expect(reading.report).toMatchObject({
      state: 'highlighted',
      store: 'unavailable',
      storeProblem: 'the store is not available',
    });
  });

  it('clears no layer on its first reading: they start empty', async () => {
    const clear = vi.spyOn(Highlight.prototype, 'clear');
    try {
      const reading = session(() => null);
      await reading.start();
      expect(painted('person').length).toBeGreaterThan(0);
      expect(clear).not.toHaveBeenCalled();
      await reading.lookAgain();
      expect(clear).toHaveBeenCalled();
    } finally {
      clear.mockRestore();
    }
  });

  it('reads the page again when it changes, and keeps its highlights when the article did not', async () => {
    const reading = session((text) => viewWith([noteOn(text, 'Mr Dong has denied', 'n1')]));
    await reading.start();
    const before = { people: painted('person'), notes: painted('note-green') };
    document.querySelector('.ad-slot')?.append(' (sponsored)');
    await reading.lookAgain();
    expect(sent.filter((request) => request.type === 'page/read')).toHaveLength(2);
    expect({ people: painted('person'), notes: painted('note-green') }).toEqual(before);
    const paragraph = [...document.querySelectorAll('p')].find((p) => p.textContent?.startsWith('Mr Dong has denied'));
    paragraph?.append(' He said so again on Friday, when Mr Dong spoke to reporters.');
    await reading.lookAgain();
    expect(sent.filter((request) => request.type === 'page/read')).toHaveLength(3);
    expect(painted('person').filter((words) => words === 'Mr Dong').length).toBeGreaterThan(1);
    expect(painted('note-green')).toEqual(['Mr Dong has denied']);
  });

  it('takes every highlight away when its signal aborts, and stops where it was', async () => {
    const reading = session((text) => viewWith([noteOn(text, 'a Chinese diplomat', 'n1')]));
    await reading.start();
    expect(registry().size).toBeGreaterThan(0);
    controller.abort();
    expect([...registry().keys()]).toEqual([]);

    controller = new AbortController();
    const stopped = session(() => null);
    const started = stopped.start();
    controller.abort();
    await started;
    expect(sent.filter((request) => request.type === 'page/read')).toHaveLength(1);
    expect(stopped.report.state).toBe('working');
  });

  it('reads the whole page when the area it declares for its article holds too little of it', async () => {
    // The story's own element is a plain div; the page's one <article> is a teaser under the headline.
    const story = document.querySelector('article') as HTMLElement;
    const plain = document.createElement('div');
    plain.append(...story.childNodes);
    story.replaceWith(plain);
    const teaser = document.createElement('article');
    teaser.textContent = 'Also today: a by-election in Don Valley North.';
    document.querySelector('h1')?.after(teaser);

    const reading = session(() => null);
    await reading.start();
    const reads = sent.filter((request) => request.type === 'page/read');
    expect(reads.map((request) => request.snapshot.scoped)).toEqual([true, false]);
    expect(painted('allegation')).toEqual([expect.stringMatching(/^Han Dong has been accused of lobbying/)]);
    expect(reading.report.state).toBe('highlighted');
  });

  it('sends the browser’s serialisation, and its own written snapshot where the background cannot line that up', async () => {
    const first = session(() => null);
    await first.start();
    const native = sent.filter((request) => request.type === 'page/read').map((request) => request.snapshot);
    expect(native.map((snapshot) => 'markup' in snapshot)).toEqual([true]);

    sent = [];
    // A script's text holding its own end tag: serialised, it reads as markup.
    const script = document.createElement('script');
    script.textContent = 'var teaser = "</script><p>Han Dong said nothing</p>";';
    document.querySelector('article p')?.after(script);
    const second = session(() => null);
    await second.start();
    const reads = sent.filter((request) => request.type === 'page/read').map((request) => request.snapshot);
    expect(reads.map((snapshot) => ('markup' in snapshot ? 'native' : 'written'))).toEqual(['native', 'written']);
    expect(painted('allegation')).toEqual([expect.stringMatching(/^Han Dong has been accused of lobbying/)]);
    expect(second.report.state).toBe('highlighted');
  });

  it('says so when the page has no article text', async () => {
    document.body.replaceChildren();
    const reading = session(() => null);
    await reading.start();
    expect(reading.report.state).toBe('no-article');
    expect(sent).toEqual([]);
  });

  it('keeps the highlights of an earlier reading when the page grows past the limit, and says so', async () => {
    const tooLong = { length: 300_001, limit: 300_000 };
    let refuse = false;
    const reading = session(
      (text) => viewWith([noteOn(text, 'a Chinese diplomat', 'n1')]),
      false,
      () =>
        refuse
          ? Promise.resolve({ article: null, tooLong, timings: { extractMs: 1, analyseMs: 0 }, store: null })
          : null,
    );
    await reading.start();
    const before = { people: painted('person'), allegations: painted('allegation'), notes: painted('note-green') };
    expect(before.people.length).toBeGreaterThan(0);

    refuse = true;
    await expect(reading.lookAgain()).rejects.toThrow(/too long/);
    expect({ people: painted('person'), allegations: painted('allegation'), notes: painted('note-green') }).toEqual(
      before,
    );
    expect(reading.report).toMatchObject({
      state: 'highlighted',
      people: 1,
      allegations: 1,
      notes: { placed: 1, orphaned: 0 },
      lastUpdateProblem: 'This article is too long for Crosscheck to read: 300,001 characters, the limit is 300,000.',
    });
    expect(reading.report).not.toHaveProperty('problem');

    // Read again once the page is back within the limit: the highlights are from this reading.
    refuse = false;
    await reading.lookAgain();
    expect(reading.report.state).toBe('highlighted');
    expect(reading.report).not.toHaveProperty('lastUpdateProblem');
  });

  it('keeps the highlights of an earlier reading when a later one fails in any other way, and says why', async () => {
    let fail = false;
    const reading = session(
      () => null,
      false,
      () => (fail ? Promise.reject(new Error('The background did not answer.')) : null),
    );
    await reading.start();
    const before = painted('person');
    fail = true;
    await expect(reading.lookAgain()).rejects.toThrow('The background did not answer.');
    expect(painted('person')).toEqual(before);
    expect(reading.report).toMatchObject({
      state: 'highlighted',
      lastUpdateProblem: 'The background did not answer.',
    });
  });

  it('keeps the highlights of an earlier reading when the page’s new text holds no article, and says so', async () => {
    let empty = false;
    const reading = session(
      () => null,
      false,
      () => (empty ? Promise.resolve({ article: null, timings: { extractMs: 1, analyseMs: 0 }, store: null }) : null),
    );
    await reading.start();
    const before = painted('person');
    empty = true;
    await reading.lookAgain();
    expect(painted('person')).toEqual(before);
    expect(reading.report).toMatchObject({
      state: 'highlighted',
      lastUpdateProblem: 'Crosscheck found no article text in it.',
    });
  });

  it('says the article is too long, with its length and the limit, when the background refuses it', async () => {
    const tooLong = { length: 412_345, limit: 300_000 };
    const send: SendToStore = (request) => {
      sent.push(request);
      return Promise.resolve({ article: null, tooLong, timings: { extractMs: 1, analyseMs: 0 }, store: null } as never);
    };
    const reading = new ArticleSession(
      document,
      { send, meter: new MainThreadMeter(), cardView: cardViewFromSources(document) },
      controller.signal,
    );
    await expect(reading.start()).rejects.toThrow(/too long/);
    expect(reading.report).toMatchObject({
      state: 'failed',
      problem: 'This article is too long for Crosscheck to read: 412,345 characters, the limit is 300,000.',
      tooLong,
    });
    // The whole page is not tried next: it holds the same article, longer still.
    expect(sent).toHaveLength(1);
    expect(painted('person')).toEqual([]);
  });
});
