/**
 * The requests the extension sends one tab's content script (part of the message contract, which
 * re-exports them). On their own because they are the only schemas a content script builds: it
 * imports this module and not the contract, whose other schemas only the background and the
 * extension's pages need.
 */
import * as v from 'valibot';

export const highlightActions = ['show', 'hide', 'toggle'] as const;
export type HighlightAction = (typeof highlightActions)[number];

export const tabRequestSchema = v.variant('type', [
  v.object({ type: v.literal('tab/page-state') }),
  /** The reader changed the settings: ask the background again what to do on this page. */
  v.object({ type: v.literal('tab/settings-changed') }),
  /** Show, hide or toggle the highlights on this page: the popup's button, the keyboard command. */
  v.object({ type: v.literal('tab/highlights'), action: v.picklist(highlightActions) }),
]);
export type TabRequest = v.InferOutput<typeof tabRequestSchema>;
