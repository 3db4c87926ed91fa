/**
 * For the store's end-to-end tests, which send `page/read` themselves: a page's snapshot as its
 * content script takes it (the same code, over jsdom in Node), and what the background makes of it
 * (the same reading), so a test knows what the store must then hold.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { fixturesDir } from '../scripts/lib/paths.ts';
import { type ReadArticle, readArticle } from '../src/extraction/read-article.ts';
import type { AnalysedArticle } from '../src/messaging/analysis-schema.ts';
import type { PageSnapshot } from '../src/page/page-snapshot.ts';
import { takeSnapshot } from '../src/page/page-snapshot.ts';
import type { ArticleAddress } from '../src/store/canonical-url.ts';
import { articleAddress } from '../src/store/canonical-url.ts';
import type { CrosscheckDatabase } from '../src/store/database.ts';
import { ingestArticle } from '../src/store/ingest.ts';
import { freshDatabase } from '../src/store/test-support.ts';

/** The origin the fixture pages name in their canonical links and JSON-LD. */
const fixtureOrigin = 'http://127.0.0.1:8127';

export function snapshotOf(html: string, url: string): PageSnapshot {
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  try {
    return takeSnapshot(dom.window.document).snapshot;
  } finally {
    dom.window.close();
  }
}

/** A fixture page as served at `url`: the addresses it names point at the origin serving it. */
export function fixtureSnapshot(name: string, url: string): PageSnapshot {
  const html = readFileSync(join(fixturesDir, name), 'utf8').replaceAll(fixtureOrigin, new URL(url).origin);
  return snapshotOf(html, url);
}

const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A page holding an analysed article's text, one paragraph a block (for made-up articles). */
export function pageOf({ metadata, analysis }: AnalysedArticle): string {
  const paragraphs = analysis.blocks.map((block) => `<p>${escaped(analysis.text.slice(block.start, block.end))}</p>`);
  return `<!doctype html><html><head><title>${escaped(metadata.title ?? '')}</title></head><body><article>${paragraphs.join('')}</article></body></html>`;
}

/** What the background reads in a snapshot sent from `url`, and the address it stores the article under. */
export async function backgroundReading(
  snapshot: PageSnapshot,
  url: string,
): Promise<ReadArticle & { address: ArticleAddress }> {
  const { article } = await readArticle(snapshot, url);
  if (!article) throw new Error(`no article in the snapshot of ${url}`);
  return { ...article, address: articleAddress(url, article.metadata.url) };
}

/** What the store holds after the background read these pages one after the other: a database in memory (fake-indexeddb). */
export async function storedInTurn(pages: { snapshot: PageSnapshot; url: string }[]): Promise<CrosscheckDatabase> {
  const db = freshDatabase();
  for (const { snapshot, url } of pages) {
    const { address, metadata, analysis } = await backgroundReading(snapshot, url);
    await ingestArticle(db, address, { metadata, analysis });
  }
  return db;
}
