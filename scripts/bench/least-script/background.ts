/**
 * The least content script's background: answers a snapshot with as many ranges as Crosscheck
 * paints on a news article (about 80), spread over the text, without reading it; keeps each page's
 * cost for the benchmark.
 */
import type { LeastScriptAnswer, LeastScriptCost, LeastScriptMessage } from './messages.ts';

const highlights = 80;
const costs: LeastScriptCost[] = [];
(globalThis as { leastScriptCosts?: LeastScriptCost[] }).leastScriptCosts = costs;

chrome.runtime.onMessage.addListener(
  (message: LeastScriptMessage, _sender, reply: (answer: LeastScriptAnswer) => void) => {
    if (message.type === 'cost') costs.push(message);
    else {
      const long = message.snapshot.lengths.flatMap((length, index) => (length >= 40 ? [index] : []));
      const step = Math.max(1, Math.floor(long.length / highlights));
      const ranges = long
        .filter((_, at) => at % step === 0)
        .slice(0, highlights)
        .map((index): [number, number, number] => [index, 5, 17]);
      reply({ ranges });
    }
    return false;
  },
);
