import type { Runtime } from 'webextension-polyfill';
import { describe, expect, it, vi } from 'vitest';
import { extensionRequestSchema, pageRequestSchema } from '../messaging/contract.ts';
import { classifySender, createMessageRouter } from './message-router.ts';

const extension = { id: 'crosscheck-id', origin: 'chrome-extension://crosscheck-id/' };
const fromPage: Runtime.MessageSender = {
  id: extension.id,
  url: 'https://news.example/story',
  tab: { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
};
const fromPopup: Runtime.MessageSender = { id: extension.id, url: `${extension.origin}popup.html` };

type RequestTypes = { options: { entries: { type: { literal: string } } }[] };

/** A spy for every request type a schema accepts, each answering `true`. */
function spies<T extends string>(schema: RequestTypes): Record<T, ReturnType<typeof vi.fn>> {
  return Object.fromEntries(schema.options.map((option) => [option.entries.type.literal, vi.fn(() => true)])) as Record<
    T,
    ReturnType<typeof vi.fn>
  >;
}

function router(overrides: { page?: object; extension?: object } = {}) {
  const hello = vi.fn(() => ({ mode: 'auto' as const }));
  const settings = vi.fn(() => ({ mode: 'auto' as const, disabledSites: [] }));
  const page = { ...spies(pageRequestSchema), 'page/hello': hello, ...overrides.page };
  const extensionHandlers = { ...spies(extensionRequestSchema), 'settings/get': settings, ...overrides.extension };
  const route = createMessageRouter(
    { page, extension: extensionHandlers } as unknown as Parameters<typeof createMessageRouter>[0],
    extension,
  );
  return { route, hello, settings };
}

describe('classifySender', () => {
  it('tells extension pages from content scripts', () => {
    expect(classifySender(fromPopup, extension)).toEqual({ kind: 'extension' });
    expect(classifySender(fromPage, extension)).toEqual({ kind: 'page', tabId: 7, url: 'https://news.example/story' });
  });

  it('refuses other extensions and senders without a tab', () => {
    expect(classifySender({ ...fromPage, id: 'someone-else' }, extension)).toBeNull();
    expect(classifySender({ id: extension.id, url: 'https://news.example/' }, extension)).toBeNull();
  });
});

describe('createMessageRouter', () => {
  it('answers a content script with the sender the browser reported', async () => {
    const { route, hello } = router();
    await expect(route({ type: 'page/hello' }, fromPage)).resolves.toEqual({ ok: true, value: { mode: 'auto' } });
    expect(hello).toHaveBeenCalledWith({ type: 'page/hello' }, { tabId: 7, url: 'https://news.example/story' });
  });

  it('never lets a content script use a request meant for extension pages', async () => {
    const { route, settings } = router();
    const reply = await route({ type: 'settings/get' }, fromPage);
    expect(reply.ok).toBe(false);
    expect(settings).not.toHaveBeenCalled();
  });

  it('explains a malformed message and runs nothing', async () => {
    const { route, hello, settings } = router();
    for (const message of [
      null,
      'page/hello',
      { type: 'page/unknown' },
      { type: 42 },
      JSON.parse('{"__proto__": {"type": "page/hello"}}'),
    ]) {
      const reply = await route(message, fromPage);
      expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^malformed message: /) as string });
    }
    expect(hello).not.toHaveBeenCalled();
    expect(settings).not.toHaveBeenCalled();
  });

  it('turns a failing handler into an error reply', async () => {
    const { route } = router({
      page: {
        'page/hello': () => {
          throw new Error('store unavailable');
        },
      },
    });
    await expect(route({ type: 'page/hello' }, fromPage)).resolves.toEqual({ ok: false, error: 'store unavailable' });
  });
});
