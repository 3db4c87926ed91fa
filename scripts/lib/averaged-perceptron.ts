/**
 * A structured averaged perceptron (Collins 2002) over the name tagger's features: decode a sentence
 * with the current weights; where the best sequence differs from the gold one, reward the gold
 * features and penalise the predicted ones. The weights shipped are the average over every step,
 * which generalises far better than the last ones. Averaging is lazy: a weight's running total is
 * brought up to date only when the weight changes.
 *
 * Decoding during training is cost-augmented: every wrong tag gets a head start of `margin`, and a
 * missed name word `margin × missCost`, so the weights learn to win by a margin, and to miss fewer
 * names (the training text has far fewer names among its capitalised words than news has).
 */
import { bestTags, type Scorer, type SentenceScores } from '../../src/analysis/names/best-tags.ts';
import {
  featureName,
  outside,
  type SentenceFeatures,
  type Tag,
  tags,
  transitionFeatures,
} from '../../src/analysis/names/features.ts';

export interface TrainingSentence {
  features: SentenceFeatures;
  gold: Tag[];
}

const tagCount = tags.length;

export interface MarginOptions {
  margin: number;
  missCost: number;
}

export class AveragedPerceptron implements Scorer {
  readonly #weights = new Map<string, Float64Array>();
  readonly #totals = new Map<string, Float64Array>();
  readonly #stamps = new Map<string, Float64Array>();
  #step = 0;
  readonly #margin: MarginOptions;

  constructor(margin: MarginOptions = { margin: 0, missCost: 1 }) {
    this.#margin = margin;
  }

  add(scores: Float64Array, at: number, template: string, value: string, detail?: string): void {
    this.#addNamed(scores, at, featureName(template, value, detail));
  }

  #addNamed(scores: Float64Array, at: number, feature: string): void {
    const weights = this.#weights.get(feature);
    if (!weights) return;
    for (let tag = 0; tag < tagCount; tag++) scores[at + tag] = (scores[at + tag] as number) + (weights[tag] as number);
  }

  #scores({ fixed, shapes }: SentenceFeatures): SentenceScores {
    const local = new Float64Array(fixed.length * tagCount);
    fixed.forEach((features, index) => {
      for (const feature of features) this.#addNamed(local, index * tagCount, feature);
    });
    return { local, shapes };
  }

  #update(feature: string, tag: Tag, delta: number): void {
    let weights = this.#weights.get(feature);
    let totals = this.#totals.get(feature);
    let stamps = this.#stamps.get(feature);
    if (!weights || !totals || !stamps) {
      weights = new Float64Array(tagCount);
      totals = new Float64Array(tagCount);
      stamps = new Float64Array(tagCount);
      this.#weights.set(feature, weights);
      this.#totals.set(feature, totals);
      this.#stamps.set(feature, stamps);
    }
    totals[tag] = (totals[tag] as number) + (this.#step - (stamps[tag] as number)) * (weights[tag] as number);
    stamps[tag] = this.#step;
    weights[tag] = (weights[tag] as number) + delta;
  }

  /** Learns from one sentence; returns whether the current weights already tagged it right. */
  train({ features, gold }: TrainingSentence): boolean {
    this.#step++;
    const { margin, missCost } = this.#margin;
    const cost = (index: number, tag: Tag) => (tag === gold[index] ? 0 : tag === outside ? margin * missCost : margin);
    const predicted = bestTags(this.#scores(features), this, margin > 0 ? cost : undefined);
    if (predicted.every((tag, index) => tag === gold[index])) return true;
    for (let index = 0; index < gold.length; index++) {
      const goldTag = gold[index] as Tag;
      const predictedTag = predicted[index] as Tag;
      const goldPrevious = index === 0 ? -1 : (gold[index - 1] as Tag);
      const predictedPrevious = index === 0 ? -1 : (predicted[index - 1] as Tag);
      if (goldTag !== predictedTag) {
        for (const feature of features.fixed[index] as string[]) {
          this.#update(feature, goldTag, 1);
          this.#update(feature, predictedTag, -1);
        }
      }
      if (goldTag !== predictedTag || goldPrevious !== predictedPrevious) {
        const shape = features.shapes[index] as string;
        for (const feature of transitionFeatures(goldPrevious, shape)) this.#update(feature, goldTag, 1);
        for (const feature of transitionFeatures(predictedPrevious, shape)) this.#update(feature, predictedTag, -1);
      }
    }
    return false;
  }

  /** The weights averaged over every step so far, by feature name. */
  averaged(): Map<string, Float64Array> {
    const averaged = new Map<string, Float64Array>();
    for (const [feature, weights] of this.#weights) {
      const totals = this.#totals.get(feature) as Float64Array;
      const stamps = this.#stamps.get(feature) as Float64Array;
      averaged.set(
        feature,
        weights.map(
          (weight, tag) => ((totals[tag] as number) + (this.#step - (stamps[tag] as number)) * weight) / this.#step,
        ),
      );
    }
    return averaged;
  }
}
