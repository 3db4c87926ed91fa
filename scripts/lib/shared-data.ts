/**
 * The optional data beside the repository (`../shared`, or wherever CROSSCHECK_SHARED points): the
 * seed texts, real news pages and person-name corpora that benchmarks and optional suites use. A
 * user's clone has none of it, so every reader must cope with `null`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.ts';

export function sharedDir(): string | null {
  const dir = process.env.CROSSCHECK_SHARED ?? join(repoRoot, '..', 'shared');
  return existsSync(dir) ? dir : null;
}

export interface NewsPage {
  name: string;
  /** The saved page. */
  htmlPath: string;
  /** Readability's expected metadata for it (title, byline, siteName, publishedTime, readerable). */
  expected: Record<string, unknown>;
}

/**
 * How the saved news pages are served to a browser: without their scripts and without reaching the
 * network. What is left is the publisher's markup and styles, the same on every run: what the
 * real-page suite checks the extension does not break, and what the page benchmark measures on.
 */
export const newsPagePolicy = "default-src 'self' 'unsafe-inline' data:; script-src 'none'";

/** The folder of saved real news pages, or null when it is not on this machine. */
export function newsPagesDir(): string | null {
  const shared = sharedDir();
  const dir = shared && join(shared, 'news-pages');
  return dir && existsSync(dir) ? dir : null;
}

/** The saved real news pages, or null when they are not on this machine. */
export function newsPages(): NewsPage[] | null {
  const dir = newsPagesDir();
  if (!dir) return null;
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'source.html')))
    .map((entry) => ({
      name: entry.name,
      htmlPath: join(dir, entry.name, 'source.html'),
      expected: JSON.parse(readFileSync(join(dir, entry.name, 'expected-metadata.json'), 'utf8')) as Record<
        string,
        unknown
      >,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
