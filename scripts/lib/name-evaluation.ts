/**
 * How well a name model trained on some training documents finds the names in others: the held-out
 * check that `npm run train` prints, and the k-fold cross-validation (`npm run train -- --cv`) by which
 * training choices are made. Documents, never sentences, are split, so that a name met in one
 * sentence of a document cannot be learnt from its neighbours.
 */
import { createPersonNameFinder } from '../../src/analysis/names/find-person-names.ts';
import type { Lexicons } from './name-gazetteer.ts';
import { defaultTrainingOptions, trainNameModel, type TrainingOptions } from './name-training.ts';
import type { NamedSentence } from './ner-data.ts';
import { countSpans, noCounts, type SpanCounts } from './span-scores.ts';

/** FNV-1a: a stable hash, so the same documents fall in the same part on every run and every machine. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Which of `parts` parts a sentence's document falls in. */
export function documentPart(sentence: NamedSentence, parts: number): number {
  return stableHash(`${sentence.corpus}/${sentence.doc}`) % parts;
}

/** Exact-span counts by groupings of the sentences (corpus, genre), and over all of them under "all". */
export type GroupedCounts = Map<string, SpanCounts>;

/** The groups a sentence's counts go to besides "all": its genre, and its corpus too when that differs. */
export type GroupsOf = (sentence: NamedSentence) => readonly string[];

function addCounts(total: SpanCounts, counts: SpanCounts): void {
  total.found += counts.found;
  total.expected += counts.expected;
  total.correct += counts.correct;
}

/** Trains on `training`, tags `testing` sentence by sentence, and adds the counts to `into`. */
export function trainAndTest(
  training: readonly NamedSentence[],
  testing: readonly NamedSentence[],
  lexicons: Lexicons,
  groupsOf: GroupsOf,
  options: TrainingOptions = defaultTrainingOptions,
  into: GroupedCounts = new Map(),
): GroupedCounts {
  const find = createPersonNameFinder(trainNameModel(training, lexicons, options).model);
  for (const sentence of testing) {
    const counts = countSpans(noCounts(), find(sentence.text), sentence.people);
    for (const group of new Set([...groupsOf(sentence), 'all'])) {
      const total = into.get(group) ?? noCounts();
      addCounts(total, counts);
      into.set(group, total);
    }
  }
  return into;
}

/**
 * k-fold cross-validation over documents: each part is tagged by a model trained on the others, and
 * the counts are summed over the parts before any score is taken.
 */
export function crossValidate(
  sentences: readonly NamedSentence[],
  lexicons: Lexicons,
  groupsOf: GroupsOf,
  { folds = 5, options = defaultTrainingOptions, onFold = (_fold: number) => {} } = {},
): GroupedCounts {
  const counts: GroupedCounts = new Map();
  for (let fold = 0; fold < folds; fold++) {
    const inFold = (sentence: NamedSentence) => documentPart(sentence, folds) === fold;
    trainAndTest(
      sentences.filter((sentence) => !inFold(sentence)),
      sentences.filter(inFold),
      lexicons,
      groupsOf,
      options,
      counts,
    );
    onFold(fold);
  }
  return counts;
}
