/**
 * The notebook: the app in a full tab, for research sessions. The search stays on one side; what
 * the reader opens from it (a person, a claim, an article) shows on the other.
 */
import { EntityView } from './entity-view.tsx';
import type { Route } from './routes.ts';
import { SearchPanel } from './search-panel.tsx';
import { SettingsView } from './settings-view.tsx';
import { StorageStatus } from './storage-status.tsx';

export function Notebook({ route }: { route: Route }) {
  if (route.view === 'settings') return <SettingsView />;
  return (
    <div class="notebook">
      <SearchPanel current={route} />
      <div class="notebook__detail">
        <DetailView route={route} />
      </div>
    </div>
  );
}

function DetailView({ route }: { route: Route }) {
  if (route.view !== 'home') return <EntityView route={route} />;
  return (
    <div class="notebook__welcome">
      <p class="empty-state">
        Search, or choose a result: the person, claim or article opens here, with each source side by side.
      </p>
      <StorageStatus />
    </div>
  );
}
