import type { Runtime } from 'webextension-polyfill';
import { describe, expect, it, vi } from 'vitest';
import { onStoreChange } from './store-events.ts';
import { identity, polyfill } from './test-support.ts';

vi.mock('webextension-polyfill', () => import('./test-support.ts').then((support) => support.polyfill));

/** Delivers a message to every onMessage listener the code under test added. */
function deliver(message: unknown, sender: Runtime.MessageSender): void {
  const added = vi.mocked(polyfill.default.runtime.onMessage.addListener).mock.calls;
  for (const [listener] of added) listener(message, sender);
}

describe('onStoreChange', () => {
  it('hears the background’s change events, and nothing a content script or another page sends', () => {
    const added = vi.spyOn(polyfill.default.runtime.onMessage, 'addListener');
    const removed = vi.spyOn(polyfill.default.runtime.onMessage, 'removeListener');
    const heard = vi.fn();
    const controller = new AbortController();
    onStoreChange(heard, controller.signal);
    const background = { id: identity.id, url: `${identity.origin}background.js` };
    const contentScript = { ...background, url: 'https://news.example/story', tab: { id: 3 } } as Runtime.MessageSender;

    deliver({ type: 'store/changed', topics: ['notes'] }, background);
    deliver({ type: 'store/changed', topics: ['sources'] }, contentScript);
    deliver({ type: 'store/changed', topics: ['sources'] }, { ...background, id: 'another-extension' });
    deliver({ type: 'store/search', search: { query: 'x' } }, background);
    deliver({ type: 'store/changed', topics: ['everything'] }, background);
    expect(heard.mock.calls).toEqual([[['notes']]]);

    // Aborting takes the listener away again.
    controller.abort();
    expect(removed).toHaveBeenCalledWith(added.mock.calls[0]?.[0]);
  });
});
