/** The notebook's settings and data: where Crosscheck runs, what it keeps, removing it, and its licences. */
import { AboutCrosscheck } from './about-crosscheck.tsx';
import { DataTransfer } from './data-transfer/data-transfer.tsx';
import { DeleteEverything } from './delete-everything.tsx';
import { PageControls } from './page-controls.tsx';
import { StorageStatus } from './storage-status.tsx';
import { SwitchedOffSites } from './switched-off-sites.tsx';
import { usePageState } from './use-page-state.ts';
import { ViewHeading } from './view-heading.tsx';

export function SettingsView() {
  const tab = usePageState();
  return (
    <article class="view view--settings" aria-labelledby="settings-heading">
      <ViewHeading id="settings-heading">Settings and data</ViewHeading>
      <PageControls tab={tab} />
      <SwitchedOffSites />
      <StorageStatus />
      <DataTransfer layout="tab" />
      <DeleteEverything />
      <AboutCrosscheck />
    </article>
  );
}
