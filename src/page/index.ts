/**
 * Content script entry. The cheap article check runs first; past it, nothing happens on pages
 * that are not news articles except answering the popup.
 */
import { sendToBackground } from '../messaging/send.ts';
import { detectArticle } from './article-detection.ts';
import { registerHighlightLayers } from './highlight-layers.ts';
import { serveTabRequests } from './tab-requests.ts';

async function start(signal: AbortSignal): Promise<void> {
  const article = detectArticle(document);
  const page = { url: location.href, title: article.title, isArticle: article.isArticle };
  const { mode } = article.isArticle ? await sendToBackground({ type: 'page/hello' }) : { mode: 'off' as const };
  serveTabRequests(
    {
      'tab/page-state': () => ({ page, mode }),
      'tab/settings-changed': () => {
        restart();
        return null;
      },
    },
    signal,
  );
  if (mode === 'auto') registerHighlightLayers(signal);
}

let controller = new AbortController();

function run(): void {
  start(controller.signal).catch((error: unknown) => {
    // Never let the extension's failure surface as the page's error.
    console.debug('[Crosscheck] could not start on this page:', error);
  });
}

/** Stops everything and starts over, asking the background afresh what to do here. */
function restart(): void {
  controller.abort();
  controller = new AbortController();
  run();
}

run();
