/**
 * Import: a file is read and checked off the page's thread, the preview says what it holds and what
 * it would change, and nothing is written until the reader confirms. In the toolbar popup, which
 * closes when a file picker opens, the import opens in the notebook instead.
 */
import { useId, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { ImportResult } from '../../export/import-outcome.ts';
import { commitImport, type ImportPreview, previewImport } from './run-import.ts';
import { comparisonDescription, fileDescription, resultDescription, size } from './transfer-text.ts';
import { useTransferWorker } from './use-transfer-worker.ts';
import type { Stage } from './worker-protocol.ts';

type ImportState =
  | { status: 'idle' }
  | { status: 'reading'; name: string; stage: Stage | 'comparing'; done: number; total: number }
  | { status: 'preview'; name: string; preview: ImportPreview }
  | { status: 'importing'; name: string; stage: 'sending' | 'writing'; done: number; total: number }
  | { status: 'done'; name: string; result: ImportResult }
  | { status: 'failed'; name: string; message: string };

const stageWords: Record<Stage | 'comparing' | 'sending', string> = {
  reading: 'Reading the file',
  checking: 'Checking every record',
  writing: 'Writing into Crosscheck',
  comparing: 'Comparing with what Crosscheck holds',
  sending: 'Handing the records to Crosscheck',
};

/** The notebook's address for an import: its settings, where export and import are (src/popup/routes.ts). */
export const importHash = '#import';

export function ImportPanel({ layout }: { layout: 'popup' | 'tab' }) {
  const id = useId();
  const [state, setState] = useState<ImportState>({ status: 'idle' });
  const worker = useTransferWorker();

  const fail = (name: string, error: unknown) =>
    setState({ status: 'failed', name, message: error instanceof Error ? error.message : String(error) });

  const read = async (file: File) => {
    const { name } = file;
    setState({ status: 'reading', name, stage: 'reading', done: 0, total: file.size });
    const transfer = worker();
    transfer.onProgress((stage, done, total) => setState({ status: 'reading', name, stage, done, total }));
    try {
      const preview = await previewImport(transfer, file, () =>
        setState({ status: 'reading', name, stage: 'comparing', done: 0, total: 1 }),
      );
      setState({ status: 'preview', name, preview });
    } catch (error) {
      fail(name, error);
    }
  };

  const confirm = async (name: string, preview: ImportPreview) => {
    setState({ status: 'importing', name, stage: 'sending', done: 0, total: preview.chunks });
    try {
      const result = await commitImport(worker(), preview, (stage, done, total) =>
        setState({ status: 'importing', name, stage, done, total }),
      );
      setState({ status: 'done', name, result });
    } catch (error) {
      fail(name, error);
    }
  };

  const chosen = (event: Event) => {
    const target = event.currentTarget as HTMLInputElement;
    const file = target.files?.[0];
    target.value = '';
    if (file) void read(file);
  };

  const busy = state.status === 'reading' || state.status === 'importing';

  return (
    <section
      class="data-transfer__panel"
      aria-labelledby={`${id}-title`}
      onDragOver={(event) => {
        if (layout === 'tab' && !busy) event.preventDefault();
      }}
      onDrop={(event) => {
        if (layout !== 'tab' || busy) return;
        event.preventDefault();
        const file = event.dataTransfer?.files[0];
        if (file) void read(file);
      }}
    >
      <h4 id={`${id}-title`} class="data-transfer__title">
        Import
      </h4>
      <p class="data-transfer__hint" id={`${id}-hint`}>
        A Crosscheck backup, or W3C Web Annotations from Hypothesis, Recogito or another tool. You see what the file
        holds before anything is imported.
      </p>
      {layout === 'popup' ? (
        <div class="data-transfer__actions">
          <button
            type="button"
            class="button"
            onClick={() => void browser.tabs.create({ url: browser.runtime.getURL(`notebook.html${importHash}`) })}
          >
            Import in the notebook…
          </button>
        </div>
      ) : (
        <div class="data-transfer__actions">
          <label class={`button data-transfer__file${busy ? ' data-transfer__file--busy' : ''}`}>
            Choose a file…
            <input
              type="file"
              class="data-transfer__file-input"
              accept=".json,.jsonld,application/json,application/ld+json"
              aria-describedby={`${id}-hint`}
              disabled={busy}
              onChange={chosen}
            />
          </label>
        </div>
      )}
      <div class="data-transfer__status" role="status" aria-live="polite">
        {(state.status === 'reading' || state.status === 'importing') && (
          <>
            <progress
              max={state.total || 1}
              value={state.stage === 'comparing' ? undefined : state.done}
              aria-label={`${stageWords[state.stage]}: ${state.name}`}
            />
            <span>
              {stageWords[state.stage]}…
              {state.stage === 'reading' ? ` ${size(state.done)} of ${size(state.total)}` : ''}
            </span>
          </>
        )}
        {state.status === 'done' && <span>{resultDescription(state.result)}</span>}
      </div>
      {state.status === 'preview' && (
        <div class="data-transfer__preview" aria-label={`What ${state.name} holds`} role="group">
          <p class="data-transfer__file-name">{state.name}</p>
          {[
            ...fileDescription(state.preview.summary),
            ...comparisonDescription(state.preview.summary, state.preview.comparison),
          ].map((line) => (
            <p key={line}>{line}</p>
          ))}
          <div class="data-transfer__actions">
            <button type="button" class="button" onClick={() => void confirm(state.name, state.preview)}>
              Import
            </button>
            <button type="button" class="button button--quiet" onClick={() => setState({ status: 'idle' })}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {state.status === 'failed' && (
        <p class="data-transfer__error" role="alert">
          {state.name} was not imported, and nothing changed. {state.message}
        </p>
      )}
    </section>
  );
}
