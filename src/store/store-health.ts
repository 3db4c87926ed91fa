/**
 * When the browser refuses a write (its storage is full, or it closed or cleared the database),
 * the transaction is rolled back whole, so nothing already stored is damaged; what is left is to
 * tell the reader. This keeps the last refusal until a write succeeds again, and reports changes.
 */
import type { StoreProblemKind, StoreStatus } from './views.ts';

export type StoreProblem = NonNullable<StoreStatus['problem']>;

const explanations: Record<StoreProblemKind, string> = {
  quota:
    'Your browser refused to store more: the space it gives Crosscheck is full. Nothing stored before was changed. Free some disk space or forget articles you no longer need, then read the page again.',
  unavailable:
    'Crosscheck’s storage is unavailable: the browser closed or cleared it. Nothing stored before was changed. Reload the page to try again.',
  failed: 'Your browser refused to save. Nothing stored before was changed. Reload the page to try again.',
};

// IndexedDB and Dexie error names, by what they mean for the reader.
const problemNames = new Map<string, StoreProblemKind>([
  ['QuotaExceededError', 'quota'],
  ['DatabaseClosedError', 'unavailable'],
  ['OpenFailedError', 'unavailable'],
  ['MissingAPIError', 'unavailable'],
  ['InvalidStateError', 'unavailable'],
  ['UnknownError', 'failed'],
]);

/**
 * What kind of storage refusal an error is, looking through the wrappers Dexie puts around it (a
 * transaction's AbortError, a bulk operation's BulkError); null for any other error.
 */
export function storageProblemOf(error: unknown): StoreProblemKind | null {
  for (let cause = error, depth = 0; typeof cause === 'object' && cause !== null && depth < 5; depth++) {
    const { name, inner, failures } = cause as { name?: unknown; inner?: unknown; failures?: unknown };
    const kind = typeof name === 'string' ? problemNames.get(name) : undefined;
    if (kind) return kind;
    cause = inner ?? (Array.isArray(failures) ? (failures[0] as unknown) : (cause as { cause?: unknown }).cause);
  }
  return null;
}

export class StoreHealth {
  #problem: StoreProblem | null = null;
  readonly #onChange: (problem: StoreProblem | null) => void;

  constructor(onChange: (problem: StoreProblem | null) => void) {
    this.#onChange = onChange;
  }

  get problem(): StoreProblem | null {
    return this.#problem;
  }

  /** Runs a write; a refusal by the browser is remembered and answered with what it means for the reader. */
  async write<T>(run: () => Promise<T>, now: () => number = Date.now): Promise<T> {
    let result: T;
    try {
      result = await run();
    } catch (error) {
      const kind = storageProblemOf(error);
      if (!kind) throw error;
      if (this.#problem?.kind !== kind) {
        this.#problem = { kind, message: explanations[kind], since: now() };
        this.#onChange(this.#problem);
      }
      throw new Error(explanations[kind], { cause: error });
    }
    if (this.#problem) {
      this.#problem = null;
      this.#onChange(null);
    }
    return result;
  }
}
