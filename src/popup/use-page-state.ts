import { useLayoutEffect, useState } from 'preact/hooks';
import type { ResponseTo } from '../messaging/contract.ts';
import { sendToTab } from '../messaging/send.ts';
import { currentTabId } from './current-tab.ts';

export type PageState =
  | { status: 'loading' }
  /** No content script answers there: a browser page, a store page, or a file it may not read. */
  | { status: 'unavailable' }
  | ({ status: 'ready' } & ResponseTo<{ type: 'tab/page-state' }>);

export function usePageState(): PageState {
  const [state, setState] = useState<PageState>({ status: 'loading' });
  // A layout effect: the question goes out as the popup first renders, not a frame later.
  useLayoutEffect(() => {
    let live = true;
    currentTabId(location.search)
      .then((tabId) => (tabId === undefined ? undefined : sendToTab(tabId, { type: 'tab/page-state' })))
      .then(
        (answer) => live && setState(answer ? { status: 'ready', ...answer } : { status: 'unavailable' }),
        () => live && setState({ status: 'unavailable' }),
      );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
