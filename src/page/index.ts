/**
 * Content script entry. One PageController per page: the article check, then what the reader's
 * settings ask for. Everything it starts stops with it, and nothing it does can throw into the page.
 */
// First, so that its clock starts before any other module is evaluated.
import { scriptStartedAt } from './script-start.ts';
import { sendToBackground } from '../messaging/send.ts';
import { detached } from './guard.ts';
import { loadCardView } from './hover-card/load-card-view.ts';
import { PageController } from './page-controller.ts';
import { serveTabRequests } from './tab-requests.ts';

const page = new PageController(
  document,
  { send: sendToBackground, cardView: () => loadCardView(document) },
  scriptStartedAt,
);
const lifetime = new AbortController();

serveTabRequests(
  {
    'tab/page-state': () => ({ page: page.page, mode: page.mode, highlights: page.state }),
    'tab/settings-changed': async () => {
      await page.settingsChanged();
      return null;
    },
    'tab/highlights': ({ action }) => page.highlights(action),
  },
  lifetime.signal,
);

detached('starting on this page', page.start());
