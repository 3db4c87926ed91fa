/**
 * Articles from files, for the CLI, the benchmarks and the tests. An `.html` file is extracted as the
 * extension extracts a page (a snapshot of a jsdom document, read by `extractArticle`); a `.txt` file is used verbatim,
 * one block per paragraph (paragraphs are separated by blank lines). A `.txt` file that opens with a
 * date stamp ("date 2023-03-23", as the seed texts do) gives the article its date.
 */
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { ArticleInput, TextBlock } from '../../src/analysis/types.ts';
import { extractArticle } from '../../src/extraction/extract-article.ts';
import { snapshotsOf } from '../../src/page/page-snapshot.ts';
import { fixturesDir } from './paths.ts';

/** A file that cannot be analysed, with a one-line reason a reader can act on. */
export class ArticleFileError extends Error {}

const dateStamp = /^\s*date\s+(\d{4}-\d\d-\d\d)\b[ \t]*/i;

export function articleFromHtml(html: string, url: string): ArticleInput | null {
  // Pages log their own script and CSS errors; they are not the reader's concern here.
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  try {
    for (const { snapshot } of snapshotsOf(dom.window.document)) {
      const article = extractArticle(snapshot, url);
      if (article) return article.input;
    }
    return null;
  } finally {
    dom.window.close();
  }
}

export function articleFromText(text: string): ArticleInput {
  const blocks: TextBlock[] = [];
  let body = text.replace(/\r\n?/g, '\n');
  let published: string | undefined;
  const stamp = dateStamp.exec(body);
  if (stamp) {
    published = stamp[1];
    blocks.push({ kind: 'dateline', text: stamp[0].trim() });
    body = body.slice(stamp[0].length);
  }
  for (const paragraph of body.split(/\n[^\S\n]*\n/)) {
    const trimmed = paragraph.trim();
    if (trimmed.length > 0) blocks.push({ kind: 'paragraph', text: trimmed });
  }
  return { blocks, metadata: published ? { published } : {} };
}

/** Reads an article file, or throws an ArticleFileError that says in one line why it cannot. */
export function readArticleFile(path: string): ArticleInput {
  const kind = extname(path).toLowerCase();
  if (kind !== '.html' && kind !== '.htm' && kind !== '.txt') {
    throw new ArticleFileError(`${path}: not an article file (expected .html or .txt)`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new ArticleFileError(`${path}: ${reasonOf(error)}`);
  }
  if (bytes.includes(0)) throw new ArticleFileError(`${path}: binary file, not text`);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.trim().length === 0) throw new ArticleFileError(`${path}: empty file`);
  if (kind === '.txt') return articleFromText(text);
  const article = articleFromHtml(text, pathToFileURL(path).href);
  if (!article) throw new ArticleFileError(`${path}: no article text found in the page`);
  return article;
}

/** One of the repository's own fixture pages, extracted as the extension would. */
export function fixtureArticle(name: string): ArticleInput {
  const article = articleFromHtml(readFileSync(join(fixturesDir, name), 'utf8'), `http://127.0.0.1:8127/${name}`);
  if (!article) throw new Error(`no article in fixture ${name}`);
  return article;
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'a directory, not a file';
  return error instanceof Error ? error.message : String(error);
}
