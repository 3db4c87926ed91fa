import type { Page } from '@playwright/test';
import type { ChromiumWithExtension } from '../../scripts/lib/launch.ts';
import { expect } from '../harness.ts';

/** Waits until Crosscheck has highlighted the page and heard back from the store, as its content script reports. */
export async function highlighted(chromium: ChromiumWithExtension, page: Page): Promise<void> {
  await expect
    .poll(async () => (await chromium.askTab(page, { type: 'tab/page-state' })).highlights.session)
    .toMatchObject({ state: 'highlighted', store: 'saved' });
}
