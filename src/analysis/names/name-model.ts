/**
 * The shipped name model: the tagger's weights and its gazetteer, as written by
 * `npm run train` (scripts/train-names.ts) into model.json. Features whose weights all stayed near
 * zero were pruned; the rest are quantised to whole numbers in -127..127 and scaled back when read.
 * Feature names are stored grouped by template ("w", "pw|sh", ...), sorted and front-coded, which
 * compresses far better than the full names would.
 */
import type { Scorer } from './best-tags.ts';
import { tags } from './features.ts';
import { frontDecode } from './front-coding.ts';
import type { GazetteerData } from './gazetteer.ts';

export interface NameModelData {
  /** Bumped when the features or the file's layout change, so stale weights are refused, not misread. */
  version: number;
  /** Per feature template, its values one per line, front-coded (front-coding.ts); the weights follow this order. */
  features: Record<string, string>;
  /** Base64 of one signed byte per feature and tag (tags in the order of `tags`). */
  weights: string;
  /** What one step of a quantised weight is worth. */
  scale: number;
  gazetteer: GazetteerData;
}

export const nameModelVersion = 4;

/** "w=dong" → ["w", "dong"]; a feature without a value ("b") is its own template. */
export function splitFeature(feature: string): [template: string, value: string] {
  const equals = feature.indexOf('=');
  return equals < 0 ? [feature, ''] : [feature.slice(0, equals), feature.slice(equals + 1)];
}

/** A value's weights offset or, for features that pair a value with a detail, the details' offsets. */
type Entry = number | Map<string, number>;

export class NameModel implements Scorer {
  // Looked up by template, then value, then detail: no feature name is ever built while tagging.
  readonly #templates = new Map<string, Map<string, Entry>>();
  readonly #weights: Float32Array;

  constructor(data: NameModelData) {
    if (data.version !== nameModelVersion)
      throw new Error(`Name model version ${data.version} does not match the tagger's ${nameModelVersion}.`);
    let offset = 0;
    for (const [template, values] of Object.entries(data.features)) {
      const entries = new Map<string, Entry>();
      for (const line of frontDecode(values)) {
        const space = line.indexOf(' ');
        if (space < 0) {
          entries.set(line, offset);
        } else {
          const value = line.slice(0, space);
          const details = entries.get(value);
          const map = details instanceof Map ? details : new Map<string, number>();
          map.set(line.slice(space + 1), offset);
          entries.set(value, map);
        }
        offset += tags.length;
      }
      this.#templates.set(template, entries);
    }
    const bytes = atob(data.weights);
    if (bytes.length !== offset)
      throw new Error(`Name model has ${offset / tags.length} features but ${bytes.length} weights.`);
    this.#weights = new Float32Array(bytes.length);
    for (let index = 0; index < bytes.length; index++)
      this.#weights[index] = (((bytes.charCodeAt(index) + 128) & 0xff) - 128) * data.scale;
  }

  add(scores: Float64Array, at: number, template: string, value: string, detail?: string): void {
    const entry = this.#templates.get(template)?.get(value);
    const offset = detail === undefined ? entry : entry instanceof Map ? entry.get(detail) : undefined;
    if (typeof offset !== 'number') return;
    for (let tag = 0; tag < tags.length; tag++)
      scores[at + tag] = (scores[at + tag] as number) + (this.#weights[offset + tag] as number);
  }
}
