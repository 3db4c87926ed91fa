/**
 * The card's content, from Firefox. Its shadow root is closed: the page sees only the host, and
 * puppeteer's selectors cannot reach in. WebDriver BiDi can: asked to, it serialises the host with
 * its shadow root, closed or not, and runs a function on that root.
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

type Primitive = string | number | boolean | null;

/**
 * What `functionDeclaration` (run with the card's shadow root as `this`) returns, or null when no
 * card is shown. It must return a string, a number, a boolean or null.
 */
async function onCardRoot(page: Page, functionDeclaration: string): Promise<Primitive> {
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
  const { result } = (await connection.send('script.callFunction', {
    functionDeclaration,
    this: { sharedId: root.sharedId },
    target: { context },
    awaitPromise: false,
  })) as { result: { result: { type: string; value?: Primitive } } };
  return result.result.value ?? null;
}

/** The class of the element that has the focus inside the card, or null (no card, or nothing focused in it). */
export async function cardFocus(page: Page): Promise<string | null> {
  return (await onCardRoot(page, 'function () { return this.activeElement?.className ?? null; }')) as string | null;
}

/** The card's text, or null when no card is shown. */
export async function cardText(page: Page): Promise<string | null> {
  return (await onCardRoot(
    page,
    "function () { return [...this.children].filter((node) => node.localName !== 'style').map((node) => node.textContent).join(' '); }",
  )) as string | null;
}

/**
 * Scrolls the card (as a reader would) to its button with this text, and says where its middle is
 * in the window, or null when the card has no such button.
 */
export async function cardButton(page: Page, text: string): Promise<{ x: number; y: number } | null> {
  const found = await onCardRoot(
    page,
    `function () {
      const button = [...this.querySelectorAll('button')].find((node) => node.textContent.trim() === ${JSON.stringify(text)});
      if (!button) return null;
      button.scrollIntoView({ block: 'nearest' });
      const box = button.getBoundingClientRect();
      return JSON.stringify({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
    }`,
  );
  return typeof found === 'string' ? (JSON.parse(found) as { x: number; y: number }) : null;
}
