/** Launches the system browsers with the built extension installed (tests, `npm start`, benchmarks). */
import { type BrowserContext, chromium, type Page, type Worker } from '@playwright/test';
import type { Reply, ResponseTo, TabRequest } from '../../src/messaging/contract.ts';
import puppeteer, { type Browser as PuppeteerBrowser, TargetType, type WebWorker } from 'puppeteer-core';
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

/** Runs in the extension's service worker: the tab in front (without the tabs permission it sees no tab URLs). */
async function activeTabId(): Promise<number | undefined> {
  const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id;
}

/** Runs in the extension's service worker: a request to a tab's content script, as the popup sends it. */
function sendToTab([tabId, request]: readonly [number, TabRequest]): Promise<Reply<unknown>> {
  return chrome.tabs.sendMessage<TabRequest, Reply<unknown>>(tabId, request);
}

function answerOf<R extends TabRequest>(reply: Reply<unknown>): ResponseTo<R> {
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as ResponseTo<R>;
}

function chromiumArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    ...quietChromiumArgs,
    // Chromium refuses to sandbox itself as root, which is how CI containers run.
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ];
}

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
  const context = await chromium.launchPersistentContext(options.userDataDir ?? '', {
    executablePath: findChromium(),
    headless: options.headless,
    viewport: { width: 1280, height: 900 },
    args: chromiumArgs(options.extensionDir),
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  const tabIdOf = async (page: Page): Promise<number> => {
    await page.bringToFront();
    const tabId = await serviceWorker.evaluate(activeTabId);
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
      return answerOf<typeof request>(await serviceWorker.evaluate(sendToTab, [tabId, request] as const));
    },
  };
}

export interface ChromiumOverPuppeteer {
  browser: PuppeteerBrowser;
  extensionId: string;
  serviceWorker: WebWorker;
  /** Sends a request to the content script of the tab in front, through the message contract, as the popup does. */
  askTab<R extends TabRequest>(request: R): Promise<ResponseTo<R>>;
}

/**
 * Chromium driven by Puppeteer rather than Playwright, for what Playwright's way of attaching stops:
 * Playwright attaches to each page directly, and Chromium prerenders nothing for a page with such a
 * DevTools session (PrerenderingDisabledByDevTools); Puppeteer attaches through the tab.
 */
export async function launchChromiumOverPuppeteer(options: {
  extensionDir: string;
  headless: boolean;
}): Promise<ChromiumOverPuppeteer> {
  const browser = await puppeteer.launch({
    executablePath: findChromium(),
    headless: options.headless,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: chromiumArgs(options.extensionDir),
  });
  try {
    const target = await browser.waitForTarget(
      (candidate) =>
        candidate.type() === TargetType.SERVICE_WORKER && candidate.url().startsWith('chrome-extension://'),
    );
    const serviceWorker = await target.worker();
    if (!serviceWorker) throw new Error('the extension has no service worker');
    return {
      browser,
      extensionId: new URL(target.url()).host,
      serviceWorker,
      async askTab(request) {
        const tabId = await serviceWorker.evaluate(activeTabId);
        if (tabId === undefined) throw new Error('no active tab');
        return answerOf<typeof request>(await serviceWorker.evaluate(sendToTab, [tabId, request] as const));
      },
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
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
