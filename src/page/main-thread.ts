/**
 * The extension's share of the page's main thread. Work runs in slices of a few milliseconds and
 * gives the thread back between them, so the page stays responsive (no task of ours near 50 ms), and
 * every slice is timed, so the extension can say what it cost: the page's state reports it and the
 * real-page benchmark compares it with a bare walk over the page's text.
 */

export interface MainThreadUse {
  /** Time spent in the extension's own slices. */
  busyMs: number;
  longestSliceMs: number;
  slices: number;
}

/** What one content script spent, over every piece of work it ran. */
export class MainThreadMeter {
  readonly #use: MainThreadUse = { busyMs: 0, longestSliceMs: 0, slices: 0 };
  readonly now: () => number;

  constructor(now: () => number = () => performance.now()) {
    this.now = now;
  }

  get use(): MainThreadUse {
    return { ...this.#use };
  }

  record(sliceMs: number): void {
    this.#use.busyMs += sliceMs;
    this.#use.longestSliceMs = Math.max(this.#use.longestSliceMs, sliceMs);
    this.#use.slices++;
  }

  /** Runs a short synchronous piece of work (an event handler) as one timed slice. */
  measure<T>(work: () => T): T {
    const start = this.now();
    try {
      return work();
    } finally {
      this.record(this.now() - start);
    }
  }
}

/** Long enough to get work done, short enough that the page never waits on us for a frame. */
const defaultSliceMs = 8;

export type YieldToPage = () => Promise<void>;

/** `scheduler.yield()` where the browser has it (the continuation keeps its place), else a new task. */
export const yieldToPage: YieldToPage = () => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
};

/**
 * One piece of cooperative work (analysing an article), stopped by its AbortSignal: every pause
 * point throws the signal's reason once it is aborted, so turning the extension off stops the work
 * at its next slice.
 */
export class CooperativeWork {
  readonly #meter: MainThreadMeter;
  readonly signal: AbortSignal;
  readonly #sliceMs: number;
  readonly #yield: YieldToPage;
  #sliceStart: number | null = null;

  constructor(
    meter: MainThreadMeter,
    signal: AbortSignal,
    options: { sliceMs?: number; yieldToPage?: YieldToPage } = {},
  ) {
    this.#meter = meter;
    this.signal = signal;
    this.#sliceMs = options.sliceMs ?? defaultSliceMs;
    this.#yield = options.yieldToPage ?? yieldToPage;
  }

  /** Marks the start of a slice: the code that follows runs on the main thread until the next pause. */
  begin(): void {
    this.signal.throwIfAborted();
    this.#sliceStart ??= this.#meter.now();
  }

  #end(): void {
    if (this.#sliceStart === null) return;
    this.#meter.record(this.#meter.now() - this.#sliceStart);
    this.#sliceStart = null;
  }

  /** Gives the page the main thread if this slice has run for long enough. */
  async checkpoint(): Promise<void> {
    this.begin();
    if (this.#meter.now() - (this.#sliceStart as number) >= this.#sliceMs) await this.pause();
  }

  /** Ends the slice, lets the page run, and starts a new slice (or throws if aborted meanwhile). */
  async pause(): Promise<void> {
    this.#end();
    await this.#yield();
    this.begin();
  }

  /** Waits for something outside the main thread (a message to the background) without counting the wait. */
  async wait<T>(pending: Promise<T>): Promise<T> {
    this.#end();
    try {
      return await pending;
    } finally {
      this.begin();
    }
  }

  /** Runs a step generator to its end, pausing between steps whenever a slice is used up. */
  async run<T>(steps: Generator<unknown, T>): Promise<T> {
    this.begin();
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      await this.checkpoint();
    }
  }

  /** The work is done: its last slice is counted. */
  finish(): void {
    this.#end();
  }
}
