import browser from 'webextension-polyfill';
import { type Layout, LayoutContext } from './layout.ts';
import { CurrentPage } from './current-page.tsx';
import { EntityView } from './entity-view.tsx';
import { Notebook } from './notebook.tsx';
import { type Route, routeHash } from './routes.ts';
import { SettingsView } from './settings-view.tsx';
import { UndoProvider } from './undo.tsx';
import { canGoBack, useRoute } from './use-route.ts';

export interface AppProps {
  layout: Layout;
}

export function App({ layout }: AppProps) {
  const route = useRoute();
  return (
    <LayoutContext.Provider value={layout}>
      <UndoProvider>
        <div class={`app app--${layout}`}>
          {layout === 'popup' ? <PopupHeader route={route} /> : <NotebookHeader route={route} />}
          <main class="app__main">{layout === 'popup' ? <PopupView route={route} /> : <Notebook route={route} />}</main>
        </div>
      </UndoProvider>
    </LayoutContext.Provider>
  );
}

function PopupHeader({ route }: { route: Route }) {
  return (
    <header class="app__header">
      <div class="app__start">
        {route.view !== 'home' && (
          <a class="button button--quiet back" href="#/" onClick={goBack}>
            <span aria-hidden="true">←</span> {canGoBack() ? 'Back' : 'This page'}
          </a>
        )}
        <Brand />
      </div>
      <button
        type="button"
        class="button button--quiet"
        title="Open this in the notebook, in a tab"
        onClick={() => void browser.tabs.create({ url: browser.runtime.getURL(`notebook.html${routeHash(route)}`) })}
      >
        Notebook
      </button>
    </header>
  );
}

function NotebookHeader({ route }: { route: Route }) {
  const settings = route.view === 'settings';
  return (
    <header class="app__header">
      <Brand title="Crosscheck notebook" />
      <nav class="app__nav" aria-label="Notebook">
        <a href="#/" aria-current={settings ? undefined : 'page'}>
          Search
        </a>
        <a href="#/settings" aria-current={settings ? 'page' : undefined}>
          Settings and data
        </a>
      </nav>
    </header>
  );
}

function Brand({ title = 'Crosscheck' }: { title?: string }) {
  return (
    <h1 class="brand">
      <img class="brand__icon" src="icons/icon-32.png" width={20} height={20} alt="" />
      {title}
    </h1>
  );
}

/** Back where the reader came from in the popup, or to the page's view when they came from nowhere. */
function goBack(event: MouseEvent): void {
  if (canGoBack()) {
    event.preventDefault();
    history.back();
  }
}

function PopupView({ route }: { route: Route }) {
  if (route.view === 'home') return <CurrentPage />;
  if (route.view === 'settings') return <SettingsView />;
  return <EntityView route={route} />;
}
