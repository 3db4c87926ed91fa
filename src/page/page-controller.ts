/**
 * Crosscheck on one page: whether it runs here, and the article session while it does.
 *
 * - The article check runs first and is cheap. On pages that are not articles nothing else
 *   happens, unless the reader asks for highlights (the popup's button, the keyboard command) or a
 *   single-page site moves on to an article, which a watch on the page's head notices.
 * - What to do on an article comes from the background, from the reader's settings: highlight
 *   automatically, on demand, or not at all on this site.
 * - Turning highlights off aborts the session: its work stops and every highlight, listener and
 *   card goes with it.
 */
import type { HighlightMode } from '../settings.ts';
import type { HighlightAction, PageInfo } from '../messaging/contract.ts';
import { type ArticleSignals, detectArticle } from './article-detection.ts';
import { ArticleSession, type SendToStore, type SessionReport } from './article-session.ts';
import type { CardViewLoader } from './hover-card/lazy-card-view.ts';
import { detached } from './guard.ts';
import { MainThreadMeter, type MainThreadUse } from './main-thread.ts';
import { watchPageChanges } from './page-changes.ts';
import { whenOpened } from './prerendering.ts';

/** What the popup and the tests learn about Crosscheck on a page. */
export interface HighlightsState {
  shown: boolean;
  session: SessionReport | null;
  /**
   * What the extension has cost this page's main thread, with two of its parts on their own: the
   * article check, and compiling and evaluating the content script before anything ran.
   */
  mainThread: MainThreadUse & { articleCheckMs: number; scriptEvaluationMs: number };
}

export interface PageServices {
  send: SendToStore;
  cardView: CardViewLoader;
}

export class PageController {
  readonly #document: Document;
  readonly #services: PageServices;
  readonly #meter = new MainThreadMeter();
  #signals: ArticleSignals = { isArticle: false, evidence: 'none', title: '' };
  #articleCheckMs = 0;
  readonly #scriptStartedAt: number;
  #scriptEvaluationMs = 0;
  #mode: HighlightMode = 'off';
  /** Watches for single-page navigation while there are no highlights. */
  #navigation: AbortController | null = null;
  /** The reader turned the highlights off on this page: nothing starts again by itself. */
  #readerHid = false;
  #session: { session: ArticleSession; controller: AbortController; started: Promise<void> } | null = null;

  /** `scriptStartedAt`: when the content script began to run, if this controller is its first work. */
  constructor(document: Document, services: PageServices, scriptStartedAt = performance.now()) {
    this.#document = document;
    this.#services = services;
    this.#scriptStartedAt = scriptStartedAt;
  }

  get page(): PageInfo {
    return { url: this.#document.URL, title: this.#signals.title, isArticle: this.#signals.isArticle };
  }

  get mode(): HighlightMode {
    return this.#mode;
  }

  get state(): HighlightsState {
    return {
      shown: this.#session !== null,
      session: this.#session?.session.report ?? null,
      mainThread: {
        ...this.#meter.use,
        articleCheckMs: this.#articleCheckMs,
        scriptEvaluationMs: this.#scriptEvaluationMs,
      },
    };
  }

  /** Once the page is open (not prerendered), the article check, then whatever the reader's settings say to do here. */
  async start(): Promise<void> {
    this.#scriptEvaluationMs = performance.now() - this.#scriptStartedAt;
    this.#meter.record(this.#scriptEvaluationMs);
    await whenOpened(this.#document);
    this.#check();
    await this.#followSettings();
  }

  /** The reader changed the settings: ask again, and follow. */
  async settingsChanged(): Promise<void> {
    await this.#followSettings();
  }

  /** The reader asked, from the popup or the keyboard. Resolves once the highlights are painted. */
  async highlights(action: HighlightAction): Promise<HighlightsState> {
    const show = action === 'toggle' ? this.#session === null : action === 'show';
    this.#readerHid = !show;
    if (show) await this.#show();
    else this.#hide();
    return this.state;
  }

  /** Removes everything: the extension is being unloaded or replaced. */
  stop(): void {
    this.#readerHid = true;
    this.#hide();
  }

  #check(): void {
    const start = performance.now();
    this.#signals = detectArticle(this.#document);
    this.#articleCheckMs = performance.now() - start;
    this.#meter.record(this.#articleCheckMs);
  }

  async #followSettings(): Promise<void> {
    if (this.#signals.isArticle) {
      // Handing the request to the browser runs on the page's thread (near a millisecond on the news
      // pages, the first message of the content script): counted, unlike the wait for the answer.
      const asking = this.#meter.measure(() => this.#services.send({ type: 'page/hello' }));
      this.#mode = (await asking).mode;
    } else this.#mode = 'off';
    if (this.#mode === 'off' && this.#signals.isArticle) this.#hide();
    else if (this.#mode === 'auto' && this.#signals.isArticle && !this.#readerHid) await this.#show();
    else this.#watchForNavigation();
  }

  async #show(): Promise<void> {
    if (this.#session) return this.#session.started;
    this.#navigation?.abort();
    this.#navigation = null;
    const controller = new AbortController();
    // Setting the session up (its highlight layers, its listeners, the watch on page changes) is the
    // page's time too; the reading it starts times its own slices.
    const started = this.#meter.measure(() => {
      const session = new ArticleSession(this.#document, { ...this.#services, meter: this.#meter }, controller.signal);
      const reading = session.start();
      this.#session = { session, controller, started: reading };
      watchPageChanges({
        document: this.#document,
        meter: this.#meter,
        signal: controller.signal,
        onChange: ({ addressChanged }) => {
          if (addressChanged) detached('following the page to its new address', this.#moved());
          else detached('reading the changed page', session.lookAgain());
        },
      });
      return reading;
    });
    return started;
  }

  #hide(): void {
    this.#session?.controller.abort();
    this.#session = null;
    this.#navigation?.abort();
    this.#navigation = null;
  }

  /** A single-page site moved to another address: a new article there is a new source. */
  async #moved(): Promise<void> {
    this.#hide();
    this.#check();
    await this.#followSettings();
  }

  /**
   * Without highlights on the page, a single-page site can still move on to an article. Its head
   * changes when it does (title, canonical link, JSON-LD): watching the head and the address costs
   * next to nothing. Not when the reader switched Crosscheck off here.
   */
  #watchForNavigation(): void {
    if (this.#navigation || this.#session || this.#readerHid) return;
    if (this.#signals.isArticle && this.#mode === 'off') return;
    const navigation = new AbortController();
    this.#navigation = navigation;
    this.#meter.measure(() =>
      watchPageChanges({
        document: this.#document,
        meter: this.#meter,
        signal: navigation.signal,
        headOnly: true,
        onChange: ({ addressChanged }) => {
          if (addressChanged) detached('following the page to its new address', this.#moved());
        },
      }),
    );
  }
}
