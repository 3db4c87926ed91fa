/**
 * `npm start`: builds the extension, serves the sample articles on 127.0.0.1 and opens them in
 * Chromium with Crosscheck loaded.
 *
 *   With a display: a browser window with the articles in tabs; close it to stop.
 *   Headless (no display, or --headless): prints what the extension found on each article and
 *   saves a screenshot of each in the folder it names.
 */
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from '@playwright/test';
import { buildExtension } from './lib/build-extension.ts';
import { type FixtureServer, startFixtureServer } from './lib/fixture-server.ts';
import { type ChromiumWithExtension, launchChromiumWithExtension } from './lib/launch.ts';
import { distDir, extensionDir, repoRoot } from './lib/paths.ts';

const sampleArticles = ['bbc-han-dong.html', 'wion-han-dong.html'];
const preferredPort = 8127;

function hasDisplay(): boolean {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

async function serve(): Promise<FixtureServer> {
  try {
    return await startFixtureServer(undefined, preferredPort);
  } catch {
    return startFixtureServer(); // The usual port is taken: any free one will do.
  }
}

async function runHeadless(browser: ChromiumWithExtension, server: FixtureServer): Promise<void> {
  const screenshots = join(distDir, 'screenshots');
  mkdirSync(screenshots, { recursive: true });
  for (const article of sampleArticles) {
    const page = await browser.context.newPage();
    await page.goto(server.url(`/${article}`), { waitUntil: 'load' });
    const state = await waitForPageState(browser, page);
    console.log(`\n${server.url(`/${article}`)}`);
    console.log(`  ${state.page.isArticle ? 'news article' : 'not an article'}: ${state.page.title}`);
    const session = state.highlights.session;
    console.log(`  highlighting: ${state.mode}${session ? ` (${session.state})` : ''}`);
    if (session) {
      console.log(
        `  found: ${session.people} people, ${session.allegations} allegations, ${session.responses} responses`,
      );
      console.log(`  store: ${session.store}${session.storeProblem ? ` (${session.storeProblem})` : ''}`);
    }
    const file = join(screenshots, article.replace(/\.html$/, '.png'));
    await page.screenshot({ path: file, fullPage: true });
    console.log(`  screenshot: ${relative(repoRoot, file)}`);
  }
  console.log(`\nScreenshots are in ${screenshots}`);
}

/**
 * The content script answers once it has started; on an article, the state worth reporting is the
 * one after the background has read the page and the highlights are painted (or it says why not).
 */
async function waitForPageState(browser: ChromiumWithExtension, page: Page) {
  for (let attempt = 0; ; attempt++) {
    try {
      const state = await browser.askTab(page, { type: 'tab/page-state' });
      const session = state.highlights.session;
      const settled =
        !state.page.isArticle ||
        (state.mode !== 'off' && session !== null && session.state !== 'working' && session.store !== 'waiting');
      if (settled || attempt >= 300) return state;
    } catch (error) {
      if (attempt >= 50) throw error;
    }
    await page.waitForTimeout(100);
  }
}

async function main(): Promise<void> {
  const headless = process.argv.includes('--headless') || !hasDisplay();
  await buildExtension();
  const server = await serve();
  const browser = await launchChromiumWithExtension({ extensionDir: extensionDir('chrome'), headless });
  try {
    if (headless) {
      await runHeadless(browser, server);
      return;
    }
    const [first] = browser.context.pages();
    await (first ?? (await browser.context.newPage())).goto(server.url('/'));
    for (const article of sampleArticles) await (await browser.context.newPage()).goto(server.url(`/${article}`));
    console.log(`Serving the sample articles at ${server.origin}/ . Close the browser window to stop.`);
    await new Promise((resolve) => browser.context.once('close', resolve));
  } finally {
    await browser.context.close().catch(() => undefined);
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
