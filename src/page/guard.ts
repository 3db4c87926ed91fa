/**
 * The content script's promise to the page: nothing of ours surfaces as the page's error. Every
 * listener and every piece of background work goes through here; failures are logged quietly for
 * someone debugging the extension, and a stopped piece of work (an AbortError) is not a failure.
 */
import type { MainThreadMeter } from './main-thread.ts';

function reportFailure(context: string, error: unknown): void {
  if (isAbort(error)) return;
  console.debug(`[Crosscheck] ${context}:`, error);
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** A listener that is timed as the extension's main-thread work and can never throw into the page. */
export function guarded<A extends unknown[]>(
  meter: MainThreadMeter,
  context: string,
  listener: (...args: A) => void,
): (...args: A) => void {
  return (...args) => {
    try {
      meter.measure(() => listener(...args));
    } catch (error) {
      reportFailure(context, error);
    }
  };
}

/** Runs async work whose failure must stay ours. */
export function detached(context: string, work: Promise<unknown>): void {
  work.catch((error: unknown) => reportFailure(context, error));
}
