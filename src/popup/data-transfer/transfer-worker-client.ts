/**
 * The page's side of the transfer worker: one request at a time, answered by a promise, with the
 * worker's progress reported as it comes.
 */
import type { StoreRecords } from '../../export/backup-schema.ts';
import type { ExportFormat } from '../../export/export-data.ts';
import type { ExportAbout, FromWorker, Stage, ToWorker } from './worker-protocol.ts';

export type ProgressListener = (stage: Stage, done: number, total: number) => void;

type Answer = Exclude<FromWorker, { type: 'progress' | 'failed' }>;

export class TransferWorker {
  readonly #worker: Worker;
  #waiting: { resolve: (answer: Answer) => void; reject: (error: Error) => void } | null = null;
  #progress: ProgressListener = () => undefined;
  /** A failure while no request waited (a batch the worker could not take): the next request gets it. */
  #failure: Error | null = null;

  constructor(url = new URL('transfer-worker.js', location.href)) {
    this.#worker = new Worker(url);
    this.#worker.addEventListener('message', (event: MessageEvent<FromWorker>) => this.#receive(event.data));
    this.#worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#fail(new Error(`The transfer worker stopped: ${event.message || 'unknown error'}`));
    });
  }

  onProgress(listener: ProgressListener): void {
    this.#progress = listener;
  }

  async readFile(file: File): Promise<Extract<FromWorker, { type: 'file-read' }>> {
    return this.#ask({ type: 'read-file', file }, 'file-read');
  }

  /** The next chunk of the file read last, or null when all were taken. */
  async nextChunk(): Promise<string | null> {
    return (await this.#ask({ type: 'next-chunk' }, 'chunk')).json;
  }

  /**
   * Writes an export's file from the batches of records `gather` hands over as it reads them; it
   * answers what the export is once it has read them all.
   */
  async exportFile(
    format: ExportFormat,
    gather: (add: (records: StoreRecords) => void) => Promise<ExportAbout>,
  ): Promise<{ name: string; file: Blob }> {
    this.#post({ type: 'export-start', format });
    const about = await gather((records) => this.#post({ type: 'export-batch', records }));
    return this.#ask({ type: 'export-finish', about }, 'export-file');
  }

  terminate(): void {
    this.#worker.terminate();
    this.#fail(new Error('The transfer was stopped.'));
  }

  #post(message: ToWorker): void {
    this.#worker.postMessage(message);
  }

  #ask<K extends Answer['type']>(message: ToWorker, expected: K): Promise<Extract<Answer, { type: K }>> {
    if (this.#waiting) return Promise.reject(new Error('The transfer worker is busy with another request.'));
    const failure = this.#failure;
    this.#failure = null;
    if (failure) return Promise.reject(failure);
    return new Promise((resolve, reject) => {
      this.#waiting = {
        resolve: (answer) =>
          answer.type === expected
            ? resolve(answer as Extract<Answer, { type: K }>)
            : reject(new Error(`The transfer worker answered ${answer.type} to ${message.type}.`)),
        reject,
      };
      this.#post(message);
    });
  }

  #receive(message: FromWorker): void {
    if (message.type === 'progress') {
      this.#progress(message.stage, message.done, message.total);
      return;
    }
    if (message.type === 'failed') {
      this.#fail(new Error(message.message));
      return;
    }
    const waiting = this.#waiting;
    this.#waiting = null;
    waiting?.resolve(message);
  }

  #fail(error: Error): void {
    const waiting = this.#waiting;
    this.#waiting = null;
    if (waiting) waiting.reject(error);
    else this.#failure = error;
  }
}
