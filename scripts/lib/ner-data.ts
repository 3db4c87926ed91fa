/**
 * The person-name corpora in `../shared/ner` (see its README), read as sentences of text with the
 * spans of the person names in them, in JavaScript string offsets: the form the recogniser sees in
 * the extension, so training, the held-out check and the benchmark all go through the same
 * tokenizer as the page does.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Span } from '../../src/analysis/types.ts';
import { sharedDir } from './shared-data.ts';

export interface NamedSentence {
  /** The corpus file's name without extension: "gum", "uner-ewt", "wikigold", "uner-pud". */
  corpus: string;
  doc: string;
  /** The evaluation split's genre: "news" or "wikipedia". */
  domain?: string;
  /** The training text's genre: "gum-interview", "ewt-weblog", "wikigold". */
  genre?: string;
  text: string;
  people: Span[];
}

interface TaggedLine {
  doc: string;
  tokens: string[];
  tags: string[];
  text?: string;
}

interface EvalLine {
  doc: string;
  domain: string;
  text: string;
  people: { start: number; end: number; text: string }[];
}

export function nerDir(): string | null {
  const shared = sharedDir();
  const dir = shared && join(shared, 'ner');
  return dir && existsSync(join(dir, 'train')) && existsSync(join(dir, 'eval')) ? dir : null;
}

function readJsonLines<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

// Tokens that attach to what comes before them when a tokenized sentence is written out again.
const attachesLeft = /^(?:[.,;:!?%)\]}]|'s|'S|n't|'|'re|'ve|'ll|'d|'m)$/;
const attachesRight = /^[([{$#]$/;

/** Where each token sits in the sentence: found in `text` when there is one, else written out with spaces. */
function placeTokens(tokens: string[], text: string | undefined): { text: string; spans: Span[] } {
  if (text !== undefined) {
    const spans: Span[] = [];
    let cursor = 0;
    for (const token of tokens) {
      const start = text.indexOf(token, cursor);
      if (start < 0 || text.slice(cursor, start).trim() !== '') return placeTokens(tokens, undefined);
      spans.push({ start, end: start + token.length });
      cursor = start + token.length;
    }
    return { text, spans };
  }
  let written = '';
  let quoteOpen = false;
  const spans: Span[] = [];
  tokens.forEach((token, index) => {
    const previous = tokens[index - 1];
    const isQuote = token === '"';
    const glued =
      index === 0 ||
      attachesLeft.test(token) ||
      (isQuote && quoteOpen) ||
      (previous !== undefined && attachesRight.test(previous)) ||
      (previous === '"' && quoteOpen && !isQuote);
    if (isQuote) quoteOpen = !quoteOpen;
    if (!glued) written += ' ';
    spans.push({ start: written.length, end: written.length + token.length });
    written += token;
  });
  return { text: written, spans };
}

function genreOf(corpus: string, doc: string): string {
  if (corpus === 'gum') return `gum-${doc.split('_')[1] ?? ''}`;
  if (corpus === 'uner-ewt') return `ewt-${doc.split('-')[0] ?? ''}`;
  return corpus;
}

/** A training file: IOB2 person tags over tokens, turned into text and name spans. */
export function readTaggedCorpus(path: string, corpus: string): NamedSentence[] {
  return readJsonLines<TaggedLine>(path).map((line) => {
    const { text, spans } = placeTokens(line.tokens, line.text);
    const people: Span[] = [];
    line.tags.forEach((tag, index) => {
      const span = spans[index] as Span;
      const open = people.at(-1);
      if (tag === 'I-PER' && open && open.end === spans[index - 1]?.end) open.end = span.end;
      else if (tag === 'B-PER' || tag === 'I-PER') people.push({ ...span });
    });
    return { corpus, doc: line.doc, text, people, genre: genreOf(corpus, line.doc) };
  });
}

/** Code point offsets (as Python counts) to JavaScript string offsets. */
export function codePointOffsets(text: string): number[] {
  const offsets: number[] = [];
  let unit = 0;
  for (const char of text) {
    offsets.push(unit);
    unit += char.length;
  }
  offsets.push(unit);
  return offsets;
}

/** The evaluation file: sentences with person spans in code points. */
export function readEvalCorpus(path: string): NamedSentence[] {
  return readJsonLines<EvalLine>(path).map((line) => {
    const offsets = codePointOffsets(line.text);
    const people = line.people.map((person) => ({
      start: offsets[person.start] as number,
      end: offsets[person.end] as number,
    }));
    for (const [index, person] of people.entries()) {
      const expected = line.people[index]?.text;
      if (line.text.slice(person.start, person.end) !== expected)
        throw new Error(`${path}: ${line.doc}: span ${index} is not "${expected}"`);
    }
    return { corpus: 'uner-pud', doc: line.doc, domain: line.domain, text: line.text, people };
  });
}

/** Every training sentence, corpus by corpus in file-name order; null when the data is absent. */
export function readTrainSplit(): NamedSentence[] | null {
  const dir = nerDir();
  if (!dir) return null;
  const trainDir = join(dir, 'train');
  return readdirSync(trainDir)
    .filter((file) => file.endsWith('.jsonl'))
    .sort()
    .flatMap((file) => readTaggedCorpus(join(trainDir, file), file.replace(/\.jsonl$/, '')));
}

/** The evaluation sentences; null when the data is absent. */
export function readEvalSplit(): NamedSentence[] | null {
  const dir = nerDir();
  return dir ? readEvalCorpus(join(dir, 'eval', 'uner-pud.jsonl')) : null;
}

/** A PUD excerpt: the consecutive sentences of one source document, as one text. */
export function excerpts(sentences: NamedSentence[]): { text: string; people: Span[] }[] {
  const byDocument = new Map<string, { text: string; people: Span[] }>();
  for (const sentence of sentences) {
    const id = sentence.doc.replace(/-\d+$/, '');
    const excerpt = byDocument.get(id) ?? { text: '', people: [] };
    const offset = excerpt.text === '' ? 0 : excerpt.text.length + 1;
    excerpt.text += (excerpt.text === '' ? '' : ' ') + sentence.text;
    excerpt.people.push(
      ...sentence.people.map((person) => ({ start: person.start + offset, end: person.end + offset })),
    );
    byDocument.set(id, excerpt);
  }
  return [...byDocument.values()];
}
