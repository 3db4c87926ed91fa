/**
 * What the background does with a page snapshot: find the article, analyse it, and time both, so
 * the page can report the background's share of the work beside its own.
 */
import { analyseArticle } from '../analysis/analyse.ts';
import type { ArticleInput, ArticleMetadata, DocumentAnalysis } from '../analysis/types.ts';
import type { PageSnapshot } from '../page/page-snapshot.ts';
import { extractArticle } from './extract-article.ts';
import type { TextRun } from './text-runs.ts';

export interface ReadArticle {
  metadata: ArticleMetadata;
  analysis: DocumentAnalysis;
  /** Where the analysed text's characters are in the snapshot's Text nodes. */
  runs: TextRun[];
}

export interface ArticleReading {
  /** Null when the page holds no article text. */
  article: ReadArticle | null;
  /** Milliseconds of the background's time, not the page's. */
  timings: { extractMs: number; analyseMs: number };
}

export function readArticle(
  snapshot: PageSnapshot,
  url: string,
  analyse: (input: ArticleInput) => DocumentAnalysis = analyseArticle,
): ArticleReading {
  const started = performance.now();
  const extracted = extractArticle(snapshot, url);
  const extracting = performance.now() - started;
  if (!extracted) return { article: null, timings: { extractMs: extracting, analyseMs: 0 } };
  const analysis = analyse(extracted.input);
  return {
    article: { metadata: extracted.input.metadata, analysis, runs: extracted.runs },
    timings: { extractMs: extracting, analyseMs: performance.now() - started - extracting },
  };
}
