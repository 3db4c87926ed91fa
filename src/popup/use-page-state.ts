import { useLayoutEffect, useState } from 'preact/hooks';
import type { ResponseTo } from '../messaging/contract.ts';
import { sendToTab } from '../messaging/send.ts';
import type { HighlightsState } from '../page/page-controller.ts';
import { currentTabId } from './current-tab.ts';

export type ReadyPageState = { status: 'ready' } & ResponseTo<{ type: 'tab/page-state' }>;

export type PageState =
  | { status: 'loading' }
  /** No content script answers there: a browser page, a store page, or a file it may not read. */
  | { status: 'unavailable' }
  | ReadyPageState;

/** How often the popup asks the tab again while Crosscheck is still reading it. */
const rereadMs = 500;

/** Whether the tab's session is still at work: reading the article, or waiting for the store's answer. */
export function stillReading({ session }: HighlightsState): boolean {
  return (
    session !== null &&
    (session.state === 'working' || (session.state === 'highlighted' && session.store === 'waiting'))
  );
}

export function usePageState(): PageState {
  const [state, setState] = useState<PageState>({ status: 'loading' });
  // A layout effect: the question goes out as the popup first renders, not a frame later.
  useLayoutEffect(() => {
    let live = true;
    let timer = 0;
    const ask = (tabId: number) =>
      sendToTab(tabId, { type: 'tab/page-state' }).then(
        (answer) => {
          if (!live) return;
          setState({ status: 'ready', ...answer });
          // The popup says "still reading" only while it is: ask again until the session has an outcome.
          if (stillReading(answer.highlights)) timer = window.setTimeout(() => void ask(tabId), rereadMs);
        },
        () => live && setState({ status: 'unavailable' }),
      );
    currentTabId(location.search).then(
      (tabId) => {
        if (tabId !== undefined) void ask(tabId);
        else if (live) setState({ status: 'unavailable' });
      },
      () => live && setState({ status: 'unavailable' }),
    );
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, []);
  return state;
}
