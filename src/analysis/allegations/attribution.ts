/**
 * Who makes or reports an allegation, as the sentence says: "according to a report by Global News",
 * "Global News citing anonymous national security sources", "two national security sources said
 * that…", "Reuters reported…". A source and the sources it cites become one attribution: "Global
 * News, citing anonymous national security sources".
 */
import type { Span } from '../types.ts';

interface Found {
  at: number;
  text: string;
  /** Cites or speaks to: belongs with the main source before or after it. */
  secondary: boolean;
}

// A phrase runs to the next comma, stop or clause word; bounded, so no input backtracks far.
const phrase =
  '([^,.;:!?"“”()—–]{1,100}?)(?=\\s+(?:citing|quoting|speaking|on|in|that|said|says|who|which|and|reported)\\b|[,.;:!?"“”()—–]|$)';
const sourcePatterns: { pattern: RegExp; secondary: boolean }[] = [
  { pattern: new RegExp(`\\baccording to ${phrase}`, 'giu'), secondary: false },
  {
    pattern: new RegExp(
      `\\b(?:report|reports|story|article|investigation|documents?)(?: published| released)? by ${phrase}`,
      'giu',
    ),
    secondary: false,
  },
  { pattern: new RegExp(`\\b(?:citing|quoting) ${phrase}`, 'giu'), secondary: true },
  { pattern: new RegExp(`\\bspeaking to ${phrase}`, 'giu'), secondary: true },
];
// "two national security sources said that", "the news agency Reuters reported on Thursday that". Only verbs
// that are unmistakably verbs: "reports" and "claims" are nouns as often.
const speaker =
  /(?:^|[,;:]\s*|\bthat\s+)((?:[\p{L}\p{N}'’-]+\s+){0,5}?[\p{L}\p{N}'’-]+)\s+(?:said|says|reported|added|told|wrote|claimed|alleged)\b(?:\s+(?:on|in|late|early)\s+[\p{L}\p{N}]+)?(?:\s+that)?/giu;
const capitalisedRun = /(?:\p{Lu}[\p{L}'’-]*\s+)*\p{Lu}[\p{L}'’-]*\s*$/u;
const leadingArticle = /^(?:a|an)\s+/iu;
const pronoun = /^(?:he|she|they|it|i|we|you)$/iu;

/**
 * The attributions in a sentence (or the part of it around the cue), for an allegation whose cue is
 * at `cue` (a span of the document, as `sentence.start` is). Speakers count only when what they say
 * holds the cue.
 */
export function findAttributions(
  { text: sentence, start: offset }: { text: string; start: number },
  cue: Span,
  speakerCounts: boolean,
): string[] {
  const found: Found[] = [];
  for (const { pattern, secondary } of sourcePatterns) {
    for (const match of sentence.matchAll(pattern)) {
      const text = tidy(match[1] as string);
      if (text) found.push({ at: match.index, text, secondary });
    }
  }
  if (speakerCounts) {
    for (const match of sentence.matchAll(speaker)) {
      const end = offset + match.index + match[0].length;
      if (end > cue.start) continue;
      const text = tidy(match[1] as string);
      if (text && !pronoun.test(text))
        found.push({ at: match.index + match[0].indexOf(match[1] as string), text, secondary: false });
    }
  }
  // A source named inside another ("a report by Global News" in "according to a report by Global News") is that source.
  const sources = found
    .sort((a, b) => a.at - b.at)
    .filter(
      (source, index, all) =>
        !all.some(
          (other, otherIndex) =>
            otherIndex !== index && other.text !== source.text && source.text.includes(other.text) && !other.secondary,
        ),
    );
  const main = sources.filter((source) => !source.secondary);
  const cited = sources.filter((source) => source.secondary);
  if (main.length === 1 && cited.length > 0) {
    return [`${(main[0] as Found).text}, ${cited.map((source) => citing(sentence, source)).join(', ')}`];
  }
  return [...new Set(sources.map((source) => source.text))];
}

/** "citing …" or "speaking to …", as the sentence puts it. */
function citing(sentence: string, source: Found): string {
  const verb = /^\s*(citing|quoting|speaking to)/iu.exec(sentence.slice(source.at));
  return `${(verb?.[1] ?? 'citing').toLowerCase()} ${source.text}`;
}

/** The source as a reader would name it: an organisation's own name when the phrase ends in one ("media outlet Global News"). */
function tidy(text: string): string {
  const trimmed = text.trim().replace(leadingArticle, '');
  const run = capitalisedRun.exec(trimmed);
  if (run && run.index > 0 && /\s/.test(trimmed[run.index - 1] ?? '')) {
    const before = trimmed.slice(0, run.index).trim();
    // "the Global News report" keeps its words; "Canadian media outlet Global News" is Global News.
    if (!/^(?:the|this|that)$/iu.test(before)) return run[0].trim();
  }
  return trimmed;
}
