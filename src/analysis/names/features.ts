/**
 * The features the name tagger sees for each token of a sentence. Training (scripts/train-names.ts)
 * and tagging call the same functions, so what the weights were learnt on is what they are used on.
 *
 * Names are told apart by their shape (capitalised, initials, hyphens), by the words around them
 * ("said", "Mr", "Minister"), by the capitalised run they sit in and the word that ends it ("Don
 * Valley North", "Liberal Party" end in a place or organisation word) and by the gazetteer.
 */
import type { Token } from '../text/tokenize.ts';
import { type Gazetteer, gazetteerKey } from './gazetteer.ts';

/** Outside a name, the first word of a name, a later word of the same name. */
export const tags = ['O', 'B', 'I'] as const;
export type Tag = 0 | 1 | 2;
export const outside: Tag = 0;
export const begin: Tag = 1;
export const inside: Tag = 2;

export interface SentenceFeatures {
  /** Per token: the features that do not depend on the tags around it. */
  fixed: string[][];
  /** Per token: the part of the features that are paired with the previous token's tag. */
  shapes: string[];
}

const upper = /^\p{Lu}/u;
const letter = /\p{L}/u;
const digits = /\p{N}/gu;
const curlySingle = /[‘’ʼ‚]/g;
const curlyDouble = /[“”„«»]/g;
const dashes = /[‐‑‒–—―]/g;
const typographic = /[‘’ʼ‚“”„«»‐‑‒–—―]/;

// Lower-case words that join the parts of a capitalised name: "Ludwig van Beethoven", "House of Commons".
const particles = new Set([
  'of',
  'de',
  'da',
  'das',
  'do',
  'dos',
  'del',
  'della',
  'der',
  'den',
  'di',
  'du',
  'van',
  'von',
  'ter',
  'bin',
  'ibn',
  'al',
  'el',
  'la',
  'le',
  'y',
]);

/** The word's form with its letters reduced to their case: "Dong" → "Xx", "J." → "X.", "McDonald" → "XxXx". */
export function wordShape(text: string): string {
  let shape = '';
  let last = '';
  for (const char of text) {
    let kind: string;
    if (char >= 'a' && char <= 'z') kind = 'x';
    else if (char >= 'A' && char <= 'Z') kind = 'X';
    else if (char >= '0' && char <= '9') kind = 'd';
    else if (char.toLowerCase() !== char) kind = 'X';
    else if (char.toUpperCase() !== char) kind = 'x';
    else if (letter.test(char)) kind = 'o';
    else kind = char;
    if (kind !== last) shape += kind;
    last = kind;
    if (shape.length > 8) break;
  }
  return shape;
}

/** Typographic quotes and dashes as their plain forms: sources differ in which they print. */
function plainPunctuation(text: string): string {
  if (!typographic.test(text)) return text;
  return text.replace(curlySingle, "'").replace(curlyDouble, '"').replace(dashes, '-');
}

/** The word as a feature: lower case; numbers, links and symbols by their kind alone. */
function featureWord(token: Token): string {
  switch (token.kind) {
    case 'number':
      return `<num:${token.text.replace(digits, '0').slice(0, 6)}>`;
    case 'url':
    case 'email':
    case 'handle':
    case 'hashtag':
    case 'emoji':
      return `<${token.kind}>`;
    default:
      return plainPunctuation(token.text.toLowerCase());
  }
}

function isCapitalised(token: Token): boolean {
  return (token.kind === 'word' || token.kind === 'abbreviation') && upper.test(token.text);
}

/** For each token, the capitalised run it belongs to, as [first, last] token indexes, or null. */
function capitalisedRuns(tokens: readonly Token[]): ([number, number] | null)[] {
  const inRun = (index: number) => {
    const token = tokens[index];
    return token !== undefined && isCapitalised(token);
  };
  const runs: ([number, number] | null)[] = tokens.map(() => null);
  let index = 0;
  while (index < tokens.length) {
    if (!inRun(index)) {
      index++;
      continue;
    }
    const first = index;
    let last = index;
    let next = index + 1;
    for (;;) {
      if (inRun(next)) last = next++;
      else if (particles.has(tokens[next]?.text ?? '') && inRun(next + 1)) next++;
      else break;
    }
    const run: [number, number] = [first, last];
    for (let member = first; member <= last; member++) runs[member] = run;
    index = last + 1;
  }
  return runs;
}

/** The last three and two letters of a longer word: "-ov", "-son", "-ed". */
function emitSuffixes(
  templates: readonly [string, string],
  index: number,
  token: Token | undefined,
  sink: FeatureSink,
): void {
  if (token?.kind !== 'word' || token.text.length <= 3) return;
  const lower = token.text.toLowerCase();
  sink(index, templates[0], lower.slice(-3));
  sink(index, templates[1], lower.slice(-2));
}

const ownSuffixes = ['s3', 's2'] as const;
const nextSuffixes = ['ns3', 'ns2'] as const;
// Unknown or known (common or English) word, in the middle or at the start of the sentence.
const lexClasses = ['um', 'uf', 'cm', 'cf'];

function runPosition(index: number, run: [number, number]): string {
  if (run[0] === run[1]) return 'S';
  if (index === run[0]) return 'B';
  return index === run[1] ? 'E' : 'M';
}

export interface FeatureOptions {
  /** Training leaves out the word features of rare words (see TrainingOptions.minWordCount). */
  keepWord?: (word: string) => boolean;
}

/**
 * Receives each feature of a token as a template, a value and, for features that pair two things,
 * a detail: ("w", "dong"), ("pw|sh", "mr", "Xx"). Values never contain a space (tokens hold none).
 */
export type FeatureSink = (index: number, template: string, value: string, detail?: string) => void;

/** A feature's name as the model file stores it: "b", "w=dong", "pw|sh=mr Xx". */
export function featureName(template: string, value: string, detail?: string): string {
  if (detail !== undefined) return `${template}=${value} ${detail}`;
  return value === '' ? template : `${template}=${value}`;
}

/** Hands every fixed feature of every token to `sink`; returns the tokens' shapes (for the transitions). */
export function visitFeatures(
  tokens: readonly Token[],
  gazetteer: Gazetteer,
  sink: FeatureSink,
  { keepWord }: FeatureOptions = {},
): string[] {
  const words = tokens.map((token) => {
    const word = featureWord(token);
    return !keepWord || keepWord(word) ? word : null;
  });
  const shapes = tokens.map((token) => wordShape(plainPunctuation(token.text)));
  const lists = tokens.map((token) =>
    token.kind === 'word' || token.kind === 'abbreviation' ? gazetteer.lookup(gazetteerKey(token.text)) : [],
  );
  const runs = capitalisedRuns(tokens);
  const wordAt = (index: number) => (index < 0 ? '<s>' : index >= tokens.length ? '</s>' : words[index]);
  const shapeAt = (index: number) => (index < 0 ? '<s>' : (shapes[index] ?? '</s>'));
  // The sentence's first word is capitalised whatever it is; quotes and brackets before it do not count.
  const firstWord = tokens.findIndex((token) => token.kind !== 'punct');

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    const shape = shapes[index] as string;
    const first = index === firstWord;
    const ownLists = lists[index] ?? [];
    sink(index, 'b', '');
    sink(index, 'sh', shape);
    sink(index, 'psh', shapeAt(index - 1));
    sink(index, 'nsh', shapeAt(index + 1));
    const word = words[index];
    if (word) sink(index, 'w', word);
    emitSuffixes(ownSuffixes, index, token, sink);
    const previous = wordAt(index - 1);
    const next = wordAt(index + 1);
    if (previous) {
      sink(index, 'pw', previous);
      sink(index, 'pw|sh', previous, shape);
    }
    if (next) {
      sink(index, 'nw', next);
      sink(index, 'nw|sh', next, shape);
    }
    // Two words away: "according to Haddad", "Haddad told reporters", "Okafor, 45, was".
    const beforePrevious = wordAt(index - 2);
    const afterNext = wordAt(index + 2);
    if (beforePrevious) sink(index, 'ppw', beforePrevious);
    if (afterNext) sink(index, 'nnw', afterNext);
    // The next word's ending tells a verb ("retired", "says") from a noun that continues a name.
    emitSuffixes(nextSuffixes, index, tokens[index + 1], sink);
    if (first) sink(index, 'first|sh', shape);
    // A capital on a common word says little; on an unknown word at the sentence's start, a lot.
    const known = ownLists.includes('common') || ownLists.includes('english');
    sink(index, 'lex', lexClasses[(known ? 2 : 0) + (first ? 1 : 0)] as string, shape);
    for (const list of ownLists) {
      sink(index, 'g', list);
      sink(index, 'g|sh', list, shape);
    }
    for (const list of lists[index - 1] ?? []) sink(index, 'pg', list);
    for (const list of lists[index + 1] ?? []) sink(index, 'ng', list);
    const run = runs[index];
    if (run) {
      const position = runPosition(index, run);
      const head = words[run[1]];
      sink(index, 'rl', `${Math.min(run[1] - run[0] + 1, 4)}${position}`);
      if (head) sink(index, 'rh|rp', head, position);
      for (const list of lists[run[1]] ?? []) sink(index, 'rhg', list, position);
      if (run[0] === firstWord) sink(index, 'rfirst', position);
    }
  }
  return shapes;
}

/** Every token's fixed features by name: what training updates. */
export function sentenceFeatures(
  tokens: readonly Token[],
  gazetteer: Gazetteer,
  options: FeatureOptions = {},
): SentenceFeatures {
  const fixed = tokens.map((): string[] => []);
  const shapes = visitFeatures(
    tokens,
    gazetteer,
    (index, template, value, detail) => fixed[index]?.push(featureName(template, value, detail)),
    options,
  );
  return { fixed, shapes };
}

/** The features that pair the previous token's tag (-1 at the sentence's start) with this token's shape. */
export function visitTransitionFeatures(
  previous: Tag | -1,
  shape: string,
  sink: (template: string, value: string, detail?: string) => void,
): void {
  sink('pt', String(previous));
  sink('pt|sh', String(previous), shape);
}

export function transitionFeatures(previous: Tag | -1, shape: string): string[] {
  const names: string[] = [];
  visitTransitionFeatures(previous, shape, (template, value, detail) =>
    names.push(featureName(template, value, detail)),
  );
  return names;
}

/** Whether `tag` may follow `previous` (-1: the sentence's start): a name's later word follows its first. */
export function allowed(previous: Tag | -1, tag: Tag): boolean {
  return tag !== inside || previous === begin || previous === inside;
}
