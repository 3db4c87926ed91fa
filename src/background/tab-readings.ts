/**
 * The page readings under way, one per tab. A tab that sends a newer page/read (the page changed,
 * or the tab moved on to another article) no longer wants the older one: it stops at its next
 * pause and writes nothing, and its sender is told why.
 */
export const supersededReading = 'A newer reading of this page took its place.';

export class TabReadings {
  readonly #current = new Map<number, AbortController>();

  /** Starts a reading in the tab, superseding the one under way there; `end` when it is over. */
  begin(tabId: number): { signal: AbortSignal; end: () => void } {
    this.#current.get(tabId)?.abort(new Error(supersededReading));
    const controller = new AbortController();
    this.#current.set(tabId, controller);
    return {
      signal: controller.signal,
      end: () => {
        if (this.#current.get(tabId) === controller) this.#current.delete(tabId);
      },
    };
  }
}
