import browser from 'webextension-polyfill';
import { CurrentPage } from './current-page.tsx';
import { PageControls } from './page-controls.tsx';

export interface AppProps {
  /** The toolbar popup, or the same app in a full tab (the notebook). */
  layout: 'popup' | 'tab';
}

export function App({ layout }: AppProps) {
  return (
    <div class={`app app--${layout}`}>
      <header class="app__header">
        <h1 class="app__title">Crosscheck</h1>
        {layout === 'popup' && (
          <button
            type="button"
            class="button"
            onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('notebook.html') })}
          >
            Open notebook
          </button>
        )}
      </header>
      <CurrentPage />
      <PageControls />
    </div>
  );
}
