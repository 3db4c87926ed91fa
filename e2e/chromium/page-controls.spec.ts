/**
 * The controls in the popup, in Chromium: highlight the page on demand or remove the highlights,
 * switch a site off, choose on-demand mode. Settings go through the store; every tab follows them.
 */
import type { Page } from '@playwright/test';
import type { ChromiumWithExtension } from '../../scripts/lib/launch.ts';
import { expect, test } from '../harness.ts';
import { highlightedWords } from '../../scripts/lib/page-probes.ts';

const personHighlights = async (page: Page) => (await page.evaluate(highlightedWords)).person?.length ?? 0;

async function popupFor(chromium: ChromiumWithExtension, article: Page): Promise<Page> {
  const tabId = await chromium.tabIdOf(article);
  const popup = await chromium.context.newPage();
  await popup.goto(chromium.pageUrl(`popup.html?tab=${tabId}`));
  return popup;
}

test('the popup removes the highlights from its page and brings them back', async ({ chromium, server }) => {
  const article = await chromium.context.newPage();
  await article.goto(server.url('/bbc-han-dong.html'));
  await expect.poll(() => personHighlights(article)).toBeGreaterThan(0);
  const popup = await popupFor(chromium, article);
  await expect(popup.getByText(/people, \d+ allegations? and \d+ responses? highlighted\./)).toBeVisible();
  await popup.getByRole('button', { name: 'Remove highlights' }).click();
  await expect(popup.getByText('No highlights on this page.')).toBeVisible();
  expect(await article.evaluate(highlightedWords)).toEqual({});
  await popup.getByRole('button', { name: 'Highlight this page' }).click();
  await expect(popup.getByRole('button', { name: 'Remove highlights' })).toBeVisible();
  await expect.poll(() => personHighlights(article)).toBeGreaterThan(0);
});

test('switching a site off takes the highlights away from its pages; on brings them back', async ({
  chromium,
  server,
}) => {
  const article = await chromium.context.newPage();
  await article.goto(server.url('/wion-han-dong.html'));
  await expect.poll(() => personHighlights(article)).toBeGreaterThan(0);
  const popup = await popupFor(chromium, article);
  const site = popup.getByRole('checkbox', { name: 'On 127.0.0.1' });
  await expect(site).toBeChecked();
  await site.uncheck();
  await expect.poll(() => article.evaluate(highlightedWords)).toEqual({});
  await site.check();
  await expect.poll(() => personHighlights(article)).toBeGreaterThan(0);
});

test('in on-demand mode an article waits for the reader to ask', async ({ chromium, server }) => {
  const first = await chromium.context.newPage();
  await first.goto(server.url('/bbc-han-dong.html'));
  const popup = await popupFor(chromium, first);
  await popup.getByRole('radio', { name: 'Only when I ask' }).check();
  await expect(popup.getByRole('radio', { name: 'Only when I ask' })).toBeChecked();

  const article = await chromium.context.newPage();
  await article.goto(server.url('/wion-han-dong.html'));
  await expect.poll(async () => (await chromium.askTab(article, { type: 'tab/page-state' })).mode).toBe('on-demand');
  expect(await article.evaluate(highlightedWords)).toEqual({});
  const asked = await chromium.askTab(article, { type: 'tab/highlights', action: 'show' });
  expect(asked).toMatchObject({ shown: true, session: { state: 'highlighted' } });
  expect(await personHighlights(article)).toBeGreaterThan(0);
});
