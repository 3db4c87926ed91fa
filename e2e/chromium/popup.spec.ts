/**
 * The popup and the notebook in Chromium, on the two seed articles read for real by the content
 * script: the cross-source views, a note that travels from the popup to the hover card and into the
 * notebook's search, and axe-core's accessibility checks in light and dark mode.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from '../harness.ts';
import type { ChromiumWithExtension } from '../../scripts/lib/launch.ts';
import type { FixtureServer } from '../../scripts/lib/fixture-server.ts';
import { repoRoot } from '../../scripts/lib/paths.ts';
import * as probe from '../../scripts/lib/page-probes.ts';
import { ClosedCard } from './closed-card.ts';
import { highlighted } from './highlighted.ts';

/** Opens both seed articles, the BBC's first, each highlighted and stored before the next. */
async function readSeeds(chromium: ChromiumWithExtension, server: FixtureServer): Promise<{ bbc: Page; wion: Page }> {
  const bbc = await chromium.context.newPage();
  await bbc.goto(server.url('/bbc-han-dong.html'));
  await highlighted(chromium, bbc);
  const wion = await chromium.context.newPage();
  await wion.goto(server.url('/wion-han-dong.html'));
  await highlighted(chromium, wion);
  return { bbc, wion };
}

async function openPopup(chromium: ChromiumWithExtension, tab: Page): Promise<Page> {
  const popup = await chromium.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(chromium.pageUrl(`popup.html?tab=${await chromium.tabIdOf(tab)}`));
  return popup;
}

async function snapshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

/** The popup is 400 pixels wide: nothing of a view may stick out sideways or need a horizontal scroll. */
async function expectFitsThePopup(popup: Page, view: string): Promise<void> {
  const overflowing = await popup.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const outside = [...document.querySelectorAll('body *')]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && (box.right > width + 0.5 || box.left < -0.5);
      })
      // Only the outermost: an element inside one that sticks out says nothing more.
      .filter((element, _, all) => !all.some((other) => other !== element && other.contains(element)))
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
    return { scrollWidth: document.documentElement.scrollWidth, width, outside };
  });
  expect(overflowing, view).toEqual({ scrollWidth: overflowing.width, width: overflowing.width, outside: [] });
}

test('on the second article, the popup shows Han Dong with the other source and his claim in both outlets’ words', async ({
  chromium,
  server,
}, testInfo) => {
  const { wion } = await readSeeds(chromium, server);
  const popup = await openPopup(chromium, wion);

  const people = popup.getByRole('table');
  const hanDong = people.getByRole('row', { name: /^Han Dong/ });
  await expect(hanDong.getByRole('cell')).toHaveText(['10', '1']);
  await expect(popup.getByRole('form', { name: 'Export', exact: true })).toBeVisible();
  await expectFitsThePopup(popup, 'the current page');
  await snapshot(popup, testInfo, 'popup-current-page');

  await hanDong.getByRole('link', { name: 'Han Dong' }).click();
  await expect(popup.getByRole('heading', { name: 'Han Dong', level: 2 })).toBeFocused();
  const sources = popup.getByRole('region', { name: /Named in/ });
  await expect(sources.getByText('BBC News', { exact: true })).toBeVisible();
  await expect(sources.getByText('WION', { exact: true })).toBeVisible();
  await expectFitsThePopup(popup, 'the person view');
  await snapshot(popup, testInfo, 'popup-person');

  await popup.getByRole('link', { name: /denied allegations that he lobbied/ }).click();
  const wording = popup.getByRole('region', { name: 'Each outlet’s wording' });
  const columns = wording.locator('.comparison__column');
  await expect(columns).toHaveCount(2);
  await expect(columns.nth(0)).toContainText('BBC News');
  await expect(columns.nth(0)).toContainText('Han Dong has been accused of lobbying a Chinese diplomat');
  await expect(columns.nth(1)).toContainText('WION');
  await expect(columns.nth(1)).toContainText('Dong had advised a senior Chinese diplomat in February 2021');
  await expect(columns.nth(1).locator('mark.diff--date').first()).toBeVisible();
  await expectFitsThePopup(popup, 'the claim view');
  await snapshot(popup, testInfo, 'popup-claim');

  await popup.getByRole('link', { name: 'Back' }).click();
  await expect(popup.getByRole('heading', { name: 'Han Dong', level: 2 })).toBeVisible();
});

test('a note on Han Dong written in the popup shows in the hover card on the first article, and the notebook finds it', async ({
  chromium,
  server,
}, testInfo) => {
  const { bbc, wion } = await readSeeds(chromium, server);
  const popup = await openPopup(chromium, wion);
  await popup.getByRole('table').getByRole('link', { name: 'Han Dong' }).click();
  await popup.getByRole('button', { name: 'Add note' }).click();
  await popup.getByRole('textbox', { name: 'Note' }).fill('Ask his office about the February 2021 conversation');
  await popup.getByRole('textbox', { name: /Tags/ }).fill('follow up');
  await popup.getByRole('button', { name: 'Save note' }).click();
  const notes = popup.getByRole('region', { name: /Your notes/ });
  await expect(notes.getByText('Ask his office about the February 2021 conversation')).toBeVisible();
  await expectFitsThePopup(popup, 'the person view with a note');
  await snapshot(popup, testInfo, 'popup-person-note');

  // Back on the first article, the hover card has the note written in the popup. Headless Chromium
  // keeps every tab visible and focused, so it never tells a page that the reader came back to it:
  // the test sends the focus event a browser sends then.
  await bbc.bringToFront();
  await bbc.evaluate(() => dispatchEvent(new FocusEvent('focus')));
  const cardText = await hoverCardText(bbc, 'Han Dong', 'Ask his office about the February 2021 conversation');
  expect(cardText).toContain('follow up');

  const notebook = await chromium.context.newPage();
  await notebook.goto(chromium.pageUrl('notebook.html'));
  await notebook.getByRole('searchbox').fill('february conversation');
  const hit = notebook.getByRole('region', { name: 'Search' }).getByRole('link', { name: /Ask his office/ });
  await expect(hit).toContainText('on Han Dong');
  await hit.click();
  await expect(notebook.getByRole('heading', { name: 'Han Dong', level: 2 })).toBeVisible();
  await snapshot(notebook, testInfo, 'notebook-search');
});

test('the popup works from the keyboard, with the focus always visible', async ({ chromium, server }) => {
  const { wion } = await readSeeds(chromium, server);
  const popup = await openPopup(chromium, wion);
  await expect(popup.getByRole('table')).toBeVisible();
  const focused = () =>
    popup.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const style = getComputedStyle(element);
      return { text: element.textContent?.trim() ?? '', outline: style.outlineStyle, width: style.outlineWidth };
    });
  let reached = await focused();
  for (let presses = 0; presses < 20 && reached.text !== 'Han Dong'; presses++) {
    await popup.keyboard.press('Tab');
    reached = await focused();
    expect(reached.outline, `the focus on “${reached.text}”`).not.toBe('none');
    expect(reached.width).not.toBe('0px');
  }
  expect(reached.text).toBe('Han Dong');
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('heading', { name: 'Han Dong', level: 2 })).toBeFocused();
  await popup.keyboard.press('Tab');
  expect((await focused()).outline).not.toBe('none');
});

test('the popup exports the article in its tab to a file with a dated name', async ({ chromium, server }, testInfo) => {
  const { wion } = await readSeeds(chromium, server);
  const popup = await openPopup(chromium, wion);
  const panel = popup.getByRole('form', { name: 'Export', exact: true });
  await panel.getByRole('radio', { name: /Markdown report/ }).check();
  await panel.getByRole('radio', { name: /^This article: Canadian MP Han Dong quits Liberal Party/ }).check();
  const [download] = await Promise.all([
    popup.waitForEvent('download'),
    panel.getByRole('button', { name: 'Export Markdown report' }).click(),
  ]);
  const day = new Date().toLocaleDateString('sv');
  expect(download.suggestedFilename()).toBe(`crosscheck-canadian-mp-han-dong-quits-liberal-party-over-${day}.md`);
  const path = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(path);
  const report = readFileSync(path, 'utf8');
  expect(report).toContain('Canadian MP Han Dong quits Liberal Party over allegations of Chinese interference');
  expect(report).toContain('Han Dong');
  await expect(panel.getByRole('status')).toContainText(`Saved ${download.suggestedFilename()}`);
  // Importing needs a file picker, which would close the popup: it opens in the notebook.
  const [notebook] = await Promise.all([
    chromium.context.waitForEvent('page'),
    popup.getByRole('button', { name: 'Import in the notebook…' }).click(),
  ]);
  await expect(notebook.getByRole('region', { name: 'Import', exact: true })).toBeVisible();
});

test('the notebook’s settings say whose licence is what, and show the NOTICE the package ships', async ({
  chromium,
}) => {
  const notebook = await chromium.context.newPage();
  await notebook.goto(chromium.pageUrl('notebook.html#/settings'));
  const about = notebook.getByRole('region', { name: 'About' });
  await expect(about).toContainText('under the MIT licence');
  await expect(about).toContainText('licensed under CC BY-SA 4.0');
  await about.getByText('Credits and licences (NOTICE)').click();
  // Read from the built package, so this fails if the build stops shipping it.
  const notice = about.locator('pre');
  await expect(notice).toContainText('src/analysis/names/model.json');
  await expect(notice).toContainText('WikiGold');
  expect(await notice.textContent()).toBe(readFileSync(join(repoRoot, 'NOTICE'), 'utf8'));
});

test('the popup and the notebook have no serious or critical accessibility problems, in light and dark mode', async ({
  chromium,
  server,
}) => {
  const { wion } = await readSeeds(chromium, server);
  for (const colorScheme of ['light', 'dark'] as const) {
    const popup = await openPopup(chromium, wion);
    await popup.emulateMedia({ colorScheme });
    await expect(popup.getByRole('table')).toBeVisible();
    await expectAccessible(popup, `popup, ${colorScheme}`);
    await popup.getByRole('table').getByRole('link', { name: 'Han Dong' }).click();
    await popup.getByRole('button', { name: 'Add note' }).click();
    await expectAccessible(popup, `person view with the note editor, ${colorScheme}`);
    await popup.getByRole('link', { name: /denied allegations that he lobbied/ }).click();
    await expect(popup.locator('.comparison__column')).toHaveCount(2);
    await expectAccessible(popup, `claim view, ${colorScheme}`);

    const notebook = await chromium.context.newPage();
    await notebook.emulateMedia({ colorScheme });
    await notebook.goto(chromium.pageUrl('notebook.html?q=dong'));
    await expect(notebook.locator('.hit').first()).toBeVisible();
    await notebook.locator('summary', { hasText: 'Outlets' }).click();
    await expectAccessible(notebook, `notebook search, ${colorScheme}`);
    await notebook.getByRole('link', { name: 'Settings and data' }).click();
    await expect(notebook.getByRole('heading', { name: 'Settings and data' })).toBeVisible();
    await expectAccessible(notebook, `notebook settings, ${colorScheme}`);
  }
});

async function expectAccessible(page: Page, what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(serious, what).toEqual([]);
}

/** Hovers the first highlight of `name` on the page and reads the hover card that opens, once it shows `expected`. */
async function hoverCardText(page: Page, name: string, expected: string): Promise<string> {
  const card = new ClosedCard(page);
  const box = await page.evaluate(probe.highlightBox, ['person', name, 1] as [string, string, number]);
  if (!box) throw new Error(`${name} is not highlighted`);
  await page.mouse.move(box.x, box.y);
  await expect.poll(() => card.text()).toContain(expected);
  return (await card.text()) ?? '';
}
