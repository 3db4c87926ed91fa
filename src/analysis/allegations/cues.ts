/**
 * The words that make a sentence an allegation or a response to one, and how each kind of cue points
 * at the person it is about:
 * - a verb with its object ("Dubey accused Moitra of…", "police charged Smith with…"): the object;
 * - a passive verb or an adverb ("was accused of", "allegedly suggested", "has denied"): the subject;
 * - a noun ("allegations against him", "allegations that he…", "resigned over allegations"): what it names;
 * - "according to …" and "… said that": the subject of the clause it reports.
 */
import type { Stance } from '../types.ts';

export type CueShape =
  /** Points at the subject before it. */
  | 'subject'
  /** Points at the person right after it ("accused Moitra of"), else behaves as 'subject'. */
  | 'object'
  /** A noun: "allegations", "accusations", "charges". */
  | 'noun'
  /** Reports what follows: "according to …,", "claims that". */
  | 'report'
  /** "the allegations … were false", "untrue claims": a denial by whoever says it. */
  | 'falsity';

export interface Cue {
  start: number;
  end: number;
  stance: Stance;
  shape: CueShape;
  /** A response ("denied") needs an object that is an allegation, or it answers something else. */
  needsAllegationObject?: boolean;
}

interface CuePattern {
  pattern: RegExp;
  stance: Stance;
  shape: CueShape;
  needsAllegationObject?: boolean;
}

// Every pattern is a few fixed words or bounded gaps, so no input makes one backtrack far.
const cuePatterns: CuePattern[] = [
  // Longer patterns first: a cue overlapping one already found is not taken.
  {
    pattern:
      /\b(?:allegations?|accusations?|claims?|reports?|charges?)\b(?:\s+[\p{L}'’]+){0,4}?\s+(?:are|were|is|was)\s+(?:[\p{L}]+\s+)?(?:false|untrue|baseless|unfounded|groundless|fabricated)\b/giu,
    stance: 'denied',
    shape: 'falsity',
  },
  {
    pattern:
      /\b(?:false|untrue|baseless|unfounded|groundless|fabricated)\s+(?:allegations?|accusations?|claims?|reports?|charges?)\b/giu,
    stance: 'denied',
    shape: 'falsity',
  },
  { pattern: /\b(?:was|were|is|are|been|being|be|stands?|stood)\s+accused\b/giu, stance: 'accused', shape: 'subject' },
  { pattern: /\baccused\s+of\b/giu, stance: 'accused', shape: 'subject' },
  { pattern: /\baccus(?:es|e|ed|ing)\b/giu, stance: 'accused', shape: 'object' },
  { pattern: /\baccusations?\b/giu, stance: 'accused', shape: 'noun' },
  { pattern: /\ballegedly\b/giu, stance: 'alleged', shape: 'subject' },
  { pattern: /\b(?:is|was|are|were)\s+alleged\s+to\b/giu, stance: 'alleged', shape: 'subject' },
  { pattern: /\balleg(?:es|e|ed|ing)\s+that\b/giu, stance: 'alleged', shape: 'report' },
  { pattern: /\balleged\b/giu, stance: 'alleged', shape: 'subject' },
  { pattern: /\ballegations?\b/giu, stance: 'alleged', shape: 'noun' },
  { pattern: /\b(?:was|were|is|are|been|being|be)\s+(?:charged|indicted)\b/giu, stance: 'charged', shape: 'subject' },
  { pattern: /\b(?:charged|indicted)\s+with\b/giu, stance: 'charged', shape: 'subject' },
  // "police charged Smith with fraud": the verb needs its "with" close by, or "in charge of" would accuse.
  {
    pattern: /\b(?:charge[sd]?|indicts?|indicted)\b(?=(?:\s+[\p{L}'’.-]+){1,5}\s+(?:with|over|for|in)\b)/giu,
    stance: 'charged',
    shape: 'object',
  },
  {
    pattern: /\bcharges\b|\bindictments?\b|(?<!\bin\s)\bcharge\s+(?:of|against)\b/giu,
    stance: 'charged',
    shape: 'noun',
  },
  { pattern: /\bsuspected\s+of\b|\bsuspects?\s+in\b/giu, stance: 'suspected', shape: 'subject' },
  { pattern: /\bunder\s+investigation\b|\binvestigated\s+(?:for|over)\b/giu, stance: 'suspected', shape: 'subject' },
  { pattern: /\breportedly\b/giu, stance: 'reported', shape: 'subject' },
  { pattern: /\b(?:is|was|are|were)\s+said\s+to\b/giu, stance: 'reported', shape: 'subject' },
  { pattern: /\baccording\s+to\b/giu, stance: 'reported', shape: 'report' },
  { pattern: /\bclaim(?:s|ed)?\s+that\b/giu, stance: 'reported', shape: 'report' },
  { pattern: /\bpleaded\s+not\s+guilty\b|\bpleads\s+not\s+guilty\b/giu, stance: 'denied', shape: 'subject' },
  { pattern: /\bden(?:y|ies|ied|ying)\b/giu, stance: 'denied', shape: 'subject', needsAllegationObject: true },
  { pattern: /\bdenials?\b/giu, stance: 'denied', shape: 'subject' },
  {
    pattern: /\b(?:reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:es|ed|ing)?)\b/giu,
    stance: 'rejected',
    shape: 'subject',
    needsAllegationObject: true,
  },
  { pattern: /\bpleaded\s+guilty\b|\bpleads\s+guilty\b/giu, stance: 'admitted', shape: 'subject' },
  {
    pattern: /\b(?:admit(?:s|ted|ting)?|confess(?:es|ed|ing)?)\b/giu,
    stance: 'admitted',
    shape: 'subject',
    needsAllegationObject: true,
  },
  { pattern: /\bconfirm(?:s|ed|ing)?\b/giu, stance: 'confirmed', shape: 'subject', needsAllegationObject: true },
  { pattern: /\bcleared\s+of\b|\bacquitted\b|\bexonerated\b/giu, stance: 'cleared', shape: 'subject' },
];

/** A quick test that a sentence may hold a cue at all; most sentences do not. */
export const mayHoldCue =
  /accus|alleg|charge|indict|suspect|investigat|reported|said to|according|claim|den[iy]|reject|dismiss|refut|admit|confess|confirm|clear|acquit|exonerat|false|untrue|baseless|unfounded|groundless|fabricated|guilty/i;

// All the patterns as one, each alternative in a group of its own: at each place in the text the
// first alternative that matches wins, and the search goes on after it, so the cue that starts first
// wins, then the one listed first; overlapping cues are never both taken.
const anyCue = new RegExp(cuePatterns.map(({ pattern }) => `(${pattern.source})`).join('|'), 'giu');
const kinds = cuePatterns.map(({ stance, shape, needsAllegationObject }) => ({
  stance,
  shape,
  ...(needsAllegationObject ? { needsAllegationObject } : {}),
}));

/** Every cue in `text` (a sentence), with offsets from `offset`. */
export function findCues(text: string, offset: number): Cue[] {
  const found: Cue[] = [];
  for (const match of text.matchAll(anyCue)) {
    const index = match.findIndex((group, at) => at > 0 && group !== undefined) - 1;
    const start = offset + match.index;
    found.push({ start, end: start + match[0].length, ...(kinds[index] as (typeof kinds)[number]) });
  }
  return found;
}
