/**
 * Two outlets' wordings of one claim, compared word by word: what each says that the other does
 * not, with each difference told apart as a date, a number, who it is attributed to, or other words.
 */
import { diffArrays } from 'diff';
import { findDates } from '../analysis/facts/date-expressions.ts';
import { findCounts } from '../analysis/facts/number-expressions.ts';

export type DifferenceKind = 'date' | 'number' | 'attribution' | 'words';

export interface WordingPart {
  text: string;
  /** What kind of difference this part is; null where both wordings agree. */
  difference: DifferenceKind | null;
}

export interface Wording {
  text: string;
  /** The outlet's publication date (ISO 8601): completes dates written without a year. */
  published?: string | undefined;
  /** Who the outlet credits the claim to: "Global News". */
  attributedTo: string[];
}

/** `reference` and `other`, each cut into parts that agree and parts the other wording lacks. */
export function compareWordings(
  reference: Wording,
  other: Wording,
): { reference: WordingPart[]; other: WordingPart[] } {
  const tokens = { reference: wordsOf(reference.text), other: wordsOf(other.text) };
  const differing = { reference: new Set<number>(), other: new Set<number>() };
  const folded = (words: Token[]) => words.map((word) => word.text.toLowerCase());
  // jsdiff's Myers diff over the words; offsets come from our own tokens, whatever case folding does to lengths.
  let at = { reference: 0, other: 0 };
  for (const change of diffArrays(folded(tokens.reference), folded(tokens.other))) {
    if (change.removed) for (let i = 0; i < change.count; i++) differing.reference.add(at.reference + i);
    if (change.added) for (let i = 0; i < change.count; i++) differing.other.add(at.other + i);
    at = {
      reference: at.reference + (change.added ? 0 : change.count),
      other: at.other + (change.removed ? 0 : change.count),
    };
  }
  return {
    reference: parts(reference, ranges(reference.text, tokens.reference, differing.reference)),
    other: parts(other, ranges(other.text, tokens.other, differing.other)),
  };
}

interface Token {
  text: string;
  start: number;
  end: number;
}

/** Words (with inner apostrophes and hyphens) and single punctuation marks; white space is not a token. */
function wordsOf(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu)].map((match) => ({
    text: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** The whole text as runs that agree or differ: consecutive differing words make one run, with the spaces between them. */
function ranges(text: string, tokens: Token[], differing: Set<number>): Range[] {
  const result: Range[] = [];
  let offset = 0;
  for (let index = 0; index < tokens.length; index++) {
    if (!differing.has(index)) continue;
    let last = index;
    while (differing.has(last + 1)) last++;
    const start = (tokens[index] as Token).start;
    const end = (tokens[last] as Token).end;
    if (start > offset) result.push({ start: offset, end: start, differs: false });
    result.push({ start, end, differs: true });
    offset = end;
    index = last;
  }
  if (offset < text.length) result.push({ start: offset, end: text.length, differs: false });
  return result;
}

interface Range {
  start: number;
  end: number;
  differs: boolean;
}

/** The wording's text in parts: agreeing runs as they are, differing runs split by what they are. */
function parts(wording: Wording, ranges: Range[]): WordingPart[] {
  const kinds = differenceKinds(wording);
  const result: WordingPart[] = [];
  const push = (text: string, difference: DifferenceKind | null) => {
    const last = result.at(-1);
    if (last && last.difference === difference) last.text += text;
    else if (text !== '') result.push({ text, difference });
  };
  for (const range of ranges) {
    if (!range.differs) {
      push(wording.text.slice(range.start, range.end), null);
      continue;
    }
    for (let index = range.start; index < range.end;) {
      const kind = kinds[index] ?? 'words';
      let next = index + 1;
      while (next < range.end && (kinds[next] ?? 'words') === kind) next++;
      // White space around a difference is not part of it.
      const text = wording.text.slice(index, next);
      const core = text.trim();
      const before = text.length - text.trimStart().length;
      push(text.slice(0, before), null);
      push(core, core === '' ? null : kind);
      push(text.slice(before + core.length), null);
      index = next;
    }
  }
  return result;
}

// Days named without a date: news dates events by them ("on Wednesday") as often as by the calendar.
const relativeDays =
  /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|tomorrow)\b/giu;

/** For each character of the text, what a difference there would be: dates first, then numbers, then attribution. */
function differenceKinds(wording: Wording): (DifferenceKind | undefined)[] {
  const kinds: (DifferenceKind | undefined)[] = new Array<DifferenceKind | undefined>(wording.text.length);
  const mark = (start: number, end: number, kind: DifferenceKind) => {
    for (let index = start; index < end; index++) kinds[index] ??= kind;
  };
  for (const date of findDates(wording.text, wording.published)) mark(date.start, date.end, 'date');
  for (const match of wording.text.matchAll(relativeDays)) mark(match.index, match.index + match[0].length, 'date');
  // Attribution before numbers: "two national security sources" is who says it.
  for (const [start, end] of occurrences(wording.text, wording.attributedTo)) mark(start, end, 'attribution');
  // A count's numeral, not what it counts: in "two Canadians imprisoned", "two".
  const numerals = findCounts(wording.text).map((count) => count.text.split(/\s/, 1)[0] ?? '');
  for (const [start, end] of occurrences(wording.text, numerals)) mark(start, end, 'number');
  for (const match of wording.text.matchAll(/\d[\d,.]*/g)) mark(match.index, match.index + match[0].length, 'number');
  return kinds;
}

/** Where each phrase occurs in the text, ignoring case. */
function occurrences(text: string, phrases: string[]): [number, number][] {
  const folded = text.toLowerCase();
  const found: [number, number][] = [];
  for (const phrase of phrases) {
    const needle = phrase.toLowerCase().trim();
    if (needle === '') continue;
    for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + needle.length)) {
      found.push([at, at + needle.length]);
    }
  }
  return found;
}
