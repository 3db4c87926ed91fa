/**
 * The one message contract between the extension's contexts. Every message is a valibot schema
 * here, and the receiving end parses what arrives against it: the background trusts nothing a
 * content script sends (the page shapes what the content script sees), and a content script
 * checks what reaches it from the extension.
 *
 * - PageRequest: content script → background (`runtime.sendMessage`).
 * - ExtensionRequest: extension pages (popup, notebook) → background. The background refuses these
 *   from content scripts, so a page can never reach the reader's store through them.
 * - TabRequest: extension (popup or background) → one tab's content script (`tabs.sendMessage`).
 */
import * as v from 'valibot';
import type { HighlightMode, Settings } from '../settings.ts';

const url = v.pipe(v.string(), v.maxLength(8192), v.url());
const shortText = v.pipe(v.string(), v.maxLength(2000));

export const pageInfoSchema = v.object({
  url,
  title: shortText,
  /** Whether the page declares itself a news article (JSON-LD, Open Graph). */
  isArticle: v.boolean(),
});
export type PageInfo = v.InferOutput<typeof pageInfoSchema>;

export const pageRequestSchema = v.variant('type', [v.object({ type: v.literal('page/hello') })]);
export type PageRequest = v.InferOutput<typeof pageRequestSchema>;

export const extensionRequestSchema = v.variant('type', [v.object({ type: v.literal('settings/get') })]);
export type ExtensionRequest = v.InferOutput<typeof extensionRequestSchema>;

export const tabRequestSchema = v.variant('type', [v.object({ type: v.literal('tab/page-state') })]);
export type TabRequest = v.InferOutput<typeof tabRequestSchema>;

/** What each request is answered with. */
export interface Responses {
  'page/hello': { mode: HighlightMode };
  'settings/get': Settings;
  'tab/page-state': { page: PageInfo; mode: HighlightMode };
}

export type AnyRequest = PageRequest | ExtensionRequest | TabRequest;
export type ResponseTo<R extends AnyRequest> = Responses[R['type']];

/** Replies travel as values, never as rejections, so the error text survives every browser. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** Parses an incoming message, or explains in one line why it does not fit. */
export function parseMessage<S extends v.GenericSchema>(
  schema: S,
  message: unknown,
): { ok: true; value: v.InferOutput<S> } | { ok: false; error: string } {
  const result = v.safeParse(schema, message);
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, error: `malformed message: ${v.summarize(result.issues)}` };
}
