/**
 * What the background does with a page snapshot: find the article, analyse it, and time both, so
 * the page can report the background's share of the work beside its own.
 *
 * A page whose text or markup is too large to parse in reasonable time is refused before parsing. The rewrite,
 * the parses, Readability and the analysis run a step at a time with a new task between steps: the
 * background answers the popup, other tabs and note saves while a long article is read, and a
 * reading whose signal is aborted (a newer one took its place) stops at its next pause.
 */
import { analysisSteps } from '../analysis/analyse.ts';
import { findPersonNames } from '../analysis/names/find-person-names.ts';
import type { ArticleInput, ArticleMetadata, DocumentAnalysis } from '../analysis/types.ts';
import {
  articleContentLimits,
  type ArticleTooLong,
  articleLimits,
  pageElementLimits,
  pageTextLimits,
} from '../messaging/snapshot-limits.ts';
import type { NativeSnapshot, PageSnapshot } from '../page/page-snapshot.ts';
import { extractionSteps, minScopedArticleLength } from './extract-article.ts';
import { rewriteSteps } from './native-markup.ts';
import { snapshotElementCount, snapshotTextLength } from './snapshot-size.ts';
import { blockSeparator, type TextRun } from './text-runs.ts';

export interface ReadArticle {
  metadata: ArticleMetadata;
  analysis: DocumentAnalysis;
  /** Where the analysed text's characters are in the page's list of Text nodes (the snapshot's). */
  runs: TextRun[];
}

export interface ArticleReading {
  /** Null when the page holds no article text, when the snapshot is misaligned, or when the article is too long. */
  article: ReadArticle | null;
  /**
   * The native snapshot's markup did not line up with the page's Text nodes (src/extraction/native-markup.ts):
   * the page sends a written snapshot of the same area instead.
   */
  misaligned?: true;
  /**
   * The article's text is longer than the background analyses, or the page's text or markup larger
   * than it parses (`of: 'page'` or `'markup'`, refused before parsing; src/messaging/snapshot-limits.ts).
   */
  tooLong?: ArticleTooLong;
  /** Milliseconds of the background's working time, not the page's, and not the waits between steps. */
  timings: { extractMs: number; analyseMs: number };
}

export interface ReadingOptions {
  /** The analysis, as steps (the engine's, or a stand-in in tests). */
  analyse?: (input: ArticleInput) => Generator<void, DocumentAnalysis>;
  /** Aborted when the reading is no longer wanted: it stops at its next pause, with the signal's reason. */
  signal?: AbortSignal;
}

/** How long the background works before it answers whatever arrived meanwhile. */
const sliceMs = 10;

/** A new task, behind whatever arrived meanwhile (not `scheduler.yield`, whose continuation would go first). */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function readArticle(
  snapshot: PageSnapshot | NativeSnapshot,
  url: string,
  { analyse = (input) => analysisSteps(input, findPersonNames), signal }: ReadingOptions = {},
): Promise<ArticleReading> {
  const pause = async () => {
    await nextTask();
    signal?.throwIfAborted();
  };
  const pageText = snapshotTextLength(snapshot);
  if (pageText > pageTextLimits.length) {
    const tooLong = { length: pageText, limit: pageTextLimits.length, of: 'page' } as const;
    return { article: null, tooLong, timings: { extractMs: 0, analyseMs: 0 } };
  }
  // The article is some of the page's text: with too little of it there, no article can be found.
  if (pageText === 0 || (snapshot.scoped && pageText < minScopedArticleLength)) {
    return { article: null, timings: { extractMs: 0, analyseMs: 0 } };
  }
  const elements = snapshotElementCount(snapshot);
  if (elements > pageElementLimits.count) {
    const tooLong = { length: elements, limit: pageElementLimits.count, of: 'markup' } as const;
    return { article: null, tooLong, timings: { extractMs: 0, analyseMs: 0 } };
  }
  let extractMs = 0;
  /** Runs steps with a pause after each, counting only their working time. */
  const stepped = async <T>(steps: Generator<void, T>): Promise<T> => {
    for (;;) {
      const resumed = performance.now();
      const step = steps.next();
      extractMs += performance.now() - resumed;
      if (step.done) return step.value;
      await pause();
    }
  };
  const rewritten = 'markup' in snapshot ? await stepped(rewriteSteps(snapshot)) : { snapshot, pageIndex: null };
  if (!rewritten) return { article: null, misaligned: true, timings: { extractMs, analyseMs: 0 } };
  // The page's own count of its text rests on what it says it took out; the markup's holds.
  if ('textLength' in rewritten && rewritten.textLength > pageTextLimits.length) {
    const tooLong = { length: rewritten.textLength, limit: pageTextLimits.length, of: 'page' } as const;
    return { article: null, tooLong, timings: { extractMs, analyseMs: 0 } };
  }
  await pause();
  const extracted = await stepped(extractionSteps(rewritten.snapshot, url)).catch((error: unknown) => {
    throw outOfStack(error) ? new Error(nestedTooDeeply) : error;
  });
  if (!extracted) return { article: null, timings: { extractMs, analyseMs: 0 } };
  const length = analysedLength(extracted.input);
  if (length > articleLimits.length) {
    return { article: null, tooLong: { length, limit: articleLimits.length }, timings: { extractMs, analyseMs: 0 } };
  }
  let analyseMs = 0;
  const steps = analyse(extracted.input);
  for (;;) {
    await pause();
    // Steps until the slice is used up: a pause per step would cost more in timer delays than the steps take.
    const resumed = performance.now();
    let step = steps.next();
    while (!step.done && performance.now() - resumed < sliceMs) step = steps.next();
    analyseMs += performance.now() - resumed;
    if (step.done) {
      const crowded = overContentLimits(step.value);
      if (crowded) return { article: null, tooLong: crowded, timings: { extractMs, analyseMs } };
      const { pageIndex } = rewritten;
      const runs = pageIndex
        ? extracted.runs.map((run) => ({ ...run, node: pageIndex[run.node] as number }))
        : extracted.runs;
      return {
        article: { metadata: extracted.input.metadata, analysis: step.value, runs },
        timings: { extractMs, analyseMs },
      };
    }
  }
}

/**
 * Readability's parser builds the tree, and Readability reads it, by recursion: elements nested a few
 * thousand deep, well under the element limit, run the background out of stack. No page meant for
 * reading nests so deep; one built to do it is refused in words rather than with the engine's error.
 */
export const nestedTooDeeply = 'This page’s markup is nested too deeply for Crosscheck to read.';

/** Chromium's and Node's stack overflow, and Firefox's. */
function outOfStack(error: unknown): boolean {
  return (
    (error instanceof RangeError && /call stack/i.test(error.message)) ||
    (error instanceof Error && error.name === 'InternalError' && /recursion/i.test(error.message))
  );
}

/** The article's people or allegations over their limit, if they are: storing them would hold the store too long. */
function overContentLimits(analysis: DocumentAnalysis): ArticleTooLong | null {
  if (analysis.people.length > articleContentLimits.people)
    return { length: analysis.people.length, limit: articleContentLimits.people, of: 'people' };
  if (analysis.allegations.length > articleContentLimits.allegations)
    return { length: analysis.allegations.length, limit: articleContentLimits.allegations, of: 'allegations' };
  return null;
}

/** The length of the text the analysis reads: the blocks, joined. */
function analysedLength(input: ArticleInput): number {
  return input.blocks.reduce(
    (length, block, index) => length + block.text.length + (index > 0 ? blockSeparator.length : 0),
    0,
  );
}
