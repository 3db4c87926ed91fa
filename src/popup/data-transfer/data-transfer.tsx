/**
 * Export and import, as one self-contained part of the popup and the notebook: mount
 * `<DataTransfer />`, passing the article, person or claim on screen to offer them as
 * what to export. It brings its own stylesheet and its own worker (transfer-worker.js).
 */
import { useId } from 'preact/hooks';
import { ExportPanel, type ExportTargets } from './export-panel.tsx';
import { ImportPanel } from './import-panel.tsx';

export interface DataTransferProps extends ExportTargets {
  /** The toolbar popup, or the notebook in a full tab; by default, what the page says it is (`data-layout`). */
  layout?: 'popup' | 'tab';
}

export function DataTransfer({ layout = pageLayout(), ...targets }: DataTransferProps) {
  const id = useId();
  return (
    <section class={`section data-transfer data-transfer--${layout}`} aria-labelledby={`${id}-heading`}>
      <link rel="stylesheet" href="data-transfer.css" />
      <h3 id={`${id}-heading`} class="section__title">
        Export and import
      </h3>
      <div class="data-transfer__panels">
        <ExportPanel {...targets} />
        <ImportPanel layout={layout} />
      </div>
    </section>
  );
}

function pageLayout(): 'popup' | 'tab' {
  return document.body.dataset.layout === 'tab' ? 'tab' : 'popup';
}
