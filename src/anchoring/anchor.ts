/**
 * Finds remembered selectors in a text that may have changed since: the exact quote where it still
 * is, or the closest fuzzy match that its surrounding text agrees with. When the evidence is weak or
 * points to two places equally, the answer is "orphaned": a note shown apart is better than a note
 * attached to the wrong words.
 */
import search from 'approx-string-match';
import type { Span } from '../analysis/types.ts';
import type { TextSelectors } from './selectors.ts';

export type OrphanReason = 'empty-quote' | 'not-found' | 'ambiguous';

export type Anchoring =
  | {
      status: 'anchored';
      span: Span;
      /** The quote is in the text unchanged. */
      exact: boolean;
      /** 0 to 1: how well the quote, its context and its position agree with the place found. */
      confidence: number;
    }
  | { status: 'orphaned'; reason: OrphanReason };

/** At most a quarter of the quote may have changed... */
const minQuoteSimilarity = 0.75;
/** ...and the text around it must still mostly be what it was... */
const minContextSimilarity = 0.5;
/**
 * ...pinned on one side, or agreeing on both. A short or repeated quote is found in many places,
 * and where the reader's sentence was rewritten, another sentence's "said that the" or ". The"
 * often half-matches on each side: that is a different place, not the same one edited.
 */
const pinnedSideSimilarity = 0.9;
const minBothSidesSimilarity = 0.7;
/** Up to half of it may have changed where the text either side is as it was: that pins the place. */
const minPinnedQuoteSimilarity = 0.5;
const pinningContextSimilarity = 0.9;
/** A verbatim quote this long, found once, places itself even when its surroundings were rewritten. */
const selfEvidentQuoteLength = 32;
/** When searching for quote and context together, how much of the whole may differ. */
const maxWindowErrorRate = 0.35;
/** A quote that occurs more often than this (a common word) is placed by its context only. */
const maxExactCandidates = 200;

// How much each piece of evidence weighs (the proportions Hypothesis uses).
const weights = { quote: 50, prefix: 20, suffix: 20, position: 2 };

interface Candidate extends Span {
  quoteSimilarity: number;
}

interface Scored extends Candidate {
  context: number;
  /** The prefix's and the suffix's similarity, each that is remembered. */
  sides: number[];
  score: number;
}

export function anchorSelectors(text: string, selectors: TextSelectors): Anchoring {
  const { exact } = selectors.quote;
  if (exact.trim() === '') return { status: 'orphaned', reason: 'empty-quote' };

  const exactStarts = exactOccurrences(text, exact);
  const candidates: Candidate[] = exactStarts.map((start) => ({
    start,
    end: start + exact.length,
    quoteSimilarity: 1,
  }));
  if (exactStarts.length === 0) candidates.push(...fuzzyQuoteMatches(text, exact));
  candidates.push(...contextWindowMatches(text, selectors));
  if (candidates.length === 0) return { status: 'orphaned', reason: 'not-found' };

  const scored = dedupe(candidates)
    .map((candidate) => score(text, selectors, candidate))
    .sort((a, b) => b.score - a.score);
  const best = scored[0] as Scored;
  const uniqueVerbatim = exactStarts.length === 1 && exact.length >= selfEvidentQuoteLength;
  const selfEvident = best.quoteSimilarity === 1 && uniqueVerbatim;
  const confident =
    selfEvident ||
    (((best.quoteSimilarity >= minQuoteSimilarity && best.context >= minContextSimilarity) ||
      (best.quoteSimilarity >= minPinnedQuoteSimilarity && best.context >= pinningContextSimilarity)) &&
      contextHolds(best.sides));
  if (!confident) return { status: 'orphaned', reason: 'not-found' };

  const runnerUp = scored.find((other) => other.end <= best.start || other.start >= best.end);
  if (runnerUp && best.score - runnerUp.score < 1e-9) return { status: 'orphaned', reason: 'ambiguous' };

  return {
    status: 'anchored',
    span: { start: best.start, end: best.end },
    exact: best.quoteSimilarity === 1,
    confidence: best.score,
  };
}

function exactOccurrences(text: string, exact: string): number[] {
  const starts: number[] = [];
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    if (starts.length === maxExactCandidates) return [];
    starts.push(at);
  }
  return starts;
}

function fuzzyQuoteMatches(text: string, exact: string): Candidate[] {
  const maxErrors = Math.floor(exact.length * (1 - minQuoteSimilarity));
  if (maxErrors === 0) return [];
  return search(text, exact, maxErrors).map((match) => ({
    start: match.start,
    end: match.end,
    quoteSimilarity: 1 - match.errors / exact.length,
  }));
}

/**
 * The quote found through its context: prefix, quote and suffix searched as one pattern, then the
 * quote located inside the stretch that matched. This finds a quote that changed a little even when
 * the unchanged words occur verbatim elsewhere.
 */
function contextWindowMatches(text: string, selectors: TextSelectors): Candidate[] {
  const { exact, prefix, suffix } = selectors.quote;
  if (prefix === '' && suffix === '') return [];
  const pattern = prefix + exact + suffix;
  const windows = search(text, pattern, Math.floor(pattern.length * maxWindowErrorRate));
  const quoteErrors = Math.floor(exact.length * (1 - minPinnedQuoteSimilarity));
  const found: Candidate[] = [];
  for (const window of windows) {
    const inside = text.slice(window.start, window.end);
    const matches = search(inside, exact, quoteErrors);
    const nearest = matches.sort((a, b) => Math.abs(a.start - prefix.length) - Math.abs(b.start - prefix.length))[0];
    if (nearest) {
      found.push({
        start: window.start + nearest.start,
        end: window.start + nearest.end,
        quoteSimilarity: 1 - nearest.errors / exact.length,
      });
    }
  }
  return found;
}

function dedupe(candidates: Candidate[]): Candidate[] {
  const byPlace = new Map<string, Candidate>();
  for (const candidate of candidates) {
    const key = `${candidate.start}:${candidate.end}`;
    const known = byPlace.get(key);
    if (!known || known.quoteSimilarity < candidate.quoteSimilarity) byPlace.set(key, candidate);
  }
  return [...byPlace.values()];
}

function score(text: string, selectors: TextSelectors, candidate: Candidate): Scored {
  const { prefix, suffix } = selectors.quote;
  let total = weights.quote * candidate.quoteSimilarity;
  let available = weights.quote;
  let context = 0;
  let contextWeight = 0;
  const sides: number[] = [];
  if (prefix !== '') {
    const before = text.slice(Math.max(0, candidate.start - prefix.length), candidate.start);
    const similarity = contextSimilarity(prefix, before, 'end');
    context += weights.prefix * similarity;
    contextWeight += weights.prefix;
    sides.push(similarity);
  }
  if (suffix !== '') {
    const after = text.slice(candidate.end, candidate.end + suffix.length);
    const similarity = contextSimilarity(suffix, after, 'start');
    context += weights.suffix * similarity;
    contextWeight += weights.suffix;
    sides.push(similarity);
  }
  total += context;
  available += contextWeight;
  const position = selectors.position;
  if (position && text.length > 0) {
    const distance = Math.abs(candidate.start - position.start) / text.length;
    total += weights.position * Math.max(0, 1 - distance);
    available += weights.position;
  }
  return {
    ...candidate,
    sides,
    // No context to compare (the quote was the whole text) is full agreement, not a disagreement.
    context: contextWeight === 0 ? 1 : context / contextWeight,
    score: total / available,
  };
}

/** The context beside a place is the quote's own: unchanged on one side, or much the same on both. */
function contextHolds(sides: number[]): boolean {
  // No context to compare (the quote was the whole text) is full agreement.
  if (sides.length === 0) return true;
  return Math.max(...sides) >= pinnedSideSimilarity || Math.min(...sides) >= minBothSidesSimilarity;
}

/**
 * How much of the remembered context is still beside the candidate: 1 when unchanged, 0 when none
 * of it is. The context must touch the quote, so only the characters adjacent to it count fully.
 */
function contextSimilarity(remembered: string, actual: string, adjacentAt: 'start' | 'end'): number {
  if (remembered.length === 0) return 1;
  if (actual.length === 0) return 0;
  const matches = search(actual, remembered, remembered.length);
  const best = matches.reduce<(typeof matches)[number] | undefined>((chosen, match) => {
    if (!chosen) return match;
    const gap = (m: typeof match) => (adjacentAt === 'end' ? actual.length - m.end : m.start);
    return gap(match) < gap(chosen) ? match : chosen;
  }, undefined);
  if (!best) return 0;
  const gap = adjacentAt === 'end' ? actual.length - best.end : best.start;
  const errors = best.errors + gap;
  return Math.max(0, 1 - errors / remembered.length);
}
