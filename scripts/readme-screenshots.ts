/**
 * Regenerates the README's screenshots in docs/screenshots from the built extension on the sample
 * articles, read for real by the content script: `npm run build && npx tsx scripts/readme-screenshots.ts`.
 *
 * - article.png: the second article with its highlights;
 * - popup.png: the popup on it, the people and allegations with the other source;
 * - popup-claim.png: the popup's claim view, both outlets' wording side by side;
 * - notebook.png: the notebook, a search with Han Dong's claim open beside it.
 */
import { join } from 'node:path';
import { askBackground, readArticle } from './lib/extension-requests.ts';
import { startFixtureServer } from './lib/fixture-server.ts';
import { launchChromiumWithExtension } from './lib/launch.ts';
import { extensionDir, repoRoot } from './lib/paths.ts';

const out = join(repoRoot, 'docs', 'screenshots');
const server = await startFixtureServer();
const browser = await launchChromiumWithExtension({ extensionDir: extensionDir('chrome'), headless: true });
try {
  await readArticle(browser, server.url('/bbc-han-dong.html'));
  const article = await readArticle(browser, server.url('/wion-han-dong.html'));
  const tab = await browser.tabIdOf(article);
  await article.screenshot({ path: join(out, 'article.png') });

  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(browser.pageUrl(`popup.html?tab=${tab}`));
  await popup.locator('table.people').waitFor();
  await popup.screenshot({ path: join(out, 'popup.png') });

  const page = await askBackground(popup, { type: 'store/page', url: article.url() });
  const hanDong = page?.people.find((person) => person.name === 'Han Dong');
  const claim = page?.allegations.find((allegation) => allegation.otherReports.length > 0 && allegation.claim)?.claim;
  if (!hanDong || !claim) throw new Error('the store did not link the two articles');
  await popup.goto(browser.pageUrl(`popup.html?tab=${tab}#/claim/${claim}`));
  await popup.locator('.comparison__column').nth(1).waitFor();
  await popup.screenshot({ path: join(out, 'popup-claim.png') });

  const notebook = await browser.context.newPage();
  await notebook.setViewportSize({ width: 1280, height: 800 });
  await notebook.goto(browser.pageUrl(`notebook.html?q=han+dong#/claim/${claim}`));
  await notebook.locator('.comparison__column').nth(1).waitFor();
  await notebook.screenshot({ path: join(out, 'notebook.png') });
} finally {
  await browser.context.close();
  await server.close();
}
