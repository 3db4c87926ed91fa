/**
 * The real-page suite in Firefox, on a spread of the saved pages (the largest and the most
 * script-heavy): highlights, the DOM exactly as parsed, no errors from the extension.
 */
import { newsPages } from '../../scripts/lib/shared-data.ts';
import { expect, test } from '../harness.ts';
import { domUnchanged, highlightedWords, pageErrors, recordPage } from '../../scripts/lib/page-probes.ts';

const subset = ['bbc-1', 'guardian-1', 'nytimes-3', 'wapo-1', 'yahoo-2'];
const pages = newsPages()?.filter((page) => subset.includes(page.name)) ?? null;

test.describe('real news pages', () => {
  test.skip(pages === null, 'no ../shared/news-pages on this machine');

  for (const { name } of pages ?? []) {
    test(name, async ({ firefox, server }) => {
      const page = await firefox.newPage();
      const errors: string[] = [];
      // Firefox reports the page's own resources it refuses to load, with or without the extension: the
      // test's policy blocks the page's scripts, and some saved pages point at blob: URLs of their origin.
      page.on('pageerror', (error) => {
        const message = error instanceof Error ? error.message : String(error);
        if (!/^(Content-Security-Policy|Security Error: Content at)/.test(message)) errors.push(message);
      });
      await page.evaluateOnNewDocument(recordPage);
      await page.goto(server.url(`/news-pages/${name}/source.html`));
      await expect.poll(async () => (await page.evaluate(highlightedWords)).person?.length ?? 0).toBeGreaterThan(0);
      expect(await page.evaluate(domUnchanged)).toBe(true);
      expect([...errors, ...(await page.evaluate(pageErrors))]).toEqual([]);
    });
  }
});
