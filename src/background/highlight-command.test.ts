import { describe, expect, it, vi } from 'vitest';
import { runCommand, toggleHighlightsCommand } from './highlight-command.ts';

const shown = {
  shown: true,
  session: null,
  mainThread: { busyMs: 0, longestSliceMs: 0, slices: 0, articleCheckMs: 0, scriptEvaluationMs: 0 },
};

describe('runCommand', () => {
  it('toggles the highlights in the tab the command was pressed in', async () => {
    const ports = { activeTabId: vi.fn(() => Promise.resolve(3)), toggle: vi.fn(() => Promise.resolve(shown)) };
    await runCommand(toggleHighlightsCommand, 7, ports);
    expect(ports.toggle).toHaveBeenCalledWith(7);
    expect(ports.activeTabId).not.toHaveBeenCalled();
  });

  it('falls back to the active tab when the browser does not say which', async () => {
    const ports = { activeTabId: vi.fn(() => Promise.resolve(3)), toggle: vi.fn(() => Promise.resolve(shown)) };
    await runCommand(toggleHighlightsCommand, undefined, ports);
    expect(ports.toggle).toHaveBeenCalledWith(3);
  });

  it('does nothing for other commands, or in a tab without Crosscheck', async () => {
    const ports = {
      activeTabId: vi.fn(() => Promise.resolve(3)),
      toggle: vi.fn(() => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'))),
    };
    await runCommand('_execute_action', 7, ports);
    expect(ports.toggle).not.toHaveBeenCalled();
    await expect(runCommand(toggleHighlightsCommand, 7, ports)).resolves.toBeUndefined();
  });
});
