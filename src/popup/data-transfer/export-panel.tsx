/** Export: a format, a scope, and a file saved with a dated name. */
import { useId, useState } from 'preact/hooks';
import { type ExportFormat, exportFormats } from '../../export/export-data.ts';
import type { ExportScope } from '../../messaging/contract.ts';
import { runExport } from './run-export.ts';
import { saveFile } from './save-file.ts';
import { formatLabels, scopeLabel, size } from './transfer-text.ts';
import { useTransferWorker } from './use-transfer-worker.ts';

export interface ExportTargets {
  /** The article in the current tab, when Crosscheck has read it. */
  page?: { url: string; title: string };
  /** The person or claim the reader is looking at. */
  person?: { id: string; name: string };
  claim?: { id: string; summary: string };
}

type ScopeKind = ExportScope['kind'];

type ExportState =
  | { status: 'idle' }
  | { status: 'gathering'; done: number; total: number }
  | { status: 'saved'; name: string; file: Blob }
  | { status: 'failed'; message: string };

export function ExportPanel({ page, person, claim }: ExportTargets) {
  const id = useId();
  const [format, setFormat] = useState<ExportFormat>('backup');
  const [scopeKind, setScopeKind] = useState<ScopeKind>('everything');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const worker = useTransferWorker();
  const busy = state.status === 'gathering';
  const backup = format === 'backup';

  const scopes: { kind: ScopeKind; label: string }[] = [
    { kind: 'everything', label: 'Everything' },
    ...(page
      ? [{ kind: 'page' as const, label: scopeLabel({ kind: 'page', url: page.url }, { page: page.title }) }]
      : []),
    ...(person ? [{ kind: 'person' as const, label: person.name }] : []),
    ...(claim
      ? [{ kind: 'claim' as const, label: scopeLabel({ kind: 'claim', id: claim.id }, { claim: claim.summary }) }]
      : []),
    { kind: 'dates', label: scopeLabel({ kind: 'dates' }, {}) },
  ];

  const scope = (): ExportScope | string => {
    switch (scopeKind) {
      case 'page':
        return page ? { kind: 'page', url: page.url } : 'There is no article to export in this tab.';
      case 'person':
        return person ? { kind: 'person', id: person.id } : 'Choose a person first.';
      case 'claim':
        return claim ? { kind: 'claim', id: claim.id } : 'Choose a claim first.';
      case 'dates': {
        if (from === '' && to === '') return 'Choose a first day, a last day, or both.';
        // The reader's own days, whole, in their time zone.
        const day = (date: string, time: string) => new Date(`${date}T${time}`).getTime();
        const range = {
          ...(from === '' ? {} : { from: day(from, '00:00:00') }),
          ...(to === '' ? {} : { to: day(to, '23:59:59.999') }),
        };
        if (range.from !== undefined && range.to !== undefined && range.from > range.to) {
          return 'The last day comes before the first.';
        }
        return { kind: 'dates', ...range };
      }
      default:
        return { kind: 'everything' };
    }
  };

  const start = async (event: Event) => {
    event.preventDefault();
    const chosen = backup ? { kind: 'everything' as const } : scope();
    if (typeof chosen === 'string') {
      setState({ status: 'failed', message: chosen });
      return;
    }
    setState({ status: 'gathering', done: 0, total: 1 });
    try {
      const { name, file } = await runExport(worker(), { format, scope: chosen }, (done, total) =>
        setState({ status: 'gathering', done, total }),
      );
      saveFile(file, name);
      setState({ status: 'saved', name, file });
    } catch (error) {
      setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <form class="data-transfer__panel" aria-labelledby={`${id}-title`} onSubmit={(event) => void start(event)}>
      <h4 id={`${id}-title`} class="data-transfer__title">
        Export
      </h4>
      <fieldset class="data-transfer__choices" disabled={busy}>
        <legend>Format</legend>
        {exportFormats.map((choice) => (
          <label key={choice} class="data-transfer__choice">
            <input
              type="radio"
              name={`${id}-format`}
              value={choice}
              checked={format === choice}
              onChange={() => setFormat(choice)}
              aria-describedby={`${id}-${choice}`}
            />
            <span>
              <span class="data-transfer__choice-name">{formatLabels[choice].name}</span>
              <span id={`${id}-${choice}`} class="data-transfer__hint">
                {formatLabels[choice].description}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset
        class="data-transfer__choices"
        disabled={busy || backup}
        aria-describedby={backup ? `${id}-scope-hint` : undefined}
      >
        <legend>What to export</legend>
        {backup && (
          <p id={`${id}-scope-hint`} class="data-transfer__hint">
            A backup always holds everything, so that it can be restored whole.
          </p>
        )}
        {scopes.map((choice) => (
          <label key={choice.kind} class="data-transfer__choice">
            <input
              type="radio"
              name={`${id}-scope`}
              value={choice.kind}
              checked={(backup ? 'everything' : scopeKind) === choice.kind}
              onChange={() => setScopeKind(choice.kind)}
            />
            <span class="data-transfer__choice-name">{choice.label}</span>
          </label>
        ))}
        {!backup && scopeKind === 'dates' && (
          <div class="data-transfer__dates">
            <DateField label="From" value={from} onChange={setFrom} max={to} />
            <DateField label="To" value={to} onChange={setTo} min={from} />
          </div>
        )}
      </fieldset>
      <div class="data-transfer__actions">
        <button type="submit" class="button" disabled={busy}>
          {busy ? 'Exporting…' : `Export ${formatLabels[format].name}`}
        </button>
      </div>
      <div class="data-transfer__status" role="status" aria-live="polite">
        {state.status === 'gathering' && (
          <>
            <progress max={state.total} value={state.done} aria-label="Export progress" />
            <span>
              Reading the store… {state.done} of {state.total}
            </span>
          </>
        )}
        {state.status === 'saved' && (
          <span>
            Saved {state.name} ({size(state.file.size)}).{' '}
            <button type="button" class="data-transfer__link" onClick={() => saveFile(state.file, state.name)}>
              Save it again
            </button>
          </span>
        )}
      </div>
      {state.status === 'failed' && (
        <p class="data-transfer__error" role="alert">
          {state.message}
        </p>
      )}
    </form>
  );
}

function DateField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  min?: string;
  max?: string;
}) {
  return (
    <label>
      {props.label}{' '}
      <input
        type="date"
        value={props.value}
        min={props.min || undefined}
        max={props.max || undefined}
        onInput={(event) => props.onChange(event.currentTarget.value)}
      />
    </label>
  );
}
