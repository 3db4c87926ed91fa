/**
 * One article on the page, from its text to its highlights, cards and notes. The page's share of
 * the work is small and runs in short slices: a snapshot of the page goes to the background, which
 * finds the article, analyses it and stores it (off the page's main thread), and answers with the
 * analysis, where its text lies in the snapshot's Text nodes, and the page's view across sources.
 * The session then paints, and stops wherever it is when its signal aborts, which also takes every
 * highlight, listener and card away.
 *
 * Notes are written through the page's messages too. When the store cannot be reached the
 * highlights and the page's own cards still work, and the cards say what is missing.
 */
import type { DocumentAnalysis, Span } from '../analysis/types.ts';
import { anchorSelectors } from '../anchoring/anchor.ts';
import { describeSpan } from '../anchoring/describe.ts';
import type { PageNoteTarget, PageReadAnswer, PageRequest, ResponseTo } from '../messaging/contract.ts';
import { type ArticleTooLong, snapshotLimits, tooLongMessage } from '../messaging/snapshot-limits.ts';
import type { NoteRecord } from '../store/records.ts';
import type { PageView } from '../store/views.ts';
import { ArticleHighlights, type PlacedHighlight } from './article-highlights.ts';
import { errorMessage } from '../error-message.ts';
import { detached } from './guard.ts';
import { type HighlightRegistry, highlightLayers, registerHighlightLayers } from './highlight-layers.ts';
import {
  type CardContext,
  type CardController,
  cardsLoadedOnDemand,
  type NoteContent,
} from './hover-card/card-controller.ts';
import { cardModel, type CrossSource } from './hover-card/card-model.ts';
import type { CardViewLoader } from './hover-card/lazy-card-view.ts';
import { showCardsOnHover } from './hover-highlights.ts';
import { stepThroughHighlights } from './keyboard-stepping.ts';
import { CooperativeWork, type MainThreadMeter } from './main-thread.ts';
import { articleAreas, landmarksOf, takeNativeSnapshot, takeSnapshot } from './page-snapshot.ts';
import type { HighlightedArticle } from './reader-context.ts';
import { offerNotesOnSelection } from './selection-notes.ts';
import { mapFromRuns, type TextMap } from './text-map.ts';
import type { ReadArticle } from '../extraction/read-article.ts';

export type SendToStore = <R extends PageRequest>(request: R) => Promise<ResponseTo<R>>;

export interface SessionServices {
  send: SendToStore;
  meter: MainThreadMeter;
  /** The hover card's view, loaded when the first card opens. */
  cardView: CardViewLoader;
}

/** What the session has done so far, for the popup and the tests. */
export interface SessionReport {
  state: 'working' | 'highlighted' | 'no-article' | 'failed';
  /** Why it failed. */
  problem?: string;
  /**
   * Why the page's latest text was not read, while the highlights of an earlier reading stay: a
   * live page that grew past the limit, say. Gone once a reading succeeds again.
   */
  lastUpdateProblem?: string;
  /** It failed because the article is longer than Crosscheck reads: by how much. */
  tooLong?: ArticleTooLong;
  people: number;
  allegations: number;
  responses: number;
  notes: { placed: number; orphaned: number };
  /** The reader's notes on this page whose words are no longer in it: shown apart, never on other words. */
  orphanedNotes: { id: string; quote: string; body: string }[];
  /** Whether the store has the page and answered with its view across sources. */
  store: 'waiting' | 'saved' | 'unavailable';
  storeProblem?: string;
  /** Why a card could not open (its view did not load); the next card asked for tries again. */
  cardProblem?: string;
  /** From the session's start to the first highlights painted. */
  timeToHighlightsMs: number | null;
  /**
   * Time of each part of the last reading: on the page's main thread, the snapshot (written and
   * handed to the background) and the painting (mapping the answer back to the page included); in
   * the background, finding the article and analysing it.
   */
  phases: { snapshotMs: number; paintMs: number; extractMs: number; analyseMs: number };
}

export class ArticleSession implements CardContext {
  readonly #document: Document;
  readonly #services: SessionServices;
  readonly #signal: AbortSignal;
  readonly #layers: HighlightRegistry;
  readonly #cards: CardController;
  #article: (HighlightedArticle & { analysis: DocumentAnalysis }) | null = null;
  #view: PageView | null = null;
  #crossSource: CrossSource = { state: 'loading' };
  #report: SessionReport = {
    state: 'working',
    people: 0,
    allegations: 0,
    responses: 0,
    notes: { placed: 0, orphaned: 0 },
    orphanedNotes: [],
    store: 'waiting',
    timeToHighlightsMs: null,
    phases: { snapshotMs: 0, paintMs: 0, extractMs: 0, analyseMs: 0 },
  };
  /** Reading the page again waits for the previous reading: one at a time. */
  #queue: Promise<void> = Promise.resolve();
  #lastViewRefresh = 0;

  constructor(document: Document, services: SessionServices, signal: AbortSignal) {
    this.#document = document;
    this.#services = services;
    this.#signal = signal;
    this.#layers = registerHighlightLayers(signal);
    this.#cards = cardsLoadedOnDemand(services.cardView, this, (error) => {
      this.#report.cardProblem = errorMessage(error);
    });
    signal.addEventListener('abort', () => this.#cards.close(), { once: true });
  }

  get report(): SessionReport {
    return {
      ...this.#report,
      notes: { ...this.#report.notes },
      orphanedNotes: [...this.#report.orphanedNotes],
      phases: { ...this.#report.phases },
    };
  }

  /** Reads the article, highlights it, then stores it and shows what the other sources say. */
  start(): Promise<void> {
    const started = performance.now();
    const context = {
      document: this.#document,
      meter: this.#services.meter,
      signal: this.#signal,
      cards: this.#cards,
      article: () => this.#article,
    };
    showCardsOnHover(context);
    const selection = offerNotesOnSelection(context);
    stepThroughHighlights(context, () => selection.noteSelection());
    this.#listenForReturn();
    return this.#enqueue(async () => {
      await this.#read();
      if (this.#article) this.#report.timeToHighlightsMs = performance.now() - started;
    });
  }

  /** The page's text changed (same address): read it again, and re-highlight if the article changed. */
  lookAgain(): Promise<void> {
    return this.#enqueue(() => this.#read());
  }

  #enqueue(step: () => Promise<void>): Promise<void> {
    const next = this.#queue.then(step).catch((error: unknown) => {
      if (this.#signal.aborted) return;
      throw error;
    });
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #read(): Promise<void> {
    const work = new CooperativeWork(this.#services.meter, this.#signal);
    const phase = this.#phaseTimer(work);
    try {
      work.begin();
      const reading = await this.#readSnapshots(work, phase);
      if (!reading) {
        if (this.#article) this.#report.lastUpdateProblem = 'Crosscheck found no article text in it.';
        else this.#report.state = 'no-article';
        return;
      }
      const { map, answer, snapshotMs } = reading;
      await this.#paint(map, answer.article.analysis, work);
      this.#report.phases = { snapshotMs, paintMs: phase(), ...answer.timings };
      this.#report.state = 'highlighted';
      delete this.#report.lastUpdateProblem;
      await this.#stored(answer, work);
    } catch (error) {
      if (!this.#signal.aborted) this.#readingFailed(error);
      throw error;
    } finally {
      work.finish();
    }
  }

  /**
   * With an article already painted, the highlights stay (the reader loses nothing) and the report
   * says they are from an earlier reading; with none, the session failed.
   */
  #readingFailed(error: unknown): void {
    if (this.#article) {
      this.#report.lastUpdateProblem = errorMessage(error);
      return;
    }
    this.#report.state = 'failed';
    this.#report.problem = errorMessage(error);
    if (error instanceof ArticleTooLongError) this.#report.tooLong = error.tooLong;
    else delete this.#report.tooLong;
  }

  /**
   * Sends the page's snapshots to the background until one holds the article: the declared article
   * area first, the whole body when that was not enough. Each area goes as the browser serialises it
   * (cheap for the page), and again written by the page's own walk when the background could not
   * line that up with the page's Text nodes, or answered with text the nodes do not hold. Null when
   * no area holds an article.
   */
  async #readSnapshots(
    work: CooperativeWork,
    phase: () => number,
  ): Promise<{ map: TextMap; answer: PageReadAnswer & { article: ReadArticle }; snapshotMs: number } | null> {
    let snapshotMs = 0;
    const landmarks = landmarksOf(this.#document);
    for (const area of articleAreas(this.#document, landmarks)) {
      for (const take of [takeNativeSnapshot, takeSnapshot]) {
        const taken = take(this.#document, area, landmarks);
        if (!taken || taken.nodes.length === 0) continue;
        const snapshot = taken.snapshot;
        const length = 'html' in snapshot ? snapshot.html.length : snapshot.before.length + snapshot.markup.length;
        if (length > snapshotLimits.length) throw new Error('This page is too large for Crosscheck to read.');
        // Handing the snapshot over (the browser copies it) is part of the page's share.
        const answering = this.#services.send({ type: 'page/read', snapshot });
        snapshotMs += phase();
        const answer = await work.wait(answering);
        if (answer.misaligned) continue;
        if (answer.tooLong) throw new ArticleTooLongError(answer.tooLong);
        if (!answer.article) break;
        const map = mapFromRuns(answer.article.runs, taken.nodes, taken.data, answer.article.analysis.text);
        if (map) return { map, answer: { ...answer, article: answer.article }, snapshotMs };
      }
    }
    return null;
  }

  /** Each call answers the main-thread time the work used since the last call. */
  #phaseTimer(work: CooperativeWork): () => number {
    const meter = this.#services.meter;
    let last = meter.use.busyMs;
    return () => {
      work.finish();
      const now = meter.use.busyMs;
      const spent = now - last;
      last = now;
      work.begin();
      return spent;
    };
  }

  async #paint(map: TextMap, analysis: DocumentAnalysis, work: CooperativeWork): Promise<void> {
    const highlights = new ArticleHighlights(this.#layers, map);
    // Only an article painted before has anything to take away: the session's layers start empty, and
    // clearing a registered layer costs the page a repaint's bookkeeping even then.
    if (this.#article) {
      for (const layer of highlightLayers) this.#layers[layer].clear();
      this.#cards.articleChanged();
    }
    this.#article = { highlights, map, analysis };
    await work.run(highlights.placeAnalysis(analysis));
    const subjects = new Set(analysis.people.filter((person) => person.role === 'subject').map((person) => person.id));
    this.#report.people = subjects.size;
    this.#report.responses = highlights.all.filter((highlight) => highlight.layer === 'response').length;
    this.#report.allegations = highlights.all.filter((highlight) => highlight.layer === 'allegation').length;
  }

  /** Takes the store's part of the background's answer: the page's view across sources, and the notes on it. */
  async #stored(answer: PageReadAnswer, work: CooperativeWork): Promise<void> {
    const store = answer.store;
    const view = store?.saved ? Promise.resolve(store.view) : Promise.reject(new Error(store?.problem ?? 'not stored'));
    await this.#viewFrom(work, view);
    await this.#paintNotes(work);
    this.#cards.refresh();
  }

  /**
   * Takes the page's view from the store's answer. A failure shows in the cards and the report, and
   * is not thrown: the highlights, and whatever the reader just did, stand without it.
   */
  async #viewFrom(work: CooperativeWork, answer: Promise<PageView | null>): Promise<void> {
    try {
      const view = await work.wait(answer);
      this.#view = view;
      this.#crossSource = view
        ? { state: 'ready' }
        : { state: 'unavailable', reason: 'the store has no record of this page' };
      this.#report.store = 'saved';
      delete this.#report.storeProblem;
    } catch (error) {
      if (this.#signal.aborted) throw error;
      this.#crossSource = { state: 'unavailable', reason: errorMessage(error) };
      this.#report.store = 'unavailable';
      this.#report.storeProblem = errorMessage(error);
    }
  }

  /** Places the reader's notes on selections of this page; those whose words are gone are counted as orphaned. */
  async #paintNotes(work: CooperativeWork): Promise<void> {
    const article = this.#article;
    if (!article) return;
    let placed = 0;
    const orphaned: SessionReport['orphanedNotes'] = [];
    const notes = this.#view?.notes ?? [];
    const painted = new Set(notes.map((note) => note.id));
    for (const highlight of article.highlights.all) {
      if (highlight.target.kind === 'note' && !painted.has(highlight.target.note)) {
        article.highlights.removeNote(highlight.target.note);
      }
    }
    for (const note of notes) {
      if (note.target.kind !== 'selection') continue;
      const anchored = anchorSelectors(article.analysis.text, note.target.selectors);
      if (anchored.status === 'anchored' && article.highlights.placeNote(note.id, note.colour, anchored.span)) {
        placed++;
      } else {
        article.highlights.removeNote(note.id);
        orphaned.push({ id: note.id, quote: note.target.selectors.quote.exact, body: note.body });
      }
      await work.checkpoint();
    }
    this.#report.notes = { placed, orphaned: orphaned.length };
    this.#report.orphanedNotes = orphaned;
  }

  /** Asks the store again: a note changed, here or in another of the extension's views. */
  async #refreshView(): Promise<void> {
    const work = new CooperativeWork(this.#services.meter, this.#signal);
    try {
      await this.#viewFrom(work, this.#services.send({ type: 'page/lookup' }));
      await this.#paintNotes(work);
      this.#cards.refresh();
    } finally {
      work.finish();
    }
  }

  /** Back from the notebook or the popup, where notes may have changed: ask the store again, now and then. */
  #listenForReturn(): void {
    const view = this.#document.defaultView as Window;
    const refresh = () => {
      if (this.#document.visibilityState !== 'visible' || this.#report.store === 'waiting') return;
      if (performance.now() - this.#lastViewRefresh < 2000) return;
      this.#lastViewRefresh = performance.now();
      detached(
        'refreshing the notes',
        this.#enqueue(() => this.#refreshView()),
      );
    };
    view.addEventListener('focus', refresh, { signal: this.#signal });
    this.#document.addEventListener('visibilitychange', refresh, { signal: this.#signal });
  }

  // What the cards need (CardContext).

  modelFor(highlight: PlacedHighlight) {
    if (!this.#article) return null;
    return cardModel(highlight.target, highlight.span, {
      analysis: this.#article.analysis,
      view: this.#view,
      crossSource: this.#crossSource,
    });
  }

  async createNote(target: PageNoteTarget, content: NoteContent): Promise<NoteRecord> {
    const note = await this.#services.send({ type: 'page/note-create', target, ...content });
    await this.#enqueue(() => this.#refreshView());
    return note;
  }

  async updateNote(id: string, content: NoteContent): Promise<NoteRecord> {
    const note = await this.#services.send({ type: 'page/note-update', id, changes: content });
    await this.#enqueue(() => this.#refreshView());
    return note;
  }

  async deleteNote(id: string): Promise<void> {
    await this.#services.send({ type: 'page/note-delete', id });
    await this.#enqueue(() => this.#refreshView());
  }

  highlightOfNote(id: string): PlacedHighlight | null {
    return this.#article?.highlights.all.find((h) => h.target.kind === 'note' && h.target.note === id) ?? null;
  }

  selectionTarget(span: Span): PageNoteTarget {
    return { kind: 'selection', selectors: describeSpan(this.#article?.analysis.text ?? '', span) };
  }

  textOf(span: Span): string {
    return this.#article?.analysis.text.slice(span.start, span.end) ?? '';
  }
}

/** The background refused the article as too long: the reading ends there, with the figures. */
class ArticleTooLongError extends Error {
  readonly tooLong: ArticleTooLong;

  constructor(tooLong: ArticleTooLong) {
    super(tooLongMessage(tooLong));
    this.tooLong = tooLong;
  }
}
