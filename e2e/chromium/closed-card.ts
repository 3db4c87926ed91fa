/**
 * The hover card lives in a closed shadow root: the page cannot reach it, and neither can
 * Playwright's locators. The DevTools protocol can (it pierces closed roots), so the Chromium tests
 * read the card and press its buttons through it, with real (trusted) mouse clicks.
 */
import type { CDPSession, Page } from '@playwright/test';

interface DomNode {
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

export class ClosedCard {
  readonly #page: Page;
  #session: CDPSession | null = null;

  constructor(page: Page) {
    this.#page = page;
  }

  /** The card's text, or null when no card is shown. */
  async text(): Promise<string | null> {
    const root = await this.#shadowRoot();
    return root ? textOf(root).replace(/\s+/g, ' ').trim() : null;
  }

  /**
   * The class of the element that has the focus inside the card, or null. Playwright's locators (and
   * so `toBeFocused`) cannot reach into a closed root: the protocol asks the root itself.
   */
  async focused(): Promise<string | null> {
    const root = await this.#shadowRoot();
    if (!root) return null;
    const session = await this.#cdp();
    const { object } = (await session.send('DOM.resolveNode', { backendNodeId: root.backendNodeId })) as {
      object: { objectId?: string };
    };
    if (!object.objectId) return null;
    const { result } = (await session.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: 'function () { return this.activeElement?.className ?? null; }',
      returnByValue: true,
    })) as { result: { value: string | null } };
    return result.value;
  }

  /** Clicks the card's button whose text matches, or the field or control whose class or title does. */
  async click(match: RegExp): Promise<void> {
    // The card may re-render between reading it and measuring the node: read it again and retry.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.#clickOnce(match);
        return;
      } catch (error) {
        if (attempt === 10) throw error;
        await this.#page.waitForTimeout(100);
      }
    }
  }

  async #clickOnce(match: RegExp): Promise<void> {
    const root = await this.#shadowRoot();
    if (!root) throw new Error('no card is shown');
    const target = find(root, (node) => {
      if (node.nodeName === 'BUTTON') return match.test(textOf(node).trim());
      if (node.nodeName === 'LABEL') return match.test(attribute(node, 'title') ?? '');
      const className = attribute(node, 'class') ?? '';
      return (node.nodeName === 'TEXTAREA' || node.nodeName === 'INPUT') && match.test(className);
    });
    if (!target) throw new Error(`no button or field matching ${match} in the card: ${textOf(root)}`);
    const session = await this.#cdp();
    // As a reader would, scroll the card (never the page: the card is in the window) to the button.
    await session.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: target.backendNodeId });
    const { model } = (await session.send('DOM.getBoxModel', { backendNodeId: target.backendNodeId })) as {
      model: { content: number[] };
    };
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
    await this.#page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  }

  async #shadowRoot(): Promise<DomNode | null> {
    const session = await this.#cdp();
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const host = find(root, (node) => attribute(node, 'data-crosscheck-card') !== undefined);
    return host?.shadowRoots?.[0] ?? null;
  }

  async #cdp(): Promise<CDPSession> {
    this.#session ??= await this.#page.context().newCDPSession(this.#page);
    return this.#session;
  }
}

function children(node: DomNode): DomNode[] {
  return [...(node.shadowRoots ?? []), ...(node.children ?? [])];
}

function find(node: DomNode, test: (node: DomNode) => boolean): DomNode | null {
  if (test(node)) return node;
  for (const child of children(node)) {
    const found = find(child, test);
    if (found) return found;
  }
  return null;
}

function textOf(node: DomNode): string {
  if (node.nodeType === 3) return node.nodeValue;
  if (node.nodeName === 'STYLE') return '';
  return children(node).map(textOf).join(' ');
}

function attribute(node: DomNode, name: string): string | undefined {
  const attributes = node.attributes ?? [];
  const index = attributes.indexOf(name);
  return index >= 0 && index % 2 === 0 ? attributes[index + 1] : undefined;
}
