/**
 * Which element has the focus inside the card. Its shadow root is closed: the page sees only the
 * host as its active element, and puppeteer's selectors cannot reach in. WebDriver BiDi can: asked
 * to, it serialises the host with its shadow root, closed or not, and lets a function run on that root.
 */
import type { Browser, Page } from 'puppeteer-core';

/** The part of puppeteer's BiDi browser these tests use: its connection, for commands puppeteer does not wrap. */
interface BidiBrowser extends Browser {
  connection: { send(method: string, params: object): Promise<{ result: unknown }> };
}

interface NodeValue {
  type: 'node';
  sharedId?: string;
  value?: { shadowRoot?: NodeValue | null };
}

/** The class of the element that has the focus inside the card, or null (no card, or nothing focused in it). */
export async function cardFocus(page: Page): Promise<string | null> {
  const { connection } = page.browser() as BidiBrowser;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const { result: host } = (await connection.send('script.evaluate', {
    expression: "document.querySelector('[data-crosscheck-card]')",
    target: { context },
    awaitPromise: false,
    serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
  })) as { result: { result: NodeValue | { type: 'null' } } };
  const root = host.result.type === 'node' ? host.result.value?.shadowRoot : null;
  if (!root?.sharedId) return null;
  const { result: focused } = (await connection.send('script.callFunction', {
    functionDeclaration: 'function () { return this.activeElement?.className ?? null; }',
    this: { sharedId: root.sharedId },
    target: { context },
    awaitPromise: false,
  })) as { result: { result: { type: 'string'; value: string } | { type: 'null' } } };
  return focused.result.type === 'string' ? focused.result.value : null;
}
