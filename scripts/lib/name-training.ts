/**
 * Trains the person-name model from sentences with their name spans: tokenizes and splits them as
 * the extension will, tags each token B/I/O from the spans, runs the averaged perceptron for a few
 * seeded epochs, then prunes the near-zero weights and quantises the rest to one signed byte each.
 * Deterministic: the same sentences and options give the same model, byte for byte.
 */
import { sentenceFeatures, type Tag, tags } from '../../src/analysis/names/features.ts';
import { frontCode, frontDecode } from '../../src/analysis/names/front-coding.ts';
import { Gazetteer, type GazetteerData, gazetteerKey } from '../../src/analysis/names/gazetteer.ts';
import { type NameModelData, nameModelVersion, splitFeature } from '../../src/analysis/names/name-model.ts';
import { splitSentences } from '../../src/analysis/text/sentences.ts';
import { type Token, tokenize } from '../../src/analysis/text/tokenize.ts';
import type { Span } from '../../src/analysis/types.ts';
import { AveragedPerceptron, type TrainingSentence } from './averaged-perceptron.ts';
import { type Lexicons, placeAndOrganisationNames } from './name-gazetteer.ts';
import { newsSentences } from './news-sentences.ts';
import { seededRandom } from './seeded-random.ts';

export interface TrainingOptions {
  epochs: number;
  /** Features whose averaged weights all stay below this (in absolute value) are dropped. */
  minWeight: number;
  seed: number;
  /**
   * Word features of words seen fewer times than this are left out of training: most names are rare
   * words, and a tagger that learnt them by heart would not learn what gives the next one away.
   */
  minWordCount: number;
  /** How often a word must be written in lower case in the training text to count as a common word. */
  minCommonCount: number;
  /** Cost-augmented decoding while training (see averaged-perceptron.ts). */
  margin: number;
  missCost: number;
  /**
   * How many sentences in news syntax (news-sentences.ts) to add to the training text: the corpora
   * have no news. 1,000 to 4,000 score the same by cross-validation; more only slow training.
   */
  newsSentences: number;
  /**
   * How many copies of the texts with people's names swapped (withNamesSwapped) to train on too. One
   * copy lifts cross-validated F1 by about a point and recall by three; a second adds nothing. With
   * them, a missed name needs no extra cost (missCost 1).
   */
  swappedCopies: number;
}

export const defaultTrainingOptions: TrainingOptions = {
  epochs: 12,
  minWeight: 1,
  seed: 20230323,
  minWordCount: 2,
  minCommonCount: 3,
  margin: 3,
  missCost: 1,
  newsSentences: 2000,
  swappedCopies: 1,
};

export interface LabelledText {
  text: string;
  people: readonly Span[];
  genre?: string;
}

export interface TrainingReport {
  model: NameModelData;
  sentences: number;
  tokens: number;
  /** Name spans whose ends fall inside a token, so the tagger cannot reproduce them exactly. */
  misaligned: number;
  /** Features before and after pruning. */
  features: { learnt: number; kept: number };
}

/** B on a name's first token, I on its others, O elsewhere; a token only partly in a name counts as in it. */
export function goldTags(tokens: readonly Token[], people: readonly Span[]): Tag[] {
  const gold = tokens.map((): Tag => 0);
  for (const person of people) {
    let first = true;
    tokens.forEach((token, index) => {
      if (token.end <= person.start || token.start >= person.end) return;
      gold[index] = first ? 1 : 2;
      first = false;
    });
  }
  return gold;
}

export function trainingSentences(
  texts: readonly LabelledText[],
  gazetteer: Gazetteer,
  minWordCount = 1,
): { sentences: TrainingSentence[]; tokens: number; misaligned: number } {
  const tokenized = texts.map(({ text }) => tokenize(text));
  const counts = new Map<string, number>();
  for (const token of tokenized.flat()) {
    const word = token.text.toLowerCase();
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const keepWord = (word: string) => (counts.get(word) ?? 0) >= minWordCount;
  const sentences: TrainingSentence[] = [];
  let tokenCount = 0;
  let misaligned = 0;
  for (const [index, { text, people }] of texts.entries()) {
    const tokens = tokenized[index] as Token[];
    tokenCount += tokens.length;
    const starts = new Set(tokens.map((token) => token.start));
    const ends = new Set(tokens.map((token) => token.end));
    misaligned += people.filter((person) => !starts.has(person.start) || !ends.has(person.end)).length;
    for (const sentence of splitSentences(text, tokens)) {
      const inSentence = tokens.filter((token) => token.start >= sentence.start && token.end <= sentence.end);
      const names = people.filter((person) => person.start < sentence.end && person.end > sentence.start);
      sentences.push({
        features: sentenceFeatures(inSentence, gazetteer, { keepWord }),
        gold: goldTags(inSentence, names),
      });
    }
  }
  return { sentences, tokens: tokenCount, misaligned };
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let index = items.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [items[index], items[other]] = [items[other] as T, items[index] as T];
  }
}

/** Drops the features that never matter and stores the others as signed bytes with one shared scale. */
export function quantise(
  weights: Map<string, Float64Array>,
  minWeight: number,
): Pick<NameModelData, 'features' | 'weights' | 'scale'> {
  const byTemplate = new Map<string, [string, Float64Array][]>();
  for (const [feature, values] of weights) {
    if (!values.some((value) => Math.abs(value) >= minWeight)) continue;
    const [template, value] = splitFeature(feature);
    const group = byTemplate.get(template) ?? [];
    group.push([value, values]);
    byTemplate.set(template, group);
  }
  const byName = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);
  const templates = [...byTemplate].sort(byName).map(([template, group]) => [template, group.sort(byName)] as const);
  const kept = templates.flatMap(([, group]) => group.map(([, values]) => values));
  const largest = Math.max(minWeight, ...kept.flatMap((values) => [...values].map(Math.abs)));
  const scale = largest / 127;
  const bytes = new Uint8Array(kept.length * tags.length);
  kept.forEach((values, index) =>
    values.forEach((value, tag) => {
      bytes[index * tags.length + tag] = Math.round(value / scale) & 0xff;
    }),
  );
  return {
    features: Object.fromEntries(
      templates.map(([template, group]) => [template, frontCode(group.map(([value]) => value))]),
    ),
    weights: Buffer.from(bytes).toString('base64'),
    scale,
  };
}

const lowerInitial = /^\p{Ll}/u;
const printedName = /^\p{Lu}[\p{L}.'-]*(?: \p{Lu}[\p{L}.'-]*)*$/u;

/** The names of the people in the training text, each once, in a stable order. */
export function personNames(texts: readonly LabelledText[]): string[] {
  const names = new Set<string>();
  for (const { text, people } of texts)
    for (const person of people) {
      const name = text.slice(person.start, person.end);
      if (printedName.test(name)) names.add(name);
    }
  return [...names].sort();
}

/** The words written in lower case at least `minCount` times, by their gazetteer key. */
export function commonWords(texts: readonly LabelledText[], minCount: number): string {
  const counts = new Map<string, number>();
  for (const { text } of texts)
    for (const token of tokenize(text))
      if (token.kind === 'word' && lowerInitial.test(token.text)) {
        const key = gazetteerKey(token.text);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
  return frontCode(
    [...counts]
      .filter(([, count]) => count >= minCount)
      .map(([word]) => word)
      .sort(),
  );
}

export function trainNameModel(
  texts: readonly LabelledText[],
  lexicons: Lexicons,
  options: TrainingOptions = defaultTrainingOptions,
  onEpoch?: (epoch: number, correct: number, total: number) => void,
): TrainingReport {
  const common = commonWords(texts, options.minCommonCount);
  const gazetteerData: GazetteerData = { ...lexicons, common };
  const gazetteer = new Gazetteer(gazetteerData);
  const people = personNames(texts);
  const news = newsSentences(
    options.newsSentences,
    { people, ...placeAndOrganisationNames() },
    seededRandom(options.seed + 1),
  );
  const swapRandom = seededRandom(options.seed + 2);
  const swapped = Array.from({ length: options.swappedCopies }, () =>
    withNamesSwapped(texts, people, swapRandom),
  ).flat();
  const { sentences, tokens, misaligned } = trainingSentences(
    [...texts, ...swapped, ...news],
    gazetteer,
    options.minWordCount,
  );
  const perceptron = new AveragedPerceptron(options);
  const random = seededRandom(options.seed);
  const order = [...sentences];
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffle(order, random);
    let correct = 0;
    for (const sentence of order) if (perceptron.train(sentence)) correct++;
    onEpoch?.(epoch, correct, order.length);
  }
  const averaged = perceptron.averaged();
  const quantised = quantise(averaged, options.minWeight);
  const kept = Object.values(quantised.features).reduce((total, values) => total + frontDecode(values).length, 0);
  return {
    model: { version: nameModelVersion, ...quantised, gazetteer: gazetteerData },
    sentences: sentences.length,
    tokens,
    misaligned,
    features: { learnt: averaged.size, kept },
  };
}

/**
 * Copies of the texts that name people, each name swapped for another person's from the training
 * text (a one-word name for a one-word name, a full name for a full one): the contexts stay, the
 * names change, so the tagger learns what around a word makes it a name more than which words are.
 */
export function withNamesSwapped(
  texts: readonly LabelledText[],
  names: readonly string[],
  random: () => number,
): LabelledText[] {
  const fullNames = names.filter((name) => name.includes(' '));
  const singleWords = [...new Set(names.map((name) => name.split(' ').at(-1) as string))].sort();
  if (fullNames.length === 0 || singleWords.length === 0) return [];
  const pick = (items: readonly string[]) => items[Math.floor(random() * items.length)] as string;
  const swapped: LabelledText[] = [];
  for (const { text, people, genre } of texts) {
    if (people.length === 0) continue;
    let written = '';
    let cursor = 0;
    const spans: Span[] = [];
    for (const person of [...people].sort((a, b) => a.start - b.start)) {
      if (person.start < cursor) continue;
      const original = text.slice(person.start, person.end);
      const name = pick(original.includes(' ') ? fullNames : singleWords);
      written += text.slice(cursor, person.start);
      spans.push({ start: written.length, end: written.length + name.length });
      written += name;
      cursor = person.end;
    }
    swapped.push({ text: written + text.slice(cursor), people: spans, ...(genre === undefined ? {} : { genre }) });
  }
  return swapped;
}
