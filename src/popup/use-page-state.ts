import { useLayoutEffect, useState } from 'preact/hooks';
import type { ResponseTo } from '../messaging/contract.ts';
import { sendToTab } from '../messaging/send.ts';
import type { HighlightsState } from '../page/page-controller.ts';
import { currentTabId } from './current-tab.ts';

export type ReadyPageState = { status: 'ready'; tabId: number } & ResponseTo<{ type: 'tab/page-state' }>;

export type PageState =
  | { status: 'loading' }
  /** No content script answers there: a browser page, a store page, or a file it may not read. */
  | { status: 'unavailable' }
  | ReadyPageState;

/** The tab's state as the popup knows it, and how the popup tells it about changes it made there. */
export interface TabPage {
  state: PageState;
  /** Asks the tab again now (after a change that may make it read again), and follows it as `usePageState` does. */
  reask(): void;
  /** Takes the tab's answer to a change of its highlights, and follows it as `usePageState` does. */
  showHighlights(highlights: HighlightsState): void;
}

/** How often the popup asks the tab again while Crosscheck is still reading it. */
const rereadMs = 500;

/** Whether the tab's session is still at work: reading the article, or waiting for the store's answer. */
export function stillReading({ session }: HighlightsState): boolean {
  return (
    session !== null &&
    (session.state === 'working' || (session.state === 'highlighted' && session.store === 'waiting'))
  );
}

/**
 * Follows one tab for one view: asks it once, then again every `rereadMs` while it is still reading,
 * so that whatever the view says about the page ("still reading", the controls' status) comes from
 * one answer and follows the reading to its outcome.
 */
class TabFollower {
  #tabId: number | undefined;
  #timer = 0;
  /** Which question is the latest: an answer to an older one (overtaken by a change) is dropped. */
  #asked = 0;
  #live = true;
  readonly #report: (update: (state: PageState) => PageState) => void;

  constructor(report: (update: (state: PageState) => PageState) => void) {
    this.#report = report;
  }

  start(): void {
    currentTabId(location.search).then(
      (tabId) => {
        this.#tabId = tabId;
        if (tabId !== undefined) this.reask();
        else if (this.#live) this.#report(() => ({ status: 'unavailable' }));
      },
      () => this.#live && this.#report(() => ({ status: 'unavailable' })),
    );
  }

  stop(): void {
    this.#live = false;
    window.clearTimeout(this.#timer);
  }

  reask = (): void => {
    const tabId = this.#tabId;
    if (tabId === undefined || !this.#live) return;
    window.clearTimeout(this.#timer);
    const question = ++this.#asked;
    sendToTab(tabId, { type: 'tab/page-state' }).then(
      (answer) => {
        if (!this.#live || question !== this.#asked) return;
        this.#report(() => ({ status: 'ready', tabId, ...answer }));
        this.#followWhileReading(answer.highlights);
      },
      () => this.#live && question === this.#asked && this.#report(() => ({ status: 'unavailable' })),
    );
  };

  showHighlights = (highlights: HighlightsState): void => {
    if (!this.#live) return;
    window.clearTimeout(this.#timer);
    this.#asked++;
    this.#report((state) => (state.status === 'ready' ? { ...state, highlights } : state));
    this.#followWhileReading(highlights);
  };

  /** The popup says "still reading" only while it is: ask again until the session has an outcome. */
  #followWhileReading(highlights: HighlightsState): void {
    if (stillReading(highlights)) this.#timer = window.setTimeout(this.reask, rereadMs);
  }
}

/** The current tab's state, asked as the view first renders and followed while Crosscheck reads the page. */
export function usePageState(): TabPage {
  const [state, setState] = useState<PageState>({ status: 'loading' });
  const [follower] = useState(() => new TabFollower(setState));
  // A layout effect: the question goes out as the popup first renders, not a frame later.
  useLayoutEffect(() => {
    follower.start();
    return () => follower.stop();
  }, [follower]);
  return { state, reask: follower.reask, showHighlights: follower.showHighlights };
}
