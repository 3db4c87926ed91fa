/** For the store's tests: a database of its own for each test, in memory (fake-indexeddb). */
import { IDBFactory, IDBKeyRange, IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { fixtureArticle } from '../../scripts/lib/article-files.ts';
import { goldAnalysis, seedsGold } from '../analysis/gold/seeds-gold.ts';
import type { AnalysedArticle } from '../messaging/analysis-schema.ts';
import { type ArticleAddress, articleAddress } from './canonical-url.ts';
import { CrosscheckDatabase, type IndexedDbDependencies } from './database.ts';
import { pageView } from './page-view.ts';
import { sourceSummary } from './summaries.ts';
import type { SourceSummary } from './views.ts';

export function memoryIndexedDb(): IndexedDbDependencies {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

export function freshDatabase(): CrosscheckDatabase {
  return new CrosscheckDatabase('crosscheck-test', memoryIndexedDb());
}

type Operation = { operation: () => unknown; source: unknown };
type FakeStore = { transaction: { _execRequestAsync(request: Operation): unknown } };
type Write = (...args: unknown[]) => unknown;

/** Puts `decide` in front of every put and add request: it lets each through, or refuses it with an error name. */
function interceptWrites(decide: () => string | null): () => void {
  const prototype = FakeObjectStore.prototype as unknown as Record<'put' | 'add', Write>;
  const originals = { put: prototype.put, add: prototype.add };
  for (const method of ['put', 'add'] as const) {
    prototype[method] = function (this: FakeStore, ...args: unknown[]) {
      const refusal = decide();
      if (refusal === null) return originals[method].apply(this, args);
      return this.transaction._execRequestAsync({
        operation: () => {
          throw new DOMException('The browser refused the write.', refusal);
        },
        source: this,
      });
    };
  }
  return () => Object.assign(prototype, originals);
}

/**
 * Makes write requests fail the way a browser refuses one (a QuotaExceededError from the request,
 * which aborts its transaction): every one after the first `after`, until the returned function is
 * called.
 */
export function refuseWrites({ errorName = 'QuotaExceededError', after = 0 } = {}): () => void {
  let allowed = after;
  return interceptWrites(() => (allowed-- > 0 ? null : errorName));
}

/** How many write requests `run` makes. */
export async function countWrites(run: () => Promise<unknown>): Promise<number> {
  let count = 0;
  const restore = interceptWrites(() => {
    count++;
    return null;
  });
  try {
    await run();
  } finally {
    restore();
  }
  return count;
}

/** Every row of every table, in key order: to show a failed write changed nothing. */
export async function snapshot(db: CrosscheckDatabase): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) tables[table.name] = await table.toArray();
  return tables;
}

export interface SeedPage {
  id: 'bbc' | 'wion';
  /** Where the fixture page is served in the end-to-end tests: the address the browser reports. */
  page: string;
  address: ArticleAddress;
  article: AnalysedArticle;
}

/** The two seed fixture articles as the page sends them, analysed as the gold standard reads them. */
export function seedPages(): SeedPage[] {
  return seedsGold('fixture').documents.map((document) => {
    const input = fixtureArticle(document.fixture);
    const page = `http://127.0.0.1:8127/${document.fixture}`;
    return {
      id: document.id as SeedPage['id'],
      page,
      address: articleAddress(page, input.metadata.url),
      article: { metadata: input.metadata, analysis: goldAnalysis(document, input) },
    };
  });
}

/**
 * What every page's lookup shows of other sources (which people's and claims' records copy), each
 * next to what that source's record says now: a test expects the two to be the same.
 */
export async function lookupSources(
  db: CrosscheckDatabase,
): Promise<{ page: string; shown: SourceSummary; stored: SourceSummary | undefined }[]> {
  const sources = await db.sources.toArray();
  const stored = new Map(sources.map((source) => [source.url, sourceSummary(source)]));
  const found = [];
  for (const { url: page } of sources) {
    const view = await pageView(db, page);
    const shown = [
      ...(view?.people ?? []).flatMap((person) => person.otherSources.map((other) => other.source)),
      ...(view?.allegations ?? []).flatMap((allegation) => allegation.otherReports.map((report) => report.source)),
      ...(view?.claims ?? []).flatMap((claim) => claim.firstReported ?? []),
    ];
    for (const summary of shown) found.push({ page, shown: summary, stored: stored.get(summary.url) });
  }
  return found;
}
