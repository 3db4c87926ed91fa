/**
 * Pages that change under the reader: live blogs that add posts, "read more" that loads the rest,
 * infinite scroll that appends the next story, single-page sites that move to another article. A
 * MutationObserver notices text arriving or leaving; once the page has been quiet for a moment (or
 * has kept changing for a few seconds), the session is told to look again. The card Crosscheck adds
 * is not the page's text and is ignored.
 */
import { guarded } from './guard.ts';
import type { MainThreadMeter } from './main-thread.ts';
import { isOwn } from './own-nodes.ts';

export interface PageChangeOptions {
  document: Document;
  meter: MainThreadMeter;
  signal: AbortSignal;
  /** The page's text or address changed; `addressChanged` when it moved to another URL. */
  onChange: (change: { addressChanged: boolean }) => void;
  /** Only the head and the address: enough to notice a single-page site moving to another story. */
  headOnly?: boolean;
  quietMs?: number;
  maxWaitMs?: number;
}

// Elements whose arrival or departure changes nothing a reader reads.
const textless = new Set([
  'SCRIPT',
  'STYLE',
  'LINK',
  'META',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'IMG',
  'PICTURE',
  'SOURCE',
  'VIDEO',
  'AUDIO',
  'CANVAS',
  'svg',
  'BR',
  'HR',
]);

export function watchPageChanges({
  document,
  meter,
  signal,
  onChange,
  headOnly = false,
  quietMs = 600,
  maxWaitMs = 3000,
}: PageChangeOptions): void {
  const view = document.defaultView as Window;
  const addressOf = () => view.location.href.replace(/#.*$/, '');
  let address = addressOf();
  let timer = 0;
  let firstChangeAt: number | null = null;

  const report = guarded(meter, 'page change', () => {
    timer = 0;
    firstChangeAt = null;
    const now = addressOf();
    const addressChanged = now !== address;
    address = now;
    onChange({ addressChanged });
  });

  const changed = () => {
    const now = performance.now();
    firstChangeAt ??= now;
    view.clearTimeout(timer);
    // Quiet for a moment, or changing for too long to wait any more (a busy live blog).
    timer = view.setTimeout(report, Math.max(0, Math.min(quietMs, firstChangeAt + maxWaitMs - now)));
  };

  const observer = new MutationObserver(
    guarded(meter, 'page change', (records: MutationRecord[]) => {
      if (records.some(changesText) || addressOf() !== address) changed();
    }),
  );
  if (document.body && !headOnly) {
    observer.observe(document.body, { childList: true, characterData: true, subtree: true });
  }
  // Single-page sites change the title, canonical link and JSON-LD when they move to another story.
  if (document.head) observer.observe(document.head, { childList: true, characterData: true, subtree: true });
  const onNavigation = () => {
    if (addressOf() !== address) changed();
  };
  view.addEventListener('popstate', onNavigation, { signal });
  view.addEventListener('hashchange', onNavigation, { signal });

  signal.addEventListener('abort', () => {
    observer.disconnect();
    view.clearTimeout(timer);
  });
}

function changesText(record: MutationRecord): boolean {
  if (isOwn(record.target)) return false;
  if (record.type === 'characterData') return true;
  return [...record.addedNodes, ...record.removedNodes].some(carriesText);
}

function carriesText(node: Node): boolean {
  if (node.nodeType === 3 /* Node.TEXT_NODE */) return /\S/.test((node as Text).data);
  if (node.nodeType !== 1 /* Node.ELEMENT_NODE */) return false;
  return !textless.has((node as Element).nodeName) && !isOwn(node) && /\S/.test(node.textContent ?? '');
}
