/**
 * Runs inside one of the extension's own pages (see extension-store.ts): the store's ingest, on the
 * extension's real IndexedDB database, the one the background reads.
 */
import type { AnalysedArticle } from '../../src/messaging/analysis-schema.ts';
import { articleAddress } from '../../src/store/canonical-url.ts';
import { CrosscheckDatabase } from '../../src/store/database.ts';
import { ingestArticle } from '../../src/store/ingest.ts';
import { type CorpusOptions, syntheticArticle } from './synthetic-articles.ts';

export interface ArticleToStore {
  /** The address the browser would report for the page. */
  page: string;
  article: AnalysedArticle;
}

const db = new CrosscheckDatabase();

async function ingest(articles: Iterable<ArticleToStore>): Promise<number> {
  for (const { page, article } of articles) {
    await ingestArticle(db, articleAddress(page, article.metadata.url), article);
  }
  return db.sources.count();
}

/** The corpus's articles `from` to `to` (exclusive), made here rather than sent: they are many. */
function* synthetic(from: number, to: number, corpus: CorpusOptions): Generator<ArticleToStore> {
  for (let index = from; index < to; index++) yield syntheticArticle(index, corpus);
}

Object.assign(globalThis, {
  crosscheckIngest: ingest,
  crosscheckIngestSynthetic: (from: number, to: number, corpus: CorpusOptions) => ingest(synthetic(from, to, corpus)),
});
