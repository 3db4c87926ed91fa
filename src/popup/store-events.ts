/** The background's word that the store changed: the open views query again. */
import browser, { type Runtime } from 'webextension-polyfill';
import { classifySender } from '../background/message-router.ts';
import { extensionEventSchema, parseMessage, type StoreTopic } from '../messaging/contract.ts';

/** Calls `listener` with what changed, each time the background says so, until `signal` aborts. */
export function onStoreChange(listener: (topics: StoreTopic[]) => void, signal: AbortSignal): void {
  const extension = { id: browser.runtime.id, origin: browser.runtime.getURL('') };
  const receive = (message: unknown, sender: Runtime.MessageSender): undefined => {
    // Content scripts can message extension pages too; only the extension's own contexts speak for the store.
    if (classifySender(sender, extension)?.kind !== 'extension') return undefined;
    // Other extension pages' requests to the background pass by here as well: they are not ours to answer.
    const event = parseMessage(extensionEventSchema, message);
    if (event.ok && event.value.type === 'store/changed') listener(event.value.topics);
    return undefined;
  };
  browser.runtime.onMessage.addListener(receive);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(receive), { once: true });
}
