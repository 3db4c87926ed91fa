/**
 * The keys the reader drives Crosscheck with on a page. Alt+Shift with a key few pages or browsers
 * use; only trusted key presses outside text fields count, so a page can neither trigger them nor
 * have them fire while the reader types.
 */
export interface Shortcut {
  /** KeyboardEvent.code: the key's place, whatever the keyboard layout prints on it. */
  code: string;
  label: string;
}

export const shortcuts = {
  next: { code: 'ArrowDown', label: 'Alt+Shift+↓' },
  previous: { code: 'ArrowUp', label: 'Alt+Shift+↑' },
  note: { code: 'KeyN', label: 'Alt+Shift+N' },
} satisfies Record<string, Shortcut>;

export type ShortcutName = keyof typeof shortcuts;

export function shortcutOf(event: KeyboardEvent): ShortcutName | null {
  if (!event.isTrusted || !event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return null;
  if (isTyping(event)) return null;
  for (const [name, shortcut] of Object.entries(shortcuts) as [ShortcutName, Shortcut][]) {
    if (event.code === shortcut.code) return name;
  }
  return null;
}

/** Whether the key press goes into something the reader is typing in (the page's or the card's). */
function isTyping(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0];
  if (!(target instanceof Element)) return false;
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return true;
  return target instanceof HTMLElement && target.isContentEditable;
}
