/**
 * On the two seed articles, in Chromium: the people and allegations are highlighted, the page's DOM
 * is untouched, the hover card shows the other source, and the keyboard drives it all.
 */
import type { Page } from '@playwright/test';
import type { ChromiumWithExtension } from '../../scripts/lib/launch.ts';
import type { FixtureServer } from '../../scripts/lib/fixture-server.ts';
import { expect, test } from '../harness.ts';
import * as probe from '../../scripts/lib/page-probes.ts';
import { wionInQuirksMode, wionInQuirksModePath } from '../fixture-variants.ts';
import { crampedName, expectInSmallWindow, smallWindow } from '../small-window.ts';
import { ClosedCard } from './closed-card.ts';
import { highlighted } from './highlighted.ts';

/** Opens a fixture and waits until Crosscheck has highlighted it and heard back from the store. */
async function open(chromium: ChromiumWithExtension, server: FixtureServer, path: string): Promise<Page> {
  const page = await chromium.context.newPage();
  await page.addInitScript(probe.recordPage);
  await page.goto(server.url(path));
  await highlighted(chromium, page);
  return page;
}

test('highlights the people and allegations of both seed articles, and leaves their DOM as it was', async ({
  chromium,
  server,
}) => {
  const bbc = await open(chromium, server, '/bbc-han-dong.html');
  const bbcWords = await bbc.evaluate(probe.highlightedWords);
  for (const name of ['Han Dong', 'Han Tao', 'Michael Kovrig', 'Michael Spavor', 'Meng Wanzhou', 'Justin Trudeau']) {
    expect(bbcWords.person).toContain(name);
  }
  expect(bbcWords.allegation).toContainEqual(expect.stringContaining('accused of lobbying a Chinese diplomat'));
  expect(bbcWords.response).toContainEqual(expect.stringContaining('has denied the allegations against him'));
  expect(await bbc.evaluate(probe.domUnchanged)).toBe(true);

  const wion = await open(chromium, server, '/wion-han-dong.html');
  const wionWords = await wion.evaluate(probe.highlightedWords);
  expect(wionWords.person).toEqual(expect.arrayContaining(['Han Dong', 'Han Tao', 'Michael Spavor', 'Sparov']));
  expect(wionWords.allegation).toContainEqual(expect.stringContaining('allegedly suggested'));
  expect(await wion.evaluate(probe.domUnchanged)).toBe(true);
  expect([...(await bbc.evaluate(probe.pageErrors)), ...(await wion.evaluate(probe.pageErrors))]).toEqual([]);
});

test('hovering Han Dong on the second article shows the first as another source', async ({ chromium, server }) => {
  await open(chromium, server, '/bbc-han-dong.html');
  const wion = await open(chromium, server, '/wion-han-dong.html');
  const card = new ClosedCard(wion);
  const name = await wion.evaluate(probe.highlightBox, ['person', 'Han Dong', 1] as [string, string, number]);
  if (!name) throw new Error('Han Dong is not highlighted');
  await wion.mouse.move(name.x, name.y);
  await expect.poll(() => card.text()).toContain('In 1 other source');
  const text = (await card.text()) ?? '';
  expect(text).toContain('Han Dong');
  expect(text).toContain('BBC News');
  expect(text).toContain('Han Dong: Canadian MP leaves Liberal caucus over China allegations');
  // The card is outside the article, in the page only while shown.
  expect(await wion.evaluate(() => document.querySelector('[data-crosscheck-card]')?.parentElement?.tagName)).toBe(
    'HTML',
  );
  await wion.mouse.move(5, 5);
  await expect.poll(() => wion.evaluate(probe.cardBox)).toBeNull();
  expect(await wion.evaluate(probe.domUnchanged)).toBe(true);
});

for (const { mode, path } of [
  { mode: 'CSS1Compat', path: '/wion-han-dong.html' },
  { mode: 'BackCompat', path: wionInQuirksModePath },
]) {
  test(`on a small window, the card of a person with other sources stays in it, and “Add note” can be pressed (${mode})`, async ({
    chromium,
    server,
  }) => {
    server.publish(wionInQuirksModePath, wionInQuirksMode());
    await open(chromium, server, '/bbc-han-dong.html');
    const wion = await open(chromium, server, path);
    expect(await wion.evaluate(() => document.compatMode)).toBe(mode);
    await wion.setViewportSize(smallWindow);
    const card = new ClosedCard(wion);
    // Where a card as tall as it may be fits neither below nor above the name.
    const name = await wion.evaluate(probe.highlightBox, crampedName);
    if (!name) throw new Error('Han Dong is not highlighted');
    expect(name.y).toBeGreaterThan(smallWindow.height / 2);
    await wion.mouse.move(name.x, name.y);
    await expect.poll(() => card.text()).toContain('In 1 other source');
    // The card's content arrives from the store after it opened: measured once it is all there.
    await expect.poll(() => card.text()).toContain('Add note');
    expectInSmallWindow(await wion.evaluate(probe.cardBox));
    await card.click(/^Add note$/);
    await expect.poll(() => card.text()).toContain('Note on Han Dong');
  });
}

test('the card opens, and its note editor works, on a page whose policy allows no script', async ({
  chromium,
  server,
}) => {
  const bbc = await open(chromium, server, '/strict/bbc-han-dong.html');
  const card = new ClosedCard(bbc);
  const name = await bbc.evaluate(probe.highlightBox, ['person', 'Han Dong', 0] as [string, string, number]);
  if (!name) throw new Error('Han Dong is not highlighted');
  await bbc.mouse.move(name.x, name.y);
  await expect.poll(() => card.text()).toContain('Han Dong');
  await expect.poll(() => card.text()).toContain('Add note');
  await card.click(/^Add note$/);
  await expect.poll(() => card.text()).toContain('Note on Han Dong');
  expect(await bbc.evaluate(probe.pageErrors)).toEqual([]);
});

test('the shortcut steps through the highlights with focus in the card; Escape closes it', async ({
  chromium,
  server,
}) => {
  const bbc = await open(chromium, server, '/bbc-han-dong.html');
  const card = new ClosedCard(bbc);
  const focused = () => bbc.evaluate(probe.focusedHighlight);
  await bbc.keyboard.press('Alt+Shift+ArrowDown');
  await expect.poll(() => card.text()).toContain('Person');
  const first = await focused();
  await bbc.keyboard.press('Alt+Shift+ArrowDown');
  await expect.poll(focused).not.toEqual(first);
  expect(await bbc.evaluate(() => document.activeElement?.hasAttribute('data-crosscheck-card'))).toBe(true);
  await bbc.keyboard.press('Alt+Shift+ArrowUp');
  await expect.poll(focused).toEqual(first);
  await bbc.keyboard.press('Escape');
  await expect.poll(() => bbc.evaluate(probe.cardBox)).toBeNull();
  expect(await focused()).toBeNull();
  expect(await bbc.evaluate(probe.domUnchanged)).toBe(true);
});

test('a page cannot open cards or step through highlights with synthetic events', async ({ chromium, server }) => {
  const bbc = await open(chromium, server, '/bbc-han-dong.html');
  const name = await bbc.evaluate(probe.highlightBox, ['person', 'Han Dong', 0] as [string, string, number]);
  await bbc.evaluate(probe.dispatchSyntheticInput, name);
  await bbc.waitForTimeout(800);
  expect(await bbc.evaluate(probe.cardBox)).toBeNull();
  expect(await bbc.evaluate(() => [...(CSS.highlights.get('crosscheck-focus') ?? [])].length)).toBe(0);
});

test('turning the highlights off removes every one of them; turning them on brings them back', async ({
  chromium,
  server,
}) => {
  const bbc = await open(chromium, server, '/bbc-han-dong.html');
  expect(await chromium.askTab(bbc, { type: 'tab/highlights', action: 'toggle' })).toMatchObject({ shown: false });
  expect(await bbc.evaluate(probe.highlightedWords)).toEqual({});
  const shown = await chromium.askTab(bbc, { type: 'tab/highlights', action: 'toggle' });
  expect(shown).toMatchObject({ shown: true, session: { state: 'highlighted' } });
  expect((await bbc.evaluate(probe.highlightedWords)).person).toContain('Han Dong');
  expect(await bbc.evaluate(probe.domUnchanged)).toBe(true);
});
