/**
 * The best tag sequence for a sentence under a linear model (Viterbi over the three tags). Training
 * decodes with the weights being learnt, tagging with the shipped ones: both through `Scorer`.
 */
import { allowed, type Tag, tags, visitTransitionFeatures } from './features.ts';

export interface Scorer {
  /** Adds the feature's weight for each tag to `scores[offset + tag]`; unknown features add nothing. */
  add(scores: Float64Array, offset: number, template: string, value: string, detail?: string): void;
}

export interface SentenceScores {
  /** `local[i * 3 + tag]`: the fixed features' score of each tag for token i. */
  local: Float64Array;
  /** Each token's shape, which the transition features pair with the previous tag. */
  shapes: readonly string[];
}

const tagCount = tags.length;
const start = -1;

/** `cost(index, tag)`, when given, is added to the score of a tag (training decodes with a margin). */
export function bestTags(
  { local, shapes }: SentenceScores,
  scorer: Scorer,
  cost?: (index: number, tag: Tag) => number,
): Tag[] {
  const length = shapes.length;
  if (length === 0) return [];
  // best[i * 3 + t]: the best score of a sequence ending in tag t at token i; back: its previous tag.
  const best = new Float64Array(length * tagCount).fill(-Infinity);
  const back = new Int8Array(length * tagCount);
  // Transition scores depend on the previous tag and this token's shape only: a sentence has few shapes.
  const transitionsByShape = new Map<string, Float64Array>();
  const transitionsFor = (shape: string) => {
    let scores = transitionsByShape.get(shape);
    if (!scores) {
      const row = new Float64Array((tagCount + 1) * tagCount);
      for (let previous = start; previous < tagCount; previous++)
        visitTransitionFeatures(previous as Tag | typeof start, shape, (template, value, detail) =>
          scorer.add(row, (previous + 1) * tagCount, template, value, detail),
        );
      transitionsByShape.set(shape, row);
      scores = row;
    }
    return scores;
  };

  for (let index = 0; index < length; index++) {
    const transitions = transitionsFor(shapes[index] as string);
    for (let previous = index === 0 ? start : 0; previous < (index === 0 ? 0 : tagCount); previous++) {
      const before = previous === start ? 0 : (best[(index - 1) * tagCount + previous] as number);
      if (before === -Infinity) continue;
      for (let tag = 0; tag < tagCount; tag++) {
        if (!allowed(previous as Tag | typeof start, tag as Tag)) continue;
        const score =
          before +
          (transitions[(previous + 1) * tagCount + tag] as number) +
          (local[index * tagCount + tag] as number) +
          (cost ? cost(index, tag as Tag) : 0);
        if (score > (best[index * tagCount + tag] as number)) {
          best[index * tagCount + tag] = score;
          back[index * tagCount + tag] = previous;
        }
      }
    }
  }

  const sequence = new Array<Tag>(length);
  let tag = 0;
  for (let candidate = 1; candidate < tagCount; candidate++)
    if ((best[(length - 1) * tagCount + candidate] as number) > (best[(length - 1) * tagCount + tag] as number))
      tag = candidate;
  for (let index = length - 1; index >= 0; index--) {
    sequence[index] = tag as Tag;
    tag = back[index * tagCount + tag] as number;
  }
  return sequence;
}
