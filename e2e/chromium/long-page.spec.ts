/**
 * An article longer than Crosscheck reads, and a page with more text than it parses
 * (src/messaging/snapshot-limits.ts), in Chromium: the background refuses each with its length and
 * the limit, and the page and the popup say so.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../harness.ts';
import { fixturesDir } from '../../scripts/lib/paths.ts';
import { articleLimits, pageTextLimits } from '../../src/messaging/snapshot-limits.ts';

/** The BBC seed with its article's paragraphs repeated until the article holds `length` characters of markup. */
function longArticlePage(length: number): string {
  const html = readFileSync(join(fixturesDir, 'bbc-han-dong.html'), 'utf8');
  const article = /<article>([\s\S]*)<\/article>/.exec(html)?.[1] ?? '';
  const paragraphs = (article.match(/<p[\s>][\s\S]*?<\/p>/g) ?? []).join('\n');
  const copies = Math.ceil(length / paragraphs.length) + 1;
  return html.replace('</article>', `${paragraphs.repeat(copies)}</article>`);
}

const figure = (value: number) => value.toLocaleString('en');

for (const { title, length, limit, problem } of [
  {
    title: 'an article over the limit',
    length: 1.2 * articleLimits.length,
    limit: articleLimits.length,
    problem: (length: number) =>
      `This article is too long for Crosscheck to read: ${figure(length)} characters, the limit is ${figure(articleLimits.length)}.`,
  },
  {
    title: 'a page with more text than Crosscheck parses',
    length: 1.5 * pageTextLimits.length,
    limit: pageTextLimits.length,
    problem: (length: number) =>
      `This page is too large for Crosscheck to read: ${figure(length)} characters of text, the limit is ${figure(pageTextLimits.length)}.`,
  },
]) {
  test(`${title} is refused in so many words, on the page and in the popup`, async ({ chromium, server }) => {
    const url = server.url('/long-han-dong.html');
    await chromium.context.route(url, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: longArticlePage(length) }),
    );
    const page = await chromium.context.newPage();
    await page.goto(url);
    await expect
      .poll(async () => (await chromium.askTab(page, { type: 'tab/page-state' })).highlights.session?.state, {
        timeout: 30_000,
      })
      .toBe('failed');
    const { session } = (await chromium.askTab(page, { type: 'tab/page-state' })).highlights;
    const refused = session?.tooLong?.length ?? 0;
    expect(refused).toBeGreaterThan(limit);
    expect(session?.problem).toBe(problem(refused));

    const popup = await chromium.context.newPage();
    await popup.goto(chromium.pageUrl(`popup.html?tab=${await chromium.tabIdOf(page)}`));
    await expect(popup.getByText(problem(refused), { exact: true })).toBeVisible();
  });
}
