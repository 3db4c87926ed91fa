import browser, { type Runtime } from 'webextension-polyfill';
import { defaultSettings, modeForUrl } from '../settings.ts';
import { createMessageRouter } from './message-router.ts';

// Interim, until the store lands on this branch: the contract is published first so the page and
// popup can be written against it. Every one of these is replaced by the store's handler.
const notYet = (type: string) => () => {
  throw new Error(`${type}: the store is not wired into the background yet`);
};

const route = createMessageRouter(
  {
    page: {
      // Decided from the URL the browser reports for the sender, not from anything the page says.
      'page/hello': (_request, sender) => ({ mode: modeForUrl(defaultSettings, sender.url) }),
      'page/ingest': notYet('page/ingest'),
      'page/lookup': notYet('page/lookup'),
      'page/note-create': notYet('page/note-create'),
      'page/note-update': notYet('page/note-update'),
      'page/note-delete': notYet('page/note-delete'),
    },
    extension: {
      'settings/get': () => defaultSettings,
      'settings/set': notYet('settings/set'),
      'store/status': notYet('store/status'),
      'store/page': notYet('store/page'),
      'store/person': notYet('store/person'),
      'store/claim': notYet('store/claim'),
      'store/search': notYet('store/search'),
      'store/facets': notYet('store/facets'),
      'store/forget-source': notYet('store/forget-source'),
      'store/delete-everything': notYet('store/delete-everything'),
      'notes/create': notYet('notes/create'),
      'notes/update': notYet('notes/update'),
      'notes/delete': notYet('notes/delete'),
      'notes/restore': notYet('notes/restore'),
    },
  },
  { id: browser.runtime.id, origin: browser.runtime.getURL('') },
);

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => route(message, sender));
