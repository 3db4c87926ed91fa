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

export type { ArticleToStore };

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

/**
 * Stores the articles through `extensionPage` (any page of the extension: they share its database),
 * in batches so that no message to the page grows too large. Resolves with the number of sources stored.
 */
export async function storeInExtension(extensionPage: Page, articles: ArticleToStore[], batch = 200): Promise<number> {
  // page.evaluate runs over the DevTools protocol, which the extension's content security policy does not restrict.
  await extensionPage.evaluate(await ingestBundle());
  let count = 0;
  for (let start = 0; start < articles.length; start += batch) {
    const slice = articles.slice(start, start + batch);
    count = await extensionPage.evaluate(
      (items) =>
        (globalThis as unknown as { crosscheckIngest: (a: typeof items) => Promise<number> }).crosscheckIngest(items),
      slice,
    );
  }
  return count;
}
