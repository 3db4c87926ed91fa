/**
 * Regenerates the README's screenshots in docs/screenshots from the built extension on the sample
 * articles: `npm run build && npx tsx scripts/readme-screenshots.ts`.
 */
import { join } from 'node:path';
import { startFixtureServer } from './lib/fixture-server.ts';
import { launchChromiumWithExtension } from './lib/launch.ts';
import { extensionDir, repoRoot } from './lib/paths.ts';

const out = join(repoRoot, 'docs', 'screenshots');
const server = await startFixtureServer();
const browser = await launchChromiumWithExtension({ extensionDir: extensionDir('chrome'), headless: true });
try {
  const article = await browser.context.newPage();
  await article.goto(server.url('/wion-han-dong.html'));
  await browser.askTab(article, { type: 'tab/page-state' });
  await article.screenshot({ path: join(out, 'article.png') });

  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 380, height: 220 });
  await popup.goto(browser.pageUrl(`popup.html?tab=${await browser.tabIdOf(article)}`));
  await popup.locator('.page-summary').waitFor();
  await popup.screenshot({ path: join(out, 'popup.png') });
} finally {
  await browser.context.close();
  await server.close();
}
