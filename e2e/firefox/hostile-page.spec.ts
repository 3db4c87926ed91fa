/**
 * A page that wants to read the hover card, in Firefox: it defines a custom element under the card's
 * name and asks for its ElementInternals, which hand a custom element's shadow root over even when it
 * is closed. The reader writes a note in the card; the page must read nothing of it, nor of the card.
 */
import { expect, test } from '../harness.ts';
import * as probe from '../../scripts/lib/page-probes.ts';
import { cardFocus } from './card-root.ts';
import { selectPhrase } from './select-phrase.ts';

const secret = 'Source inside his office says he met the consul twice; do not publish.';

test('a page that defines the card’s tag and asks for its internals reads nothing of the card', async ({
  firefox,
  server,
}) => {
  const page = await firefox.newPage();
  await page.evaluateOnNewDocument(probe.recordPage);
  await page.evaluateOnNewDocument(probe.readShadowRootsThroughInternals);
  await page.goto(server.url('/bbc-han-dong.html'));
  await expect.poll(async () => (await page.evaluate(probe.highlightedWords)).person?.length ?? 0).toBeGreaterThan(0);

  // Select a phrase, take the offer to note it, and write the note.
  await selectPhrase(page, 'lobbying a Chinese diplomat');
  // The offer is a single button (a hover card may show first when the pointer rests on a highlight).
  await expect.poll(async () => (await page.evaluate(probe.cardBox))?.height ?? Infinity).toBeLessThan(100);
  const offer = await page.evaluate(probe.cardBox);
  if (!offer) throw new Error('no offer to note the selection');
  await page.mouse.click(offer.x + offer.width / 2, offer.y + offer.height / 2);
  await expect.poll(async () => (await page.evaluate(probe.cardBox))?.height ?? 0).toBeGreaterThan(offer.height);
  // The editor takes the focus once it has rendered: what is typed before then is lost.
  await expect.poll(() => cardFocus(page)).toBe('editor__body');
  await page.keyboard.type(secret);
  // The page polls every 50 ms: give it time to look while the note is being written.
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await page.evaluate(probe.shadowRootLeaks)).toEqual([]);

  await page.keyboard.down('Control');
  await page.keyboard.press('Enter');
  await page.keyboard.up('Control');
  await expect
    .poll(async () => (await page.evaluate(probe.highlightedWords))['note-yellow'])
    .toEqual(['lobbying a Chinese diplomat']);
  // The saved note, shown in the card.
  expect(await page.evaluate(probe.cardBox)).not.toBeNull();
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await page.evaluate(probe.shadowRootLeaks)).toEqual([]);
  expect(await page.evaluate(probe.cardHostName)).toMatch(/^[a-z]+$/);
  expect(await page.evaluate(probe.pageErrors)).toEqual([]);
});

test('a page’s rules for every div draw nothing on the card', async ({ firefox, server }) => {
  const page = await firefox.newPage();
  await page.evaluateOnNewDocument(probe.drawAroundEveryDiv);
  await page.goto(server.url('/bbc-han-dong.html'));
  await expect.poll(async () => (await page.evaluate(probe.highlightedWords)).person?.length ?? 0).toBeGreaterThan(0);
  await page.keyboard.down('Alt');
  await page.keyboard.down('Shift');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.up('Shift');
  await page.keyboard.up('Alt');
  await expect.poll(() => page.evaluate(probe.cardBox)).not.toBeNull();
  // The card is at most 560 px tall; the page's boxes before and after a div are 2000 px each.
  expect((await page.evaluate(probe.cardBox))?.height).toBeLessThan(600);
});
