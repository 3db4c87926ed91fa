/** Launches the system browsers with the built extension installed (tests, `npm start`, benchmarks). */
import { type BrowserContext, chromium, type Page, type Worker } from '@playwright/test';
import type { Reply, ResponseTo, TabRequest } from '../../src/messaging/contract.ts';
import puppeteer, { type Browser as PuppeteerBrowser } from 'puppeteer-core';
import { findChromium, findFirefox } from './browsers.ts';

// Keep Chromium from reaching for the network or for a GPU it may not have.
const quietChromiumArgs = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
];

export interface ChromiumWithExtension {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** The URL of one of the extension's pages. */
  pageUrl(path: string): string;
  /** The browser's tab id for a page (the extension sees no tab URLs without the tabs permission). */
  tabIdOf(page: Page): Promise<number>;
  /** Sends a request to a page's content script through the message contract, as the popup does. */
  askTab<R extends TabRequest>(page: Page, request: R): Promise<ResponseTo<R>>;
}

export async function launchChromiumWithExtension(options: {
  extensionDir: string;
  headless: boolean;
  userDataDir?: string;
}): Promise<ChromiumWithExtension> {
  const runningAsRoot = process.getuid?.() === 0;
  const context = await chromium.launchPersistentContext(options.userDataDir ?? '', {
    executablePath: findChromium(),
    headless: options.headless,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${options.extensionDir}`,
      `--load-extension=${options.extensionDir}`,
      ...quietChromiumArgs,
      // Chromium refuses to sandbox itself as root, which is how CI containers run.
      ...(runningAsRoot ? ['--no-sandbox'] : []),
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  const tabIdOf = async (page: Page): Promise<number> => {
    await page.bringToFront();
    const tabId = await serviceWorker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id;
    });
    if (tabId === undefined) throw new Error('no active tab');
    return tabId;
  };
  return {
    context,
    extensionId,
    serviceWorker,
    tabIdOf,
    pageUrl: (path) => `chrome-extension://${extensionId}/${path}`,
    async askTab(page, request) {
      const tabId = await tabIdOf(page);
      const reply = await serviceWorker.evaluate(
        ([id, message]) => chrome.tabs.sendMessage<TabRequest, Reply<ResponseTo<typeof request>>>(id, message),
        [tabId, request] as const,
      );
      if (!reply.ok) throw new Error(reply.error);
      return reply.value;
    },
  };
}

export interface FirefoxWithExtension {
  browser: PuppeteerBrowser;
  extensionId: string;
}

/** Firefox over WebDriver BiDi; the extension is installed as a temporary add-on. */
export async function launchFirefoxWithExtension(options: {
  extensionDir: string;
  headless: boolean;
}): Promise<FirefoxWithExtension> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: options.headless,
  });
  try {
    const extensionId = await browser.installExtension(options.extensionDir);
    return { browser, extensionId };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
