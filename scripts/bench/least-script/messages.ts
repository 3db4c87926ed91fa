/** What the least content script and its background say to each other. */
import type { NativeSnapshot } from '../../../src/page/page-snapshot.ts';

/** Its slices: compiling and evaluating its bundle, the article check, taking the snapshot, handing it over, painting. */
export type LeastScriptPart = 'bundle' | 'check' | 'snapshot' | 'handover' | 'paint';

export type LeastScriptMessage =
  | { type: 'snapshot'; snapshot: NativeSnapshot }
  | { type: 'cost'; url: string; busyMs: number; slices: Partial<Record<LeastScriptPart, number>>; article: boolean };

/** Ranges to paint: a Text node's index in the snapshot's list, and the start and end in it. */
export interface LeastScriptAnswer {
  ranges: [number, number, number][];
}

/** What the background keeps of each page's cost, for the benchmark to read. */
export type LeastScriptCost = Extract<LeastScriptMessage, { type: 'cost' }>;
