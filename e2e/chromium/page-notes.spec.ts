/**
 * The reader's notes on a selection, in Chromium: written in the card, saved in the store, and back
 * in place after a reload and after the article was edited a little.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../harness.ts';
import { bbcAsPublished, editedBbcPath } from '../fixture-variants.ts';
import {
  cardBox,
  domUnchanged,
  highlightBox,
  highlightedWords,
  phraseEnds,
  recordPage,
} from '../../scripts/lib/page-probes.ts';
import { ClosedCard } from './closed-card.ts';
import { highlighted } from './highlighted.ts';

/**
 * Selects a phrase with the mouse, as a reader does, opens the note editor from the card it brings,
 * and waits for the editor to have the focus.
 */
async function noteOn(page: Page, phrase: string): Promise<ClosedCard> {
  const ends = await page.evaluate(phraseEnds, phrase);
  if (!ends) throw new Error(`"${phrase}" is not on the page`);
  await page.mouse.move(ends.from.x, ends.from.y);
  await page.mouse.down();
  await page.mouse.move(ends.to.x, ends.to.y, { steps: 5 });
  await page.mouse.up();
  const card = new ClosedCard(page);
  await expect.poll(() => card.text()).toContain('Add note');
  await card.click(/^Add note/);
  // The editor takes the focus once it has rendered: what is typed before then is lost.
  await expect.poll(() => card.focused()).toBe('editor__body');
  return card;
}

test('a note on a selection is kept, and found again after a reload and after a small edit', async ({
  chromium,
  server,
}) => {
  const page = await chromium.context.newPage();
  await page.addInitScript(recordPage);
  server.publish(editedBbcPath, bbcAsPublished({ edited: false }));
  await page.goto(server.url(editedBbcPath));
  await highlighted(chromium, page);
  const card = await noteOn(page, 'lobbying a Chinese diplomat');
  await expect.poll(() => card.text()).toContain('Note on “lobbying a Chinese diplomat”');
  await page.keyboard.type('Which diplomat? Global News names Han Tao.');
  await card.click(/editor__tags/);
  await page.keyboard.type('to check, Global News');
  await card.click(/^blue$/);
  await card.click(/^Save note$/);
  await expect
    .poll(async () => (await page.evaluate(highlightedWords))['note-blue'])
    .toEqual(['lobbying a Chinese diplomat']);
  expect(await card.text()).toContain('Which diplomat? Global News names Han Tao.');

  await page.keyboard.press('Escape');
  expect(await page.evaluate(cardBox)).toBeNull();
  expect(await page.evaluate(domUnchanged)).toBe(true);

  await page.reload();
  await highlighted(chromium, page);
  await expect
    .poll(async () => (await page.evaluate(highlightedWords))['note-blue'])
    .toEqual(['lobbying a Chinese diplomat']);
  expect((await chromium.askTab(page, { type: 'tab/page-state' })).highlights.session?.notes).toEqual({
    placed: 1,
    orphaned: 0,
  });

  // The outlet edited the article: a paragraph added before the note, a word added inside it.
  server.publish(editedBbcPath, bbcAsPublished({ edited: true }));
  await page.reload();
  await highlighted(chromium, page);
  await expect
    .poll(async () => (await page.evaluate(highlightedWords))['note-blue'])
    .toEqual(['lobbying a senior Chinese diplomat']);
  const note = await page.evaluate(highlightBox, ['note-blue', 'lobbying a senior Chinese diplomat', 0] as [
    string,
    string,
    number,
  ]);
  if (!note) throw new Error('the note is not highlighted');
  await page.mouse.move(note.x, note.y);
  await expect.poll(() => card.text()).toContain('Which diplomat? Global News names Han Tao.');
  expect(await card.text()).toContain('to check');
});

test('a note the store cannot save keeps what the reader wrote, and says why', async ({ chromium, server }) => {
  const page = await chromium.context.newPage();
  await page.goto(server.url('/bbc-han-dong.html'));
  await highlighted(chromium, page);
  const card = await noteOn(page, 'two Canadians imprisoned in Beijing');
  await card.click(/editor__tags/);
  await page.keyboard.type('x'.repeat(70));
  await card.click(/^Save note$/);
  await expect.poll(() => card.text()).toContain('longer than 64 characters');
  expect((await page.evaluate(highlightedWords))['note-yellow']).toEqual([]);
});
