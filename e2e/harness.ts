/** Playwright test fixtures: the sample-article server and both browsers with the extension loaded. */
import { test as base } from '@playwright/test';
import type { Browser as PuppeteerBrowser } from 'puppeteer-core';
import { type FixtureServer, type Mount, startFixtureServer } from '../scripts/lib/fixture-server.ts';
import {
  type ChromiumWithExtension,
  launchChromiumWithExtension,
  launchFirefoxWithExtension,
} from '../scripts/lib/launch.ts';
import { extensionDir, fixturesDir } from '../scripts/lib/paths.ts';
import { newsPagePolicy, newsPagesDir } from '../scripts/lib/shared-data.ts';

function mounts(): Record<string, string | Mount> {
  const newsPages = newsPagesDir();
  return {
    '/': fixturesDir,
    // The same pages under a policy that allows no script at all: the hover card's view, which the content
    // script imports from the extension when a card first opens, must load all the same.
    '/strict/': { dir: fixturesDir, headers: { 'content-security-policy': newsPagePolicy } },
    ...(newsPages && { '/news-pages/': { dir: newsPages, headers: { 'content-security-policy': newsPagePolicy } } }),
  };
}

export const test = base.extend<
  { chromium: ChromiumWithExtension; firefox: PuppeteerBrowser },
  { server: FixtureServer }
>({
  server: [
    async ({}, use) => {
      const server = await startFixtureServer(mounts());
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  chromium: async ({}, use) => {
    const launched = await launchChromiumWithExtension({ extensionDir: extensionDir('chrome'), headless: true });
    await use(launched);
    await launched.context.close();
  },
  firefox: async ({}, use) => {
    const { browser } = await launchFirefoxWithExtension({ extensionDir: extensionDir('firefox'), headless: true });
    await use(browser);
    await browser.close();
  },
});

export { expect } from '@playwright/test';

/** Runs in the page's own world: the highlight layers the content script registered, by name. */
export function registeredHighlights(): string[] {
  return [...CSS.highlights.keys()].filter((name) => name.startsWith('crosscheck-'));
}
