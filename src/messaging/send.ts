import browser from 'webextension-polyfill';
import type { ExtensionRequest, PageRequest, Reply, ResponseTo, TabRequest } from './contract.ts';

/** A request the receiving end refused or failed on; the message says why. */
export class MessageError extends Error {
  override name = 'MessageError';
}

function unwrap<T>(reply: unknown): T {
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) {
    throw new MessageError('no answer from the extension');
  }
  const typed = reply as Reply<T>;
  if (!typed.ok) throw new MessageError(typed.error);
  return typed.value;
}

export async function sendToBackground<R extends PageRequest | ExtensionRequest>(request: R): Promise<ResponseTo<R>> {
  return unwrap<ResponseTo<R>>(await browser.runtime.sendMessage(request));
}

export async function sendToTab<R extends TabRequest>(tabId: number, request: R): Promise<ResponseTo<R>> {
  return unwrap<ResponseTo<R>>(await browser.tabs.sendMessage(tabId, request));
}
