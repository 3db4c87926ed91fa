/**
 * A page that wants to read the hover card, in Chromium. The card shows what the reader keeps to
 * themselves (their notes, the other articles they read), so no script of the page may reach it: not
 * through the DOM, and not by defining a custom element under the card's name and asking for its
 * ElementInternals, which hand a custom element's shadow root over even when it is closed.
 */
import { expect, test } from '../harness.ts';
import * as probe from '../../scripts/lib/page-probes.ts';
import { ClosedCard } from './closed-card.ts';
import { highlighted } from './highlighted.ts';
import { fromExtensionPage } from '../store-support.ts';

const secret = 'Source inside his office says he met the consul twice; do not publish.';

test('a page that defines the card’s tag and asks for its internals reads nothing of the card', async ({
  chromium,
  server,
}) => {
  const bbc = await chromium.context.newPage();
  await bbc.goto(server.url('/bbc-han-dong.html'));
  await highlighted(chromium, bbc);
  const search = await fromExtensionPage<{ hits: { person: { id: string } }[] }>(chromium, {
    type: 'store/search',
    search: { query: 'Han Dong', kinds: ['person'] },
  });
  if (!search.ok) throw new Error(search.error);
  const person = search.value.hits[0]?.person.id;
  const note = { type: 'notes/create', target: { kind: 'person', person }, body: secret, tags: [], colour: 'yellow' };
  expect(await fromExtensionPage(chromium, note)).toMatchObject({ ok: true });

  const wion = await chromium.context.newPage();
  await wion.addInitScript(probe.recordPage);
  await wion.addInitScript(probe.readShadowRootsThroughInternals);
  await wion.goto(server.url('/wion-han-dong.html'));
  await highlighted(chromium, wion);
  const name = await wion.evaluate(probe.highlightBox, ['person', 'Han Dong', 1] as [string, string, number]);
  if (!name) throw new Error('Han Dong is not highlighted');
  await wion.mouse.move(name.x, name.y);
  const card = new ClosedCard(wion);
  await expect.poll(() => card.text()).toContain(secret);
  // Written in the notebook: the page may show it, not change it.
  expect(await card.text()).toContain('Not written on this page; change it in Crosscheck’s popup or notebook.');
  expect(await card.text()).not.toMatch(/\b(Edit|Delete)\b/);
  // The card is open with the note in it; the page polls every 50 ms.
  await wion.waitForTimeout(500);
  expect(await wion.evaluate(probe.shadowRootLeaks)).toEqual([]);
  expect(await wion.evaluate(probe.cardHostName)).toMatch(/^[a-z]+$/);
  expect(await wion.evaluate(probe.pageErrors)).toEqual([]);
});

test('a page’s rules for every div draw nothing on the card', async ({ chromium, server }) => {
  const page = await chromium.context.newPage();
  await page.addInitScript(probe.drawAroundEveryDiv);
  await page.goto(server.url('/bbc-han-dong.html'));
  await highlighted(chromium, page);
  await page.keyboard.press('Alt+Shift+ArrowDown');
  await expect.poll(() => new ClosedCard(page).text()).toContain('Person');
  // The card is at most 560 px tall; the page's boxes before and after a div are 2000 px each.
  expect((await page.evaluate(probe.cardBox))?.height).toBeLessThan(600);
});
