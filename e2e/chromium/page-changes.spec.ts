/**
 * Pages that change under the reader, in Chromium: text that arrives later (a live blog's new post,
 * "read more") is highlighted, and a single-page site moving to another article starts a new source.
 */
import { addLivePost, highlightBox, highlightedWords, livePost, routeTo } from '../../scripts/lib/page-probes.ts';
import { expect, test } from '../harness.ts';
import { ClosedCard } from './closed-card.ts';
import { highlighted } from './highlighted.ts';

test('text that arrives after the page loaded is read and highlighted', async ({ chromium, server }) => {
  const page = await chromium.context.newPage();
  await page.goto(server.url('/bbc-han-dong.html'));
  await highlighted(chromium, page);
  expect((await page.evaluate(highlightedWords)).person).not.toContain('Pierre Poilievre');
  await page.evaluate(addLivePost, livePost);
  await expect.poll(async () => (await page.evaluate(highlightedWords)).person).toContain('Pierre Poilievre');
});

test('a single-page site moving to another article starts a new source', async ({ chromium, server }) => {
  const page = await chromium.context.newPage();
  await page.goto(server.url('/bbc-han-dong.html'));
  await highlighted(chromium, page);
  await page.evaluate(routeTo, ['/world/han-dong-quits', '/wion-han-dong.html'] as [string, string]);
  await expect.poll(async () => (await page.evaluate(highlightedWords)).person).toContain('Sparov');
  await highlighted(chromium, page);
  expect((await chromium.askTab(page, { type: 'tab/page-state' })).page.url).toBe(server.url('/world/han-dong-quits'));
  // Two sources now: the BBC article read first, and this one.
  const name = await page.evaluate(highlightBox, ['person', 'Han Dong', 1] as [string, string, number]);
  if (!name) throw new Error('Han Dong is not highlighted');
  await page.mouse.move(name.x, name.y);
  const card = new ClosedCard(page);
  await expect.poll(() => card.text()).toContain('In 1 other source');
  expect(await card.text()).toContain('BBC News');
});
