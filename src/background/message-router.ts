import type { Runtime } from 'webextension-polyfill';
import {
  type ExtensionRequest,
  extensionRequestSchema,
  type PageRequest,
  pageRequestSchema,
  parseMessage,
  type Reply,
} from '../messaging/contract.ts';
import { dispatch, type Handlers } from '../messaging/dispatch.ts';

/** A content script's message, with what the browser (not the page) says about where it came from. */
export interface PageSender {
  tabId: number;
  url: string;
}

export interface ExtensionIdentity {
  id: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  origin: string;
}

type Sender = { kind: 'extension' } | ({ kind: 'page' } & PageSender);

/**
 * Who sent a message. Only this extension's own contexts can message the background at all;
 * among them, anything not from an extension page is treated as page content.
 */
export function classifySender(sender: Runtime.MessageSender, extension: ExtensionIdentity): Sender | null {
  if (sender.id !== extension.id) return null;
  if (sender.url?.startsWith(extension.origin)) return { kind: 'extension' };
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.url === undefined) return null;
  return { kind: 'page', tabId, url: sender.url };
}

export function createMessageRouter(
  handlers: { page: Handlers<PageRequest, PageSender>; extension: Handlers<ExtensionRequest, undefined> },
  extension: ExtensionIdentity,
): (message: unknown, sender: Runtime.MessageSender) => Promise<Reply<unknown>> {
  return async (message, sender) => {
    const from = classifySender(sender, extension);
    if (from === null) return { ok: false, error: 'message from an unknown sender' };
    if (from.kind === 'extension') {
      const request = parseMessage(extensionRequestSchema, message);
      return request.ok ? dispatch(handlers.extension, request.value, undefined) : request;
    }
    const request = parseMessage(pageRequestSchema, message);
    return request.ok ? dispatch(handlers.page, request.value, { tabId: from.tabId, url: from.url }) : request;
  };
}
