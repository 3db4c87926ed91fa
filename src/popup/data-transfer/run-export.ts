/**
 * An export from the popup or notebook: the records in scope are read from the background batch by
 * batch and handed to the transfer worker, which writes the file; the page only passes them on.
 */
import browser from 'webextension-polyfill';
import { collectExport } from '../../export/collect-export.ts';
import type { ExportFormat } from '../../export/export-data.ts';
import type { ExportScope } from '../../messaging/contract.ts';
import { sendToBackground } from '../../messaging/send.ts';
import type { TransferWorker } from './transfer-worker-client.ts';

export interface ExportChoice {
  format: ExportFormat;
  /** Ignored for a backup, which always holds everything. */
  scope: ExportScope;
}

export async function runExport(
  worker: TransferWorker,
  choice: ExportChoice,
  progress: (done: number, total: number) => void,
): Promise<{ name: string; file: Blob }> {
  const backup = choice.format === 'backup';
  const scope: ExportScope = backup ? { kind: 'everything' } : choice.scope;
  const generated = Date.now();
  const settings = backup ? await sendToBackground({ type: 'settings/get' }) : undefined;
  return worker.exportFile(choice.format, async (add) => {
    const plan = await collectExport(
      {
        plan: (planned) => sendToBackground({ type: 'export/plan', scope: planned }),
        records: (planned, batch) => sendToBackground({ type: 'export/records', scope: planned, ...batch }),
      },
      scope,
      (records, done, total) => {
        add(records);
        progress(done, total);
      },
    );
    return {
      scope,
      label: plan.label,
      generated,
      generator: `Crosscheck ${browser.runtime.getManifest().version}`,
      ...(settings ? { settings } : {}),
    };
  });
}
