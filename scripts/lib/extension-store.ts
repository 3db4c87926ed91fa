/**
 * Fills the extension's database directly, from one of its own pages, with the store's own ingest:
 * for benchmarks and screenshots that need a store of a given size or content without reading each
 * article in a tab (which would measure the content script, not the view under test).
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import * as esbuild from 'esbuild';
import type { ArticleToStore } from './extension-store-entry.ts';
import { repoRoot } from './paths.ts';
import type { CorpusOptions } from './synthetic-articles.ts';

export type { ArticleToStore };

interface InPage {
  crosscheckIngest(articles: ArticleToStore[]): Promise<number>;
  crosscheckIngestSynthetic(from: number, to: number, corpus: CorpusOptions): Promise<number>;
}

let bundle: Promise<string> | undefined;

function ingestBundle(): Promise<string> {
  bundle ??= esbuild
    .build({
      absWorkingDir: repoRoot,
      entryPoints: [join(repoRoot, 'scripts', 'lib', 'extension-store-entry.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      target: ['chrome111'],
      logLevel: 'warning',
    })
    .then((result) => result.outputFiles[0]?.text ?? '');
  return bundle;
}

/** Loads the store's ingest into `extensionPage` (any page of the extension: they share its database). */
async function prepare(extensionPage: Page): Promise<void> {
  // page.evaluate runs over the DevTools protocol, which the extension's content security policy does not restrict.
  await extensionPage.evaluate(await ingestBundle());
}

/**
 * Stores the articles in batches, so that no message to the page grows too large. Resolves with
 * the number of sources stored.
 */
export async function storeInExtension(extensionPage: Page, articles: ArticleToStore[], batch = 200): Promise<number> {
  await prepare(extensionPage);
  let count = 0;
  for (let start = 0; start < articles.length; start += batch) {
    const slice = articles.slice(start, start + batch);
    count = await extensionPage.evaluate((items) => (globalThis as unknown as InPage).crosscheckIngest(items), slice);
  }
  return count;
}

/**
 * Stores the first `count` articles of a synthetic corpus (scripts/lib/synthetic-articles.ts), made
 * in the page, a batch at a time; `progress` hears how many sources the store holds after each.
 */
export async function storeSyntheticInExtension(
  extensionPage: Page,
  count: number,
  corpus: CorpusOptions,
  progress: (stored: number) => void = () => undefined,
  batch = 500,
): Promise<number> {
  await prepare(extensionPage);
  let stored = 0;
  for (let from = 0; from < count; from += batch) {
    const range = [from, Math.min(count, from + batch), corpus] as const;
    stored = await extensionPage.evaluate(
      ([start, end, options]) => (globalThis as unknown as InPage).crosscheckIngestSynthetic(start, end, options),
      range,
    );
    progress(stored);
  }
  return stored;
}
