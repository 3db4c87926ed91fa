import { describe, expect, it, vi } from 'vitest';

const browser = vi.hoisted(() => ({
  runtime: { sendMessage: vi.fn(() => Promise.reject(new Error('Receiving end does not exist.'))) },
  tabs: {
    query: vi.fn(() => Promise.resolve([{ id: 1 }, { id: 2 }, {}])),
    sendMessage: vi.fn((id: number) =>
      id === 2 ? Promise.reject(new Error('no content script')) : Promise.resolve(null),
    ),
  },
}));
vi.mock('webextension-polyfill', () => ({ default: browser }));

const { announceSettingsChange, announceStoreChange } = await import('./announcements.ts');

describe('announcements', () => {
  it('tell the extension pages what changed, whether or not one is open', () => {
    expect(() => announceStoreChange(['notes'])).not.toThrow();
    expect(browser.runtime.sendMessage).toHaveBeenCalledWith({ type: 'store/changed', topics: ['notes'] });
  });

  it('tell every tab that can hear that the settings changed, and mind no tab that cannot', async () => {
    await expect(announceSettingsChange()).resolves.toBeUndefined();
    expect(browser.tabs.sendMessage.mock.calls).toEqual([
      [1, { type: 'tab/settings-changed' }],
      [2, { type: 'tab/settings-changed' }],
    ]);
  });
});
