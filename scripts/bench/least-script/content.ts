/**
 * The least a content script that reads the article as issue 5 asks can cost a page: Crosscheck's
 * own article check and its cheapest snapshot (the browser's `outerHTML` of the declared article
 * area and one TreeWalker), handed to the background in one message, then the ranges the background
 * answers painted as one CSS highlight. No listeners, no cards, no notes, no watch on page changes,
 * no second message. Every slice is timed as Crosscheck's are, and the total sent to the background.
 */
import { detectArticle } from '../../../src/page/article-detection.ts';
import { articleAreas, landmarksOf, takeNativeSnapshot } from '../../../src/page/page-snapshot.ts';
import type { LeastScriptAnswer, LeastScriptMessage, LeastScriptPart } from './messages.ts';

const slices: Partial<Record<LeastScriptPart, number>> = {};
let busyMs = 0;
const spent = (part: LeastScriptPart, since: number) => {
  const ms = performance.now() - since;
  busyMs += ms;
  slices[part] = (slices[part] ?? 0) + ms;
};

const send = (message: LeastScriptMessage) =>
  chrome.runtime.sendMessage<LeastScriptMessage, LeastScriptAnswer>(message);

async function run(): Promise<void> {
  const done = (article: boolean) => void send({ type: 'cost', url: location.href, busyMs, slices, article });
  let since = performance.now();
  const article = detectArticle(document).isArticle;
  spent('check', since);
  if (!article) return done(false);
  // A new task, as Crosscheck's session starts in one.
  await new Promise((resolve) => setTimeout(resolve, 0));
  since = performance.now();
  const landmarks = landmarksOf(document);
  const area = articleAreas(document, landmarks).next().value ?? null;
  const taken = takeNativeSnapshot(document, area, landmarks);
  spent('snapshot', since);
  if (!taken) return done(false);
  // Handing the snapshot to the browser (which serialises it) is timed apart: it grows with the markup.
  since = performance.now();
  const answering = send({ type: 'snapshot', snapshot: taken.snapshot });
  spent('handover', since);
  const { ranges } = await answering;
  since = performance.now();
  const highlight = new Highlight();
  for (const [index, start, end] of ranges) {
    const node = taken.nodes[index];
    if (node)
      highlight.add(new StaticRange({ startContainer: node, startOffset: start, endContainer: node, endOffset: end }));
  }
  CSS.highlights.set('least-script', highlight);
  spent('paint', since);
  done(true);
}

spent('bundle', (globalThis as { leastScriptClock?: number }).leastScriptClock ?? performance.now());
void run();
