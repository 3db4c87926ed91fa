import { expect, registeredHighlights, test } from '../harness.ts';

test('the content script runs on an article and the background answers it', async ({ firefox, server }) => {
  const page = await firefox.newPage();
  await page.goto(server.url('/bbc-han-dong.html'));
  await expect
    .poll(() => page.evaluate(registeredHighlights))
    .toEqual(expect.arrayContaining(['crosscheck-person', 'crosscheck-allegation', 'crosscheck-response']));
});

test('nothing is registered on a page that is not an article', async ({ firefox, server }) => {
  const page = await firefox.newPage();
  await page.goto(server.url('/not-an-article.html'));
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await page.evaluate(registeredHighlights)).toEqual([]);
});
