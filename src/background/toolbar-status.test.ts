import { beforeEach, describe, expect, it, vi } from 'vitest';

const action = vi.hoisted(() => ({
  setBadgeText: vi.fn(() => Promise.resolve()),
  setBadgeBackgroundColor: vi.fn(() => Promise.resolve()),
  setTitle: vi.fn(() => Promise.resolve()),
}));
vi.mock('webextension-polyfill', () => ({ default: { action } }));

const { showStoreProblem } = await import('./toolbar-status.ts');

describe('showStoreProblem', () => {
  beforeEach(() => vi.clearAllMocks());

  it('marks the toolbar button and says why in its tooltip, then clears both', async () => {
    await showStoreProblem({ kind: 'quota', message: 'Your browser refused to store more.', since: 1 });
    expect(action.setBadgeText).toHaveBeenCalledWith({ text: '!' });
    expect(action.setTitle).toHaveBeenCalledWith({ title: 'Crosscheck: Your browser refused to store more.' });
    await showStoreProblem(null);
    expect(action.setBadgeText).toHaveBeenLastCalledWith({ text: '' });
    expect(action.setTitle).toHaveBeenLastCalledWith({ title: 'Crosscheck' });
  });
});
