import browser, { type Runtime } from 'webextension-polyfill';
import { defaultSettings, modeForUrl } from '../settings.ts';
import { createMessageRouter } from './message-router.ts';

const route = createMessageRouter(
  {
    page: {
      // Decided from the URL the browser reports for the sender, not from anything the page says.
      'page/hello': (_request, sender) => ({ mode: modeForUrl(defaultSettings, sender.url) }),
    },
    extension: {
      'settings/get': () => defaultSettings,
    },
  },
  { id: browser.runtime.id, origin: browser.runtime.getURL('') },
);

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => route(message, sender));
