/**
 * Analysed articles as an export file, for the command line (`npm run analyze -- --format w3c|csv|md`):
 * the articles are stored in a database in memory with the store's own ingest, linked across sources
 * as the extension links them, and exported with the extension's own formats. The command line and
 * the extension therefore write the same files for the same articles.
 */
import { pathToFileURL } from 'node:url';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { emptyRecords } from '../../src/export/backup-schema.ts';
import { addRecords, collectExport } from '../../src/export/collect-export.ts';
import type { ExportFormat } from '../../src/export/export-data.ts';
import { exportFile } from '../../src/export/export-file.ts';
import { exportRecords, planExport } from '../../src/export/export-selection.ts';
import type { AnalysedArticle } from '../../src/messaging/analysis-schema.ts';
import { type ArticleAddress, articleAddress } from '../../src/store/canonical-url.ts';
import { CrosscheckDatabase } from '../../src/store/database.ts';
import { ingestArticle } from '../../src/store/ingest.ts';

/** The command line's names for the export formats. */
export const cliFormats = { w3c: 'w3c', csv: 'csv', md: 'markdown' } as const satisfies Record<string, ExportFormat>;
export type CliFormat = keyof typeof cliFormats;

export interface ArticleToExport {
  /** Where the article was read: the file it came from. */
  path: string;
  article: AnalysedArticle;
}

export async function exportArticles(
  articles: ArticleToExport[],
  format: CliFormat,
  { generated = Date.now(), generator = 'Crosscheck command line' } = {},
): Promise<string> {
  const db = new CrosscheckDatabase('crosscheck-cli', { indexedDB: new IDBFactory(), IDBKeyRange });
  try {
    for (const { path, article } of articles) await ingestArticle(db, addressOf(path, article), article, generated);
    const records = emptyRecords();
    const scope = { kind: 'everything' } as const;
    const plan = await collectExport(
      { plan: (planned) => planExport(db, planned), records: (planned, batch) => exportRecords(db, planned, batch) },
      scope,
      (batch) => addRecords(records, batch),
    );
    return exportFile(cliFormats[format], { ...records, scope, label: plan.label, generated, generator }).text;
  } finally {
    db.close();
  }
}

/**
 * An article's address: the web address its page declares (a saved page's canonical link), or else
 * the file itself, which is all a plain text file has.
 */
function addressOf(path: string, article: AnalysedArticle): ArticleAddress {
  const declared = article.metadata.url;
  if (declared && /^https?:\/\//i.test(declared)) return articleAddress(declared);
  const file = pathToFileURL(path).href;
  return { url: file, href: file, alias: file, site: 'local file' };
}
