/**
 * Functions that run in a page's own world (passed to `page.evaluate` or installed before the page
 * loads), the same for Playwright and puppeteer, for the end-to-end tests and the page benchmark.
 * They observe what the extension does to a page from the page's side: its highlights, its DOM,
 * its long tasks, its errors.
 */

export interface PageRecord {
  /** The document as parsed, before any content script ran. */
  domAtLoad: string;
  /** performance.now() when the DOM was ready. */
  readyAt: number;
  longTasks: { start: number; duration: number }[];
  /** Errors and unhandled rejections that reached the page's own listeners. */
  errors: string[];
}

declare global {
  interface Window {
    crosscheckTestRecord?: PageRecord;
    /** What a hostile page read of shadow roots through ElementInternals (see `readShadowRootsThroughInternals`). */
    crosscheckTestLeaks?: string[];
  }
}

/** Installed before the page's scripts: records the DOM as parsed, long tasks and errors. */
export function recordPage(): void {
  const record: PageRecord = { domAtLoad: '', readyAt: 0, longTasks: [], errors: [] };
  window.crosscheckTestRecord = record;
  document.addEventListener(
    'DOMContentLoaded',
    () => {
      record.domAtLoad = document.documentElement.outerHTML;
      record.readyAt = performance.now();
    },
    { capture: true, once: true },
  );
  window.addEventListener('error', (event) => record.errors.push(String(event.message)));
  window.addEventListener('unhandledrejection', (event) => record.errors.push(String(event.reason)));
  if (PerformanceObserver.supportedEntryTypes.includes('longtask')) {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        record.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  }
}

/** Whether the document is exactly as parsed (no card shown, so nothing of ours is in it). */
export function domUnchanged(): boolean {
  return document.documentElement.outerHTML === window.crosscheckTestRecord?.domAtLoad;
}

/** The longest task after the DOM was ready, in ms (long tasks are those over 50 ms; 0 when there were none). */
export function longestTaskAfterLoad(): number {
  const record = window.crosscheckTestRecord;
  if (!record) return Number.NaN;
  return Math.max(0, ...record.longTasks.filter((task) => task.start >= record.readyAt).map((task) => task.duration));
}

export function pageErrors(): string[] {
  return window.crosscheckTestRecord?.errors ?? [];
}

/*
 * Crosscheck paints StaticRanges, which say nothing of their words or boxes: each probe below makes a
 * live Range over the same points (inline, since each probe runs in the page on its own).
 */

/** The words each of Crosscheck's highlight layers covers, by layer name. */
export function highlightedWords(): Record<string, string[]> {
  const live = (range: AbstractRange) => {
    const made = document.createRange();
    made.setStart(range.startContainer, range.startOffset);
    made.setEnd(range.endContainer, range.endOffset);
    return made;
  };
  const words: Record<string, string[]> = {};
  for (const [name, highlight] of CSS.highlights) {
    if (name.startsWith('crosscheck-'))
      words[name.slice('crosscheck-'.length)] = [...highlight].map((range) => live(range).toString());
  }
  return words;
}

/**
 * The middle of the n-th highlight of a layer whose words are `text`, in the window, once scrolled
 * into view: its paragraph in the middle of the window, or the words `top` pixels from its top (as
 * near as the page can scroll).
 */
export function highlightBox([layer, text, nth, top]: [string, string, number, number?]): {
  x: number;
  y: number;
} | null {
  const live = (range: AbstractRange) => {
    const made = document.createRange();
    made.setStart(range.startContainer, range.startOffset);
    made.setEnd(range.endContainer, range.endOffset);
    return made;
  };
  const ranges = [...(CSS.highlights.get(`crosscheck-${layer}`) ?? [])]
    .map(live)
    .filter((range) => range.toString() === text);
  const range = ranges[nth];
  if (!range) return null;
  range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  const centred = range.getClientRects()[0];
  if (centred && top !== undefined) window.scrollBy(0, centred.top - top);
  const box = range.getClientRects()[0];
  return box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : null;
}

/** Where a phrase of the page's text starts and ends on screen, to select it with the mouse. */
export function phraseEnds(phrase: string): { from: { x: number; y: number }; to: { x: number; y: number } } | null {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(phrase);
    if (at < 0) continue;
    node.parentElement?.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + phrase.length);
    const boxes = range.getClientRects();
    const first = boxes[0];
    const last = boxes[boxes.length - 1];
    if (!first || !last) return null;
    return {
      from: { x: first.left + 1, y: first.top + first.height / 2 },
      to: { x: last.right - 1, y: last.top + last.height / 2 },
    };
  }
  return null;
}

/**
 * Installed before the page's scripts: what a hostile page can do to read a closed shadow root. It
 * defines the custom element name Crosscheck's card once had, keeps each such element's
 * ElementInternals (which hand over a custom element's shadow root, closed or not), and records
 * whatever those roots hold: their text and the values typed in their fields.
 */
export function readShadowRootsThroughInternals(): void {
  const leaks: string[] = [];
  const internals: ElementInternals[] = [];
  window.crosscheckTestLeaks = leaks;
  customElements.define(
    'crosscheck-card',
    class extends HTMLElement {
      constructor() {
        super();
        internals.push(this.attachInternals());
      }
    },
  );
  setInterval(() => {
    for (const each of internals) {
      const root = each.shadowRoot;
      if (!root) continue;
      const typed = [...root.querySelectorAll('textarea, input')].map((field) => (field as HTMLInputElement).value);
      const leak = [root.textContent ?? '', ...typed].join(' ');
      if (!leaks.includes(leak)) leaks.push(leak);
    }
  }, 50);
}

/** Installed before the page's scripts: a page rule that draws a tall box before and after every <div>. */
export function drawAroundEveryDiv(): void {
  document.addEventListener('DOMContentLoaded', () => {
    const style = document.createElement('style');
    style.textContent = `div::before, div::after { content: 'page'; display: block; height: 2000px; }`;
    document.head.append(style);
  });
}

/** What `readShadowRootsThroughInternals` read. */
export function shadowRootLeaks(): string[] {
  return window.crosscheckTestLeaks ?? [];
}

/** The card's host: a built-in element (no custom element name a page could define), or null when no card is shown. */
export function cardHostName(): string | null {
  return document.querySelector('[data-crosscheck-card]')?.localName ?? null;
}

/** The card's box, when one is shown (its content is in a closed shadow root; its host is not). */
export function cardBox(): { x: number; y: number; width: number; height: number } | null {
  const host = document.querySelector('[data-crosscheck-card]');
  if (!host) return null;
  const box = host.getBoundingClientRect();
  return { x: box.x, y: box.y, width: box.width, height: box.height };
}

/** The words in focus (stepped to, or hovered) and where they are in the document. */
export function focusedHighlight(): { text: string; top: number; left: number } | null {
  const [focused] = [...(CSS.highlights.get('crosscheck-focus') ?? [])];
  if (!focused) return null;
  const range = document.createRange();
  range.setStart(focused.startContainer, focused.startOffset);
  range.setEnd(focused.endContainer, focused.endOffset);
  const box = range.getBoundingClientRect();
  return {
    text: range.toString(),
    top: Math.round(box.top + window.scrollY),
    left: Math.round(box.left + window.scrollX),
  };
}

/** What a page could try: the step shortcut and a hover over a highlight, as synthetic events. */
export function dispatchSyntheticInput(point: { x: number; y: number } | null): void {
  const init = { bubbles: true, composed: true, altKey: true, shiftKey: true };
  window.dispatchEvent(new KeyboardEvent('keydown', { ...init, key: 'ArrowDown', code: 'ArrowDown' }));
  document.dispatchEvent(new PointerEvent('pointermove', { ...init, clientX: point?.x, clientY: point?.y }));
}

/** A post a live blog might add, naming someone the article did not. */
export const livePost =
  'Update: Conservative leader Pierre Poilievre called for a public inquiry into the allegations.';

/** What a live blog does: its script adds a post to the article. */
export function addLivePost(text: string): void {
  const post = document.createElement('p');
  post.textContent = text;
  const article = document.querySelector('article') ?? document.body;
  const paragraphs = article.querySelectorAll('p');
  (paragraphs[paragraphs.length - 1]?.parentElement ?? article).append(post);
}

/** What a single-page site's router does: a new address, then the next story's head and body, no page load. */
export async function routeTo([address, storyUrl]: [string, string]): Promise<void> {
  const next = new DOMParser().parseFromString(await (await fetch(storyUrl)).text(), 'text/html');
  history.pushState({}, '', address);
  document.head.replaceChildren(...[...next.head.childNodes].map((node) => document.importNode(node, true)));
  document.body.replaceChildren(...[...next.body.childNodes].map((node) => document.importNode(node, true)));
}
