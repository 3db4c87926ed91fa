/**
 * An article longer than Crosscheck reads (src/messaging/snapshot-limits.ts), in Chromium: the
 * background refuses it with its length and the limit, and the page and the popup say so.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../harness.ts';
import { fixturesDir } from '../../scripts/lib/paths.ts';
import { articleLimits } from '../../src/messaging/snapshot-limits.ts';

/** The BBC seed with its article's paragraphs repeated until the article is over the limit. */
function longArticlePage(): string {
  const html = readFileSync(join(fixturesDir, 'bbc-han-dong.html'), 'utf8');
  const article = /<article>([\s\S]*)<\/article>/.exec(html)?.[1] ?? '';
  const paragraphs = (article.match(/<p[\s>][\s\S]*?<\/p>/g) ?? []).join('\n');
  const copies = Math.ceil((1.2 * articleLimits.length) / paragraphs.length) + 1;
  return html.replace('</article>', `${paragraphs.repeat(copies)}</article>`);
}

test('an article over the limit is refused in so many words, on the page and in the popup', async ({
  chromium,
  server,
}) => {
  const url = server.url('/long-han-dong.html');
  await chromium.context.route(url, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: longArticlePage() }),
  );
  const page = await chromium.context.newPage();
  await page.goto(url);
  await expect
    .poll(async () => (await chromium.askTab(page, { type: 'tab/page-state' })).highlights.session?.state, {
      timeout: 30_000,
    })
    .toBe('failed');
  const { session } = (await chromium.askTab(page, { type: 'tab/page-state' })).highlights;
  const length = session?.tooLong?.length ?? 0;
  expect(length).toBeGreaterThan(articleLimits.length);
  const message = `This article is too long for Crosscheck to read: ${length.toLocaleString('en')} characters, the limit is ${articleLimits.length.toLocaleString('en')}.`;
  expect(session?.problem).toBe(message);

  const popup = await chromium.context.newPage();
  await popup.goto(chromium.pageUrl(`popup.html?tab=${await chromium.tabIdOf(page)}`));
  await expect(popup.getByText(message, { exact: true })).toBeVisible();
});
