/**
 * A page Chrome prerenders in the reader's tab (here because the article's speculation rules ask
 * for it), in Chromium: the content script runs in it, but Crosscheck neither reads it nor stores
 * it until the reader opens it, and the article the reader is on keeps its reading (one per tab).
 *
 * Driven by Puppeteer, not Playwright: Chromium prerenders nothing for a page Playwright is attached
 * to (see launchChromiumOverPuppeteer). The pages are looked into through DevTools sessions attached
 * from the browser's session, not through Puppeteer's page object: that one now and then keeps the
 * detached frame once the prerendered page is opened, so it only loads the first article.
 */
import type { CDPSession } from 'puppeteer-core';
import { type ChromiumOverPuppeteer, launchChromiumOverPuppeteer } from '../../scripts/lib/launch.ts';
import { extensionDir } from '../../scripts/lib/paths.ts';
import { bbcPrerenderingWion, bbcPrerenderingWionPath, wionPath } from '../fixture-variants.ts';
import { test as base, expect, registeredHighlights } from '../harness.ts';
import { isolatedWorld, readDatabase } from '../store-support.ts';

const test = base.extend<{ chromiumOverPuppeteer: ChromiumOverPuppeteer }>({
  chromiumOverPuppeteer: async ({}, use) => {
    const launched = await launchChromiumOverPuppeteer({ extensionDir: extensionDir('chrome'), headless: true });
    try {
      await use(launched);
    } finally {
      await launched.browser.close();
    }
  },
});

interface TargetInfo {
  targetId: string;
  url: string;
  subtype?: string;
}

/** The target of the page Chrome prerenders at `url`, once it has started (its address comes after it is created). */
function prerenderedTarget(browserSession: CDPSession, url: string): Promise<string> {
  return new Promise((resolve) => {
    const seen = ({ targetInfo }: { targetInfo: TargetInfo }) => {
      if (targetInfo.subtype === 'prerender' && targetInfo.url === url) resolve(targetInfo.targetId);
    };
    browserSession.on('Target.targetCreated', seen);
    browserSession.on('Target.targetInfoChanged', seen);
  });
}

/** The page in the tab, once it is at `url`. */
async function openedTarget(browserSession: CDPSession, url: string): Promise<string | undefined> {
  const { targetInfos } = await browserSession.send('Target.getTargets');
  return targetInfos.find((info) => info.type === 'page' && !info.subtype && info.url === url)?.targetId;
}

/** A session of its own on a page, attached from the browser's session. */
async function attach(browserSession: CDPSession, targetId: string): Promise<CDPSession> {
  const { sessionId } = await browserSession.send('Target.attachToTarget', { targetId, flatten: true });
  const session = browserSession.connection()?.session(sessionId);
  if (!session) throw new Error(`no session on ${targetId}`);
  return session;
}

/** Evaluates an expression in the page a session is attached to: its own world, or the one given. */
async function evaluate(session: CDPSession, expression: string, contextId?: number): Promise<unknown> {
  const { result, exceptionDetails } = await session.send('Runtime.evaluate', {
    expression,
    returnByValue: true,
    ...(contextId !== undefined && { contextId }),
  });
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value as unknown;
}

/** Crosscheck's session on the page in the tab, as its content script reports it. */
async function readingIn(chromium: ChromiumOverPuppeteer) {
  const { page, highlights } = await chromium.askTab({ type: 'tab/page-state' });
  return { url: page.url, ...highlights.session };
}

/** The outlets of the sources the store holds, read in the service worker. */
async function storedOutlets(chromium: ChromiumOverPuppeteer): Promise<unknown[]> {
  const tables = await chromium.serviceWorker.evaluate(readDatabase);
  return (tables.sources ?? []).map((source) => source.outlet).sort();
}

const readAndSaved = { state: 'highlighted', store: 'saved' };

test('a prerendered article is neither read nor stored until the reader opens it, and then it is', async ({
  chromiumOverPuppeteer: chromium,
  server,
}) => {
  server.publish(bbcPrerenderingWionPath, bbcPrerenderingWion());
  const bbcUrl = server.url(bbcPrerenderingWionPath);
  const wionUrl = server.url(wionPath);
  // Watching for targets from the browser's own session attaches to no page, so prerendering stays allowed.
  const browserSession = await chromium.browser.target().createCDPSession();
  const prerendered = prerenderedTarget(browserSession, wionUrl);
  await browserSession.send('Target.setDiscoverTargets', { discover: true });

  // The browser's first tab, the only one: the tab the service worker asks about is this one.
  const [page] = await chromium.browser.pages();
  if (!page) throw new Error('the browser opened no tab');
  await page.goto(bbcUrl);
  await expect.poll(() => readingIn(chromium)).toMatchObject({ url: bbcUrl, ...readAndSaved });

  // Into the prerendered page: Crosscheck's content script runs there, in a page still prerendered.
  const prerender = await attach(browserSession, await prerendered);
  const contentScript = await isolatedWorld(prerender, chromium.extensionId);
  expect(await evaluate(prerender, 'document.prerendering', contentScript.id)).toBe(true);
  // Nothing tells that a reading did not start: give it longer than the whole reading of the BBC
  // article took above (under a second), then look at what the content script did.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  expect(await evaluate(prerender, 'document.prerendering', contentScript.id)).toBe(true);
  // Detached through the browser's session that attached it (the session's own detach goes elsewhere and fails).
  await browserSession.send('Target.detachFromTarget', { sessionId: prerender.id() });
  expect(await storedOutlets(chromium)).toEqual(['BBC News']);
  expect(await readingIn(chromium)).toMatchObject({ url: bbcUrl, ...readAndSaved });

  // The reader follows the link: the tab opens the prerendered page.
  await page.evaluate((url) => {
    location.href = url;
  }, wionUrl);
  // Opening it ends the prerendered page's target (and the session on it): the tab's page is another target.
  await expect.poll(() => openedTarget(browserSession, wionUrl)).toBeDefined();
  const wion = await attach(browserSession, (await openedTarget(browserSession, wionUrl)) as string);
  expect(await evaluate(wion, 'document.prerendering')).toBe(false);
  // A page Chrome really prerendered: it was activated after it started loading.
  expect(await evaluate(wion, "performance.getEntriesByType('navigation')[0].activationStart")).toBeGreaterThan(0);
  await expect.poll(() => readingIn(chromium)).toMatchObject({ url: wionUrl, ...readAndSaved });
  expect(await storedOutlets(chromium)).toEqual(['BBC News', 'WION']);
  expect(await evaluate(wion, `(${registeredHighlights.toString()})()`)).toContain('crosscheck-person');
});
