/** Pages that change under the reader, in Firefox: later text is highlighted; a single-page move is followed. */
import { addLivePost, highlightedWords, livePost, routeTo } from '../../scripts/lib/page-probes.ts';
import { expect, test } from '../harness.ts';

test('text that arrives after the page loaded is read and highlighted', async ({ firefox, server }) => {
  const page = await firefox.newPage();
  await page.goto(server.url('/bbc-han-dong.html'));
  await expect.poll(async () => (await page.evaluate(highlightedWords)).person).toContain('Han Dong');
  await page.evaluate(addLivePost, livePost);
  await expect.poll(async () => (await page.evaluate(highlightedWords)).person).toContain('Pierre Poilievre');
});

test('a single-page site moving to another article is read afresh', async ({ firefox, server }) => {
  const page = await firefox.newPage();
  await page.goto(server.url('/bbc-han-dong.html'));
  await expect.poll(async () => (await page.evaluate(highlightedWords)).person).toContain('Han Dong');
  await page.evaluate(routeTo, ['/world/han-dong-quits', '/wion-han-dong.html'] as [string, string]);
  await expect.poll(async () => (await page.evaluate(highlightedWords)).person).toContain('Sparov');
});
