/** Driving the built extension from scripts: requests as its pages send them, articles read as a reader reads them. */
import type { Page } from '@playwright/test';
import type { ExtensionRequest, Reply, ResponseTo } from '../../src/messaging/contract.ts';
import type { ChromiumWithExtension } from './launch.ts';

/** Sends a request to the background from one of the extension's pages, as the popup does. */
export async function askBackground<R extends ExtensionRequest>(
  extensionPage: Page,
  request: R,
): Promise<ResponseTo<R>> {
  const reply = await extensionPage.evaluate(
    (message) => chrome.runtime.sendMessage<ExtensionRequest, Reply<unknown>>(message),
    request,
  );
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as ResponseTo<R>;
}

/** Opens an article in a new tab and resolves once Crosscheck has highlighted it and stored it. */
export async function readArticle(chromium: ChromiumWithExtension, url: string, timeout = 30_000): Promise<Page> {
  const page = await chromium.context.newPage();
  await page.goto(url);
  const deadline = Date.now() + timeout;
  for (;;) {
    const { highlights } = await chromium.askTab(page, { type: 'tab/page-state' });
    if (highlights.session?.state === 'highlighted' && highlights.session.store === 'saved') return page;
    if (Date.now() > deadline)
      throw new Error(`Crosscheck did not store ${url}: ${JSON.stringify(highlights.session)}`);
    await page.waitForTimeout(100);
  }
}
