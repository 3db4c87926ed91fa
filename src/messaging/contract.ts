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
 * - ExtensionEvent: background → extension pages (`runtime.sendMessage`), unanswered.
 *
 * Content scripts reach the store only about their own page: the background takes the page's
 * address from the browser, never from the message.
 *
 * What a content script itself needs at run time (the tab requests' schema, the snapshot's limits,
 * the parser) lives in small modules this one re-exports: the content script imports those alone,
 * so the page never pays for building the rest of the contract's schemas.
 */
import * as v from 'valibot';
import { noteColours, type NoteRecord, type NoteSelectors, type TextSelectors } from '../store/records.ts';
import type {
  ClaimView,
  Facets,
  IngestResult,
  PageView,
  PersonView,
  SearchResults,
  StoreStatus,
} from '../store/views.ts';
import { type HighlightMode, type Settings, settingSchemas } from '../settings.ts';
import type { StoreRecords } from '../export/backup-schema.ts';
import type { ExportPlan } from '../export/export-selection.ts';
import type { ImportComparison, ImportResult } from '../export/import-outcome.ts';
import type { HighlightsState } from '../page/page-controller.ts';
import { limits, stanceSchema } from './analysis-schema.ts';
import type { ArticleReading } from '../extraction/read-article.ts';
import type { NativeSnapshot, PageSnapshot } from '../page/page-snapshot.ts';
import { snapshotLimits } from './snapshot-limits.ts';
import type { TabRequest } from './tab-request-schema.ts';

export { parseMessage } from './parse-message.ts';
export { snapshotLimits } from './snapshot-limits.ts';
export { type HighlightAction, highlightActions, type TabRequest, tabRequestSchema } from './tab-request-schema.ts';

const url = v.pipe(v.string(), v.maxLength(8192), v.url());
const shortText = v.pipe(v.string(), v.maxLength(2000));

export const pageInfoSchema = v.object({
  url,
  title: shortText,
  /** Whether the page declares itself a news article (JSON-LD, Open Graph). */
  isArticle: v.boolean(),
});
export type PageInfo = v.InferOutput<typeof pageInfoSchema>;

const recordId = v.pipe(v.string(), v.regex(/^[\w-]{1,64}$/, 'an id is 1 to 64 letters, digits, - or _'));
const timestamp = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));

const quoteSelectorSchema = v.object({
  type: v.literal('TextQuoteSelector'),
  exact: v.pipe(v.string(), v.minLength(1), v.maxLength(20_000)),
  prefix: v.pipe(v.string(), v.maxLength(500)),
  suffix: v.pipe(v.string(), v.maxLength(500)),
});
const positionSelectorSchema = v.pipe(
  v.object({
    type: v.literal('TextPositionSelector'),
    start: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(limits.textLength)),
    end: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(limits.textLength)),
  }),
  v.check(({ start, end }) => start < end, 'a selection ends after it starts'),
);
export const selectorsSchema = v.object({
  quote: quoteSelectorSchema,
  position: positionSelectorSchema,
}) satisfies v.GenericSchema<unknown, TextSelectors>;
/** A note's selection: a note imported from another tool has a quote but no position in Crosscheck's text yet. */
export const noteSelectorsSchema = v.object({
  quote: quoteSelectorSchema,
  position: v.optional(positionSelectorSchema),
}) satisfies v.GenericSchema<unknown, NoteSelectors>;

// Tags are compared without case or surrounding space, and kept as first typed.
const tagsSchema = v.pipe(
  v.array(v.pipe(v.string(), v.trim(), v.maxLength(64))),
  v.maxLength(50),
  v.transform((tags) => {
    const seen = new Set<string>();
    const kept: string[] = [];
    for (const tag of tags) {
      const key = tag.toLowerCase();
      if (tag === '' || seen.has(key)) continue;
      seen.add(key);
      kept.push(tag);
    }
    return kept;
  }),
);
const noteContent = {
  body: v.pipe(v.string(), v.maxLength(100_000)),
  tags: tagsSchema,
  colour: v.picklist(noteColours),
};
const noteChanges = v.object({
  body: v.optional(noteContent.body),
  tags: v.optional(noteContent.tags),
  colour: v.optional(noteContent.colour),
});

export const noteTargetSchema = v.variant('kind', [
  v.object({ kind: v.literal('source'), source: url }),
  v.object({ kind: v.literal('person'), person: recordId }),
  v.object({ kind: v.literal('claim'), claim: recordId }),
  v.object({ kind: v.literal('selection'), source: url, selectors: noteSelectorsSchema }),
]);

/** A note's target as a content script names it: always on its own page, which the browser identifies. */
export const pageNoteTargetSchema = v.variant('kind', [
  v.object({ kind: v.literal('source') }),
  v.object({ kind: v.literal('person'), person: recordId }),
  v.object({ kind: v.literal('claim'), claim: recordId }),
  v.object({ kind: v.literal('selection'), selectors: selectorsSchema }),
]);
export type PageNoteTarget = v.InferOutput<typeof pageNoteTargetSchema>;

export const noteSchema = v.object({
  id: recordId,
  target: noteTargetSchema,
  ...noteContent,
  created: timestamp,
  updated: timestamp,
  orphaned: v.boolean(),
  /** The stored source of the page it was written on; absent when written in the notebook (and in older backups). */
  writtenOn: v.optional(url),
}) satisfies v.GenericSchema<unknown, NoteRecord>;

export const searchKinds = ['person', 'claim', 'source', 'note'] as const;
export const searchSorts = ['relevance', 'newest', 'oldest', 'name'] as const;

export const searchSchema = v.object({
  query: v.pipe(v.string(), v.maxLength(500)),
  kinds: v.optional(v.pipe(v.array(v.picklist(searchKinds)), v.maxLength(searchKinds.length))),
  outlets: v.optional(v.pipe(v.array(shortText), v.maxLength(100))),
  tags: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(64))), v.maxLength(50))),
  stances: v.optional(v.pipe(v.array(stanceSchema), v.maxLength(20))),
  /** A time range, inclusive: articles by publication, claims by first report, people by when they were read about, notes by when they were written. */
  from: v.optional(timestamp),
  to: v.optional(timestamp),
  sort: v.optional(v.picklist(searchSorts), 'relevance'),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)), 50),
});
export type SearchRequest = v.InferOutput<typeof searchSchema>;

export const settingsChangesSchema = v.object({
  mode: v.optional(settingSchemas.mode),
  disabledSites: v.optional(settingSchemas.disabledSites),
}) satisfies v.GenericSchema<unknown, Partial<Settings>>;

const anyTime = v.pipe(v.number(), v.integer(), v.minValue(-8.64e15), v.maxValue(8.64e15));

/** What the reader exports: everything, one article, one person, one claim, or what falls in a date range. */
export const exportScopeSchema = v.variant('kind', [
  v.object({ kind: v.literal('everything') }),
  /** The article read at this address (any address it was read at). */
  v.object({ kind: v.literal('page'), url }),
  v.object({ kind: v.literal('person'), id: recordId }),
  v.object({ kind: v.literal('claim'), id: recordId }),
  /**
   * Articles published in the range (read in it, when they give no date) and notes written in it; ends
   * inclusive. An article may have been published before 1970: times may be negative.
   */
  v.pipe(
    v.object({ kind: v.literal('dates'), from: v.optional(anyTime), to: v.optional(anyTime) }),
    v.check(({ from, to }) => from === undefined || to === undefined || from <= to, 'the range ends before it starts'),
  ),
]);
export type ExportScope = v.InferOutput<typeof exportScopeSchema>;

const importSession = v.pipe(v.string(), v.uuid());
/** The keys of an import file's records, to compare with the store's for the preview. */
const importKeysSchema = v.object({
  sources: v.pipe(
    v.array(v.object({ url, contentHash: v.optional(shortText), lastRead: v.optional(timestamp) })),
    v.maxLength(1_000_000),
  ),
  people: v.pipe(v.array(recordId), v.maxLength(1_000_000)),
  claims: v.pipe(v.array(recordId), v.maxLength(1_000_000)),
  notes: v.pipe(v.array(v.object({ id: recordId, updated: timestamp })), v.maxLength(1_000_000)),
});
export type ImportKeys = v.InferOutput<typeof importKeysSchema>;
/** A batch of an import's records: far below the browsers' message limits, far above one article's. */
const importChunkLimit = 8 * 1024 * 1024;

const snapshotMarkup = v.pipe(
  v.string(),
  v.maxLength(snapshotLimits.length, 'the page is too large for Crosscheck to read (over 16 million characters)'),
);

export const pageSnapshotSchema = v.object({
  html: snapshotMarkup,
  texts: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(snapshotLimits.texts)),
  scoped: v.boolean(),
}) satisfies v.GenericSchema<unknown, PageSnapshot>;

export const nativeSnapshotSchema = v.object({
  before: snapshotMarkup,
  markup: snapshotMarkup,
  after: snapshotMarkup,
  lengths: v.pipe(
    v.array(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(snapshotLimits.length))),
    v.maxLength(snapshotLimits.texts, 'the page has too many texts for Crosscheck to read'),
  ),
  removed: v.pipe(
    v.array(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(snapshotLimits.length))),
    v.maxLength(2 * snapshotLimits.texts, 'the page has too many scripts for Crosscheck to read'),
  ),
  scoped: v.boolean(),
}) satisfies v.GenericSchema<unknown, NativeSnapshot>;

export const pageRequestSchema = v.variant('type', [
  v.object({ type: v.literal('page/hello') }),
  /**
   * The page as a snapshot (written, or the browser's own serialisation): the background finds the
   * article, analyses it, stores it, and answers with all of it.
   */
  v.object({ type: v.literal('page/read'), snapshot: v.union([pageSnapshotSchema, nativeSnapshotSchema]) }),
  /** What the store knows about the page and its people and allegations across sources. */
  v.object({ type: v.literal('page/lookup') }),
  v.object({ type: v.literal('page/note-create'), target: pageNoteTargetSchema, ...noteContent }),
  v.object({ type: v.literal('page/note-update'), id: recordId, changes: noteChanges }),
  v.object({ type: v.literal('page/note-delete'), id: recordId }),
]);
export type PageRequest = v.InferOutput<typeof pageRequestSchema>;

export const extensionRequestSchema = v.variant('type', [
  v.object({ type: v.literal('settings/get') }),
  v.object({ type: v.literal('settings/set'), changes: settingsChangesSchema }),
  v.object({ type: v.literal('store/status') }),
  /** The page view for any address the article was read at (the popup passes its tab's). */
  v.object({ type: v.literal('store/page'), url }),
  v.object({ type: v.literal('store/person'), id: recordId }),
  v.object({ type: v.literal('store/claim'), id: recordId }),
  v.object({ type: v.literal('store/search'), search: searchSchema }),
  v.object({ type: v.literal('store/facets') }),
  /** Removes an article and what was found in it; the reader's notes on it stay, orphaned. */
  v.object({ type: v.literal('store/forget-source'), url }),
  v.object({ type: v.literal('store/delete-everything') }),
  v.object({ type: v.literal('notes/create'), target: noteTargetSchema, ...noteContent }),
  v.object({ type: v.literal('notes/update'), id: recordId, changes: noteChanges }),
  v.object({ type: v.literal('notes/delete'), id: recordId }),
  /** Puts a deleted note back as it was (undo). */
  v.object({ type: v.literal('notes/restore'), note: noteSchema }),
  /** Which records an export of this scope holds, by key; they are then read in batches. */
  v.object({ type: v.literal('export/plan'), scope: exportScopeSchema }),
  /** One batch of an export's records, as the backup format holds them. */
  v.object({
    type: v.literal('export/records'),
    scope: exportScopeSchema,
    sources: v.pipe(v.array(url), v.maxLength(200)),
    people: v.pipe(v.array(recordId), v.maxLength(5_000)),
    claims: v.pipe(v.array(recordId), v.maxLength(5_000)),
    notes: v.pipe(v.array(recordId), v.maxLength(5_000)),
  }),
  /** How an import file's records compare with the store's, for the preview; writes nothing. */
  v.object({ type: v.literal('import/compare'), keys: importKeysSchema }),
  /** Opens an import: its records arrive in chunks and are written together, or not at all, on commit. */
  v.object({ type: v.literal('import/begin'), kind: v.picklist(['backup', 'annotations']) }),
  /** Records of an open import, as JSON text the background parses and checks (see src/export/import-session.ts). */
  v.object({
    type: v.literal('import/chunk'),
    session: importSession,
    json: v.pipe(v.string(), v.maxLength(importChunkLimit)),
  }),
  v.object({ type: v.literal('import/commit'), session: importSession }),
  v.object({ type: v.literal('import/cancel'), session: importSession }),
]);
export type ExtensionRequest = v.InferOutput<typeof extensionRequestSchema>;
/** The requests of export and import (src/export), answered by src/background/transfer-handlers.ts. */
export type TransferRequest = Extract<ExtensionRequest, { type: `export/${string}` | `import/${string}` }>;

export const storeTopics = ['sources', 'people', 'claims', 'notes', 'settings', 'status'] as const;
export type StoreTopic = (typeof storeTopics)[number];

export const extensionEventSchema = v.variant('type', [
  /** Something the open views show has changed: they query again. */
  v.object({ type: v.literal('store/changed'), topics: v.pipe(v.array(v.picklist(storeTopics)), v.maxLength(10)) }),
  /** How far an import's writing has come. */
  v.object({
    type: v.literal('import/progress'),
    session: importSession,
    written: v.pipe(v.number(), v.integer(), v.minValue(0)),
    total: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
]);
export type ExtensionEvent = v.InferOutput<typeof extensionEventSchema>;

/** The article the background read in a page snapshot, and the store's view of it (or why there is none). */
export interface PageReadAnswer extends ArticleReading {
  store: { saved: true; outcome: IngestResult['outcome']; view: PageView } | { saved: false; problem: string } | null;
}

/** What each request is answered with. */
export interface Responses {
  'page/hello': { mode: HighlightMode };
  'page/read': PageReadAnswer;
  'page/lookup': PageView | null;
  'page/note-create': NoteRecord;
  'page/note-update': NoteRecord;
  'page/note-delete': NoteRecord;
  'settings/get': Settings;
  'settings/set': Settings;
  'store/status': StoreStatus;
  'store/page': PageView | null;
  'store/person': PersonView | null;
  'store/claim': ClaimView | null;
  'store/search': SearchResults;
  'store/facets': Facets;
  'store/forget-source': { forgotten: boolean };
  'store/delete-everything': null;
  'notes/create': NoteRecord;
  'notes/update': NoteRecord;
  'notes/delete': NoteRecord;
  'notes/restore': NoteRecord;
  'export/plan': ExportPlan;
  'export/records': StoreRecords;
  'import/compare': ImportComparison;
  'import/begin': { session: string };
  'import/chunk': { records: number };
  'import/commit': ImportResult;
  'import/cancel': null;
  'tab/page-state': { page: PageInfo; mode: HighlightMode; highlights: HighlightsState };
  'tab/settings-changed': null;
  'tab/highlights': HighlightsState;
}

export type AnyRequest = PageRequest | ExtensionRequest | TabRequest;
export type ResponseTo<R extends AnyRequest> = Responses[R['type']];

/** Replies travel as values, never as rejections, so the error text survives every browser. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
