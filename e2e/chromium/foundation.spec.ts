import { expect, registeredHighlights, test } from '../harness.ts';

test('the content script runs on an article and the background answers it', async ({ chromium, server }) => {
  const page = await chromium.context.newPage();
  await page.goto(server.url('/bbc-han-dong.html'));
  // The highlight layers are registered only once the background has answered "auto".
  await expect
    .poll(() => page.evaluate(registeredHighlights))
    .toEqual(expect.arrayContaining(['crosscheck-person', 'crosscheck-allegation', 'crosscheck-response']));
});

test('nothing is registered on a page that is not an article', async ({ chromium, server }) => {
  const page = await chromium.context.newPage();
  await page.goto(server.url('/not-an-article.html'));
  await page.waitForTimeout(500);
  expect(await page.evaluate(registeredHighlights)).toEqual([]);
});

test('the popup shows what the content script reports for its tab', async ({ chromium, server }) => {
  const article = await chromium.context.newPage();
  await article.goto(server.url('/wion-han-dong.html'));
  await expect.poll(() => article.evaluate(registeredHighlights)).toContain('crosscheck-person');
  const tabId = await chromium.tabIdOf(article);

  const popup = await chromium.context.newPage();
  await popup.goto(chromium.pageUrl(`popup.html?tab=${tabId}`));
  // The article's heading (its title also stands in an allegation and in what the export offers).
  await expect(popup.locator('.article-heading__title')).toHaveText(
    'Canadian MP Han Dong quits Liberal Party over allegations of Chinese interference',
  );
  await expect(popup.getByRole('row', { name: /^Han Dong/ })).toBeVisible();
});

test('the notebook opens as a full tab with the same app', async ({ chromium }) => {
  const notebook = await chromium.context.newPage();
  await notebook.goto(chromium.pageUrl('notebook.html'));
  await expect(notebook.getByRole('heading', { name: 'Crosscheck' })).toBeVisible();
  await expect(notebook.locator('body')).toHaveAttribute('data-layout', 'tab');
});
