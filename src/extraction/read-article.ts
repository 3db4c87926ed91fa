/**
 * What the background does with a page snapshot: find the article, analyse it, and time both, so
 * the page can report the background's share of the work beside its own.
 */
import { analyseArticle } from '../analysis/analyse.ts';
import type { ArticleInput, ArticleMetadata, DocumentAnalysis } from '../analysis/types.ts';
import type { NativeSnapshot, PageSnapshot } from '../page/page-snapshot.ts';
import { extractArticle } from './extract-article.ts';
import { rewriteNativeSnapshot } from './native-markup.ts';
import type { TextRun } from './text-runs.ts';

export interface ReadArticle {
  metadata: ArticleMetadata;
  analysis: DocumentAnalysis;
  /** Where the analysed text's characters are in the page's list of Text nodes (the snapshot's). */
  runs: TextRun[];
}

export interface ArticleReading {
  /** Null when the page holds no article text, or when the snapshot is misaligned. */
  article: ReadArticle | null;
  /**
   * The native snapshot's markup did not line up with the page's Text nodes (src/extraction/native-markup.ts):
   * the page sends a written snapshot of the same area instead.
   */
  misaligned?: true;
  /** Milliseconds of the background's time, not the page's. */
  timings: { extractMs: number; analyseMs: number };
}

export function readArticle(
  snapshot: PageSnapshot | NativeSnapshot,
  url: string,
  analyse: (input: ArticleInput) => DocumentAnalysis = analyseArticle,
): ArticleReading {
  const started = performance.now();
  const rewritten = 'markup' in snapshot ? rewriteNativeSnapshot(snapshot) : { snapshot, pageIndex: null };
  if (!rewritten) {
    return { article: null, misaligned: true, timings: { extractMs: performance.now() - started, analyseMs: 0 } };
  }
  const extracted = extractArticle(rewritten.snapshot, url);
  const extracting = performance.now() - started;
  if (!extracted) return { article: null, timings: { extractMs: extracting, analyseMs: 0 } };
  const analysis = analyse(extracted.input);
  const { pageIndex } = rewritten;
  const runs = pageIndex
    ? extracted.runs.map((run) => ({ ...run, node: pageIndex[run.node] as number }))
    : extracted.runs;
  return {
    article: { metadata: extracted.input.metadata, analysis, runs },
    timings: { extractMs: extracting, analyseMs: performance.now() - started - extracting },
  };
}
