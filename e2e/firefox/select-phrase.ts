import type { Page } from 'puppeteer-core';
import * as probe from '../../scripts/lib/page-probes.ts';

/** Selects a phrase of the page with the mouse, as a reader does. */
export async function selectPhrase(page: Page, phrase: string): Promise<void> {
  const ends = await page.evaluate(probe.phraseEnds, phrase);
  if (!ends) throw new Error(`"${phrase}" is not on the page`);
  await page.mouse.move(ends.from.x, ends.from.y);
  await page.mouse.down();
  await page.mouse.move(ends.to.x, ends.to.y, { steps: 5 });
  await page.mouse.up();
}
