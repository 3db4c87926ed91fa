/**
 * On the two seed articles, in Firefox. Firefox does not let WebDriver BiDi open the extension's
 * pages, and the card's shadow root is closed, so these tests watch from the page's side: the
 * highlights in `CSS.highlights`, the DOM, the card's host element, and the reader's notes coming
 * back as highlights after a reload and an edit. What the card says is tested in Chromium.
 */
import type { Browser, Page } from 'puppeteer-core';
import { expect, test } from '../harness.ts';
import { bbcAsPublished, editedBbcPath, wionInQuirksMode, wionInQuirksModePath } from '../fixture-variants.ts';
import * as probe from '../../scripts/lib/page-probes.ts';
import { crampedName, expectInSmallWindow, smallWindow } from '../small-window.ts';
import { cardButton, cardFocus, cardText } from './card-root.ts';
import { selectPhrase } from './select-phrase.ts';

/** Opens a fixture in a new tab and waits for its highlights. */
async function open(firefox: Browser, url: string): Promise<Page> {
  const page = await firefox.newPage();
  await page.evaluateOnNewDocument(probe.recordPage);
  await page.goto(url);
  await expect.poll(async () => (await page.evaluate(probe.highlightedWords)).person?.length ?? 0).toBeGreaterThan(0);
  return page;
}

async function shortcut(page: Page, key: 'ArrowDown' | 'ArrowUp' | 'KeyN') {
  await page.keyboard.down('Alt');
  await page.keyboard.down('Shift');
  await page.keyboard.press(key);
  await page.keyboard.up('Shift');
  await page.keyboard.up('Alt');
}

test('highlights the people and allegations of both seed articles, and leaves their DOM as it was', async ({
  firefox,
  server,
}) => {
  const bbc = await open(firefox, server.url('/bbc-han-dong.html'));
  const bbcWords = await bbc.evaluate(probe.highlightedWords);
  expect(bbcWords.person).toEqual(expect.arrayContaining(['Han Dong', 'Han Tao', 'Michael Kovrig', 'Michael Spavor']));
  expect(bbcWords.allegation).toContainEqual(expect.stringContaining('accused of lobbying a Chinese diplomat'));
  expect(bbcWords.response).toContainEqual(expect.stringContaining('has denied the allegations against him'));
  expect(await bbc.evaluate(probe.domUnchanged)).toBe(true);

  const wion = await open(firefox, server.url('/wion-han-dong.html'));
  expect((await wion.evaluate(probe.highlightedWords)).person).toEqual(expect.arrayContaining(['Han Dong', 'Sparov']));
  expect(await wion.evaluate(probe.domUnchanged)).toBe(true);
  expect([...(await bbc.evaluate(probe.pageErrors)), ...(await wion.evaluate(probe.pageErrors))]).toEqual([]);
});

test('hovering a highlight shows a card outside the article, gone when the pointer leaves', async ({
  firefox,
  server,
}) => {
  const page = await open(firefox, server.url('/wion-han-dong.html'));
  const name = await page.evaluate(probe.highlightBox, ['person', 'Han Dong', 1] as [string, string, number]);
  if (!name) throw new Error('Han Dong is not highlighted');
  await page.mouse.move(name.x, name.y);
  await expect.poll(() => page.evaluate(probe.cardBox)).not.toBeNull();
  expect(await page.evaluate(() => document.querySelector('[data-crosscheck-card]')?.parentElement?.tagName)).toBe(
    'HTML',
  );
  await page.mouse.move(5, 5);
  await expect.poll(() => page.evaluate(probe.cardBox)).toBeNull();
  expect(await page.evaluate(probe.domUnchanged)).toBe(true);
});

for (const { mode, path } of [
  { mode: 'CSS1Compat', path: '/wion-han-dong.html' },
  { mode: 'BackCompat', path: wionInQuirksModePath },
]) {
  test(`on a small window, a tall card stays in it, and its “Add note” can be pressed (${mode})`, async ({
    firefox,
    server,
  }) => {
    server.publish(wionInQuirksModePath, wionInQuirksMode());
    await open(firefox, server.url('/bbc-han-dong.html'));
    const page = await open(firefox, server.url(path));
    expect(await page.evaluate(() => document.compatMode)).toBe(mode);
    await page.setViewport(smallWindow);
    // Where a card as tall as it may be fits neither below nor above the name.
    const name = await page.evaluate(probe.highlightBox, crampedName);
    if (!name) throw new Error('Han Dong is not highlighted');
    expect(name.y).toBeGreaterThan(smallWindow.height / 2);
    // Han Dong's name is inside an allegation: Firefox shows the allegation's card, as tall as his.
    await page.mouse.move(name.x, name.y);
    // The card's content arrives from the store after it opened: measured once it is all there.
    await expect.poll(() => cardText(page)).toContain('In 1 other source');
    await expect.poll(() => cardText(page)).toContain('Add note');
    expectInSmallWindow(await page.evaluate(probe.cardBox));
    const button = await cardButton(page, 'Add note');
    if (!button) throw new Error('the card has no “Add note”');
    expect(button.y).toBeLessThanOrEqual(smallWindow.height);
    await page.mouse.click(button.x, button.y);
    await expect.poll(() => cardText(page)).toMatch(/^Note on /);
  });
}

test('the card opens, and its note editor works, on a page whose policy allows no script', async ({
  firefox,
  server,
}) => {
  const page = await open(firefox, server.url('/strict/bbc-han-dong.html'));
  const name = await page.evaluate(probe.highlightBox, ['person', 'Han Dong', 0] as [string, string, number]);
  if (!name) throw new Error('Han Dong is not highlighted');
  await page.mouse.move(name.x, name.y);
  await expect.poll(() => cardText(page)).toContain('Han Dong');
  await expect.poll(() => cardText(page)).toContain('Add note');
  const button = await cardButton(page, 'Add note');
  if (!button) throw new Error('the card has no “Add note”');
  await page.mouse.click(button.x, button.y);
  await expect.poll(() => cardText(page)).toMatch(/^Note on /);
  expect(await page.evaluate(probe.pageErrors)).toEqual([]);
});

test('the shortcut steps through the highlights; Escape closes the card', async ({ firefox, server }) => {
  const page = await open(firefox, server.url('/bbc-han-dong.html'));
  await shortcut(page, 'ArrowDown');
  await expect.poll(() => page.evaluate(probe.cardBox)).not.toBeNull();
  const first = await page.evaluate(probe.focusedHighlight);
  expect(first).not.toBeNull();
  await shortcut(page, 'ArrowDown');
  await expect.poll(() => page.evaluate(probe.focusedHighlight)).not.toEqual(first);
  await page.keyboard.press('Escape');
  await expect.poll(() => page.evaluate(probe.cardBox)).toBeNull();
  expect(await page.evaluate(probe.focusedHighlight)).toBeNull();
  expect(await page.evaluate(probe.domUnchanged)).toBe(true);
});

test('a page cannot open cards or step through highlights with synthetic events', async ({ firefox, server }) => {
  const page = await open(firefox, server.url('/bbc-han-dong.html'));
  const name = await page.evaluate(probe.highlightBox, ['person', 'Han Dong', 0] as [string, string, number]);
  await page.evaluate(probe.dispatchSyntheticInput, name);
  await new Promise((resolve) => setTimeout(resolve, 800));
  expect(await page.evaluate(probe.cardBox)).toBeNull();
});

test('a note on a selection is kept, and found again after a reload and after a small edit', async ({
  firefox,
  server,
}) => {
  server.publish(editedBbcPath, bbcAsPublished({ edited: false }));
  const page = await open(firefox, server.url(editedBbcPath));
  await selectPhrase(page, 'lobbying a Chinese diplomat');
  // "Add note" appears beside the selection: the card is just that button.
  await expect.poll(() => page.evaluate(probe.cardBox)).not.toBeNull();
  const offer = await page.evaluate(probe.cardBox);
  if (!offer) throw new Error('no offer to note the selection');
  await page.mouse.click(offer.x + offer.width / 2, offer.y + offer.height / 2);
  await expect.poll(async () => (await page.evaluate(probe.cardBox))?.height ?? 0).toBeGreaterThan(offer.height);
  // The editor takes the focus once it has rendered: what is typed before then is lost. Ctrl+Enter saves.
  await expect.poll(() => cardFocus(page)).toBe('editor__body');
  await page.keyboard.type('Which diplomat? Global News names Han Tao.');
  await page.keyboard.down('Control');
  await page.keyboard.press('Enter');
  await page.keyboard.up('Control');
  const noted = (words: Record<string, string[]>, phrase: string) =>
    JSON.stringify(words['note-yellow']) === JSON.stringify([phrase]);
  await expect
    .poll(async () => noted(await page.evaluate(probe.highlightedWords), 'lobbying a Chinese diplomat'))
    .toBe(true);

  await page.reload();
  await expect
    .poll(async () => noted(await page.evaluate(probe.highlightedWords), 'lobbying a Chinese diplomat'))
    .toBe(true);

  server.publish(editedBbcPath, bbcAsPublished({ edited: true }));
  await page.reload();
  await expect
    .poll(async () => noted(await page.evaluate(probe.highlightedWords), 'lobbying a senior Chinese diplomat'))
    .toBe(true);
});
