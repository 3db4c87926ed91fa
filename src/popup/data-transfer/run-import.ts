/**
 * An import from the notebook: the transfer worker reads and checks the file and the background
 * compares it with the store (the preview); once the reader confirms, the worker's chunks go to the
 * background, which writes them all in one transaction. Nothing is written before the commit, and a
 * failure on the way cancels the import.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { classifySender } from '../../background/message-router.ts';
import type { ImportComparison, ImportResult } from '../../export/import-outcome.ts';
import { extensionEventSchema, parseMessage } from '../../messaging/contract.ts';
import { sendToBackground } from '../../messaging/send.ts';
import type { TransferWorker } from './transfer-worker-client.ts';
import type { FileSummary } from './worker-protocol.ts';

export interface ImportPreview {
  summary: FileSummary;
  comparison: ImportComparison;
  chunks: number;
}

export async function previewImport(
  worker: TransferWorker,
  file: File,
  comparing: () => void = () => undefined,
): Promise<ImportPreview> {
  const { summary, keys, chunks } = await worker.readFile(file);
  comparing();
  const comparison = await sendToBackground({ type: 'import/compare', keys });
  return { summary, comparison, chunks };
}

export type ImportStage = 'sending' | 'writing';

export async function commitImport(
  worker: TransferWorker,
  preview: ImportPreview,
  progress: (stage: ImportStage, done: number, total: number) => void,
): Promise<ImportResult> {
  const { session } = await sendToBackground({ type: 'import/begin', kind: preview.summary.kind });
  const extension = { id: browser.runtime.id, origin: browser.runtime.getURL('') };
  const onEvent = (message: unknown, sender: Runtime.MessageSender): undefined => {
    // Only the background speaks for the import; content scripts can message this page too.
    if (classifySender(sender, extension)?.kind !== 'extension') return undefined;
    const event = parseMessage(extensionEventSchema, message);
    if (event.ok && event.value.type === 'import/progress' && event.value.session === session) {
      progress('writing', event.value.written, event.value.total);
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onEvent);
  try {
    let sent = 0;
    for (let json = await worker.nextChunk(); json !== null; json = await worker.nextChunk()) {
      await sendToBackground({ type: 'import/chunk', session, json });
      progress('sending', ++sent, preview.chunks);
    }
    progress('writing', 0, 1);
    return await sendToBackground({ type: 'import/commit', session });
  } catch (error) {
    // The background may still hold the chunks sent so far; they are let go, never written.
    await sendToBackground({ type: 'import/cancel', session }).catch(() => undefined);
    throw error;
  } finally {
    browser.runtime.onMessage.removeListener(onEvent);
  }
}
