/**
 * The keyboard command that shows or hides Crosscheck's highlights on the current page (Alt+Shift+H
 * unless the reader chose another key). The browser tells the background; the background tells that
 * tab's content script, which owns the highlights.
 */
import type { HighlightsState } from '../page/page-controller.ts';

export const toggleHighlightsCommand = 'toggle-highlights';

export interface CommandPorts {
  /** The active tab of the focused window, for browsers that do not say which tab a command was for. */
  activeTabId(): Promise<number | undefined>;
  toggle(tabId: number): Promise<HighlightsState>;
}

export async function runCommand(command: string, tabId: number | undefined, ports: CommandPorts): Promise<void> {
  if (command !== toggleHighlightsCommand) return;
  const target = tabId ?? (await ports.activeTabId());
  if (target === undefined) return;
  try {
    await ports.toggle(target);
  } catch {
    // A tab without Crosscheck (a browser page, the web store): there is nothing to toggle there.
  }
}
