import browser from 'webextension-polyfill';
import { parseMessage } from '../messaging/parse-message.ts';
import { type TabRequest, tabRequestSchema } from '../messaging/tab-request-schema.ts';
import { dispatch, type Handlers } from '../messaging/dispatch.ts';

/** Answers the extension's requests to this tab until the signal aborts. */
export function serveTabRequests(handlers: Handlers<TabRequest, undefined>, signal: AbortSignal): void {
  const listener = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const request = parseMessage(tabRequestSchema, message);
    return request.ok ? dispatch(handlers, request.value, undefined) : Promise.resolve(request);
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
