/**
 * One source's allegations as claim linking compares them: each with the linked identities of the
 * people it accuses and names, and the terms of what it says.
 */
import {
  type Allegation,
  type BlockSpan,
  type ClaimReport,
  isResponse,
  type SourceDocument,
  type Span,
} from '../types.ts';
import { claimTerms } from './claim-terms.ts';
import { latestFullDate } from '../facts/date-expressions.ts';

/** A person as cross-source linking knows them: the caller's stable key and the linked name. */
export interface LinkedPersonRef {
  id: string;
  name: string;
}

const contextRadius = 300;

// "denied allegations that he lobbied…", "over allegations he was involved in…", "claims of bribery",
// "the allegations against him regarding…": the allegation noun with what it says.
const allegationNoun = /^(?:allegations?|accusations?|claims?|reports?|suggestions?)$/iu;
const nounComplement =
  /\b(?:allegations?|accusations?|claims?|reports?|suggestions?)(?:\s+(?:made\s+)?against\s+\p{L}+)?\s+(?:that\s|of\s|regarding\s|about\s|over\s|(?=(?:he|she|they|it|the|his|her|their)\s))/iu;
// "denied lobbying…", "denied that he…", "denied having…".
const verbComplement = /^\s*(?:that\s|having\s|(?=\p{L}+ing\b))/iu;

/**
 * The claim reports of one analysed source: one per allegation that accuses someone. `linked` gives
 * the cross-source identity of each of the document's people (by Person id).
 */
export function claimReports(
  source: SourceDocument,
  linked: (personId: string) => LinkedPersonRef | undefined,
): ClaimReport[] {
  const { analysis } = source;
  const reports: ClaimReport[] = [];
  const referenceDate = /^\d{4}-\d\d-\d\d/.exec(source.metadata.published ?? '')?.[0] ?? latestFullDate(analysis.text);
  analysis.allegations.forEach((allegation, allegationIndex) => {
    const accused = allegation.accused.map(linked).filter((ref): ref is LinkedPersonRef => ref !== undefined);
    if (accused.length === 0) return;
    const mentions = analysis.people.flatMap((person) => person.mentions);
    const content = contentSpan(allegation, analysis.text, analysis.blocks, mentions);
    const inContent = (span: Span) => span.start >= content.start && span.end <= content.end;
    const names = analysis.people.flatMap((person) => person.mentions.filter(inContent).map(() => person));
    const skip = analysis.people.flatMap((person) => person.mentions.filter(inContent));
    const accusedIds = new Set(accused.map((ref) => ref.id));
    const mentionedIds = [
      ...new Set(
        names
          .filter((person) => person.role === 'subject')
          .map((person) => linked(person.id)?.id)
          .filter((id): id is string => id !== undefined && !accusedIds.has(id)),
      ),
    ];
    const words =
      content.end > content.start
        ? claimTerms(analysis.text.slice(content.start, content.end), content.start, skip, allegation.attributedTo)
        : [];
    reports.push({
      document: source.id,
      metadata: source.metadata,
      allegation,
      allegationIndex,
      accused: accused.map((ref) => ref.name),
      accusedIds: [...accusedIds],
      mentionedIds: content.end > content.start ? mentionedIds : [],
      focus: focusOf(allegation, analysis.text, analysis.allegations),
      context: contextOf(analysis.text, allegation),
      ...(referenceDate ? { referenceDate } : {}),
      terms: words.length > 0 ? [...words, ...mentionedIds.map((id) => `@${id}`)] : [],
    });
  });
  return reports;
}

/**
 * The part of the sentence that says what is alleged. An allegation made with a verb or an adverb
 * ("accused of lobbying", "allegedly suggested") says it all. One that only names "the allegations",
 * and a response, say what they are about only in what follows the noun ("denied allegations that
 * he lobbied…"): a bare "denied the allegations against him" answers whatever the source alleged,
 * and says nothing of its own (an empty span). Nor does a headline: it names the story's main
 * claim in a few words, which the rest of the story tells.
 */
function contentSpan(
  allegation: Allegation,
  text: string,
  blocks: readonly BlockSpan[],
  mentions: readonly Span[],
): Span {
  const nothing = { start: allegation.end, end: allegation.end };
  const block = blocks.find((candidate) => candidate.start <= allegation.start && allegation.start < candidate.end);
  if (block?.kind === 'headline') return nothing;
  const sentence = allegation.text;
  const noun = nounComplement.exec(sentence);
  const cueIsNoun = allegationNoun.test(text.slice(allegation.cue.start, allegation.cue.end));
  if (cueIsNoun || isResponse(allegation.stance)) {
    // "the specific allegations against Mr Dong" refers to allegations; what they are is said elsewhere.
    if (noun) {
      const start = allegation.start + noun.index + noun[0].length;
      return { start, end: namedObjectEnd(text, start, mentions) ?? allegation.end };
    }
    if (cueIsNoun) return nothing;
  } else {
    return allegation;
  }
  const afterCue = allegation.cue.end - allegation.start;
  const verb = verbComplement.exec(sentence.slice(afterCue));
  if (verb) return { start: allegation.cue.end + verb[0].length, end: allegation.end };
  return nothing;
}

const nameJoin = /^(?:\s*,\s*and\s+|\s*,\s*|\s+and\s+)/u;
// After the names, a possessive or a noun they modify means the complement goes on ("Spavor's detention").
const nameGoesOn = /^(?:['’]s?\b|\s*-)/u;

/**
 * Where the noun's complement ends when it is only people's names: "the allegations against him
 * regarding Michael Spavor and Michael Kovrig underscored the need for an inquiry" alleges nothing
 * about an inquiry; the allegations are the subject of what follows, which is a reaction to them.
 * Undefined when the complement is anything more than names ("regarding Michael Spavor and his release").
 */
function namedObjectEnd(text: string, start: number, mentions: readonly Span[]): number | undefined {
  for (let at = start; ;) {
    const name = mentions.find((mention) => mention.start === at);
    if (!name) return undefined;
    const after = text.slice(name.end, name.end + 8);
    if (nameGoesOn.test(after)) return undefined;
    const join = nameJoin.exec(after);
    if (!join) return name.end;
    at = name.end + join[0].length;
  }
}

/**
 * The allegation's share of its sentence. A sentence that makes several allegations is cut between
 * each two cues at the last clause break (comma, dash, bracket) before the later one, or halfway when
 * there is none: "According to a report…, Dong had advised…- held there under espionage charges."
 */
function focusOf(allegation: Allegation, text: string, all: readonly Allegation[]): Span {
  const cues = all
    .filter((other) => other.start === allegation.start && other.end === allegation.end)
    .map((other) => other.cue)
    .sort((a, b) => a.start - b.start);
  const at = cues.findIndex((cue) => cue.start === allegation.cue.start);
  const previous = cues[at - 1];
  const next = cues[at + 1];
  return {
    start: previous ? cutBetween(text, previous, allegation.cue) : allegation.start,
    end: next ? cutBetween(text, allegation.cue, next) : allegation.end,
  };
}

const clauseBreak = /[,;:()\u2013\u2014]|-(?=\s)|\s-/g;

function cutBetween(text: string, earlier: Span, later: Span): number {
  const between = text.slice(earlier.end, later.start);
  let cut = -1;
  for (const match of between.matchAll(clauseBreak)) cut = match.index + match[0].length;
  if (cut >= 0) return earlier.end + cut;
  const middle = Math.floor(between.length / 2);
  const space = between.indexOf(' ', middle);
  return earlier.end + (space < 0 ? middle : space + 1);
}

function contextOf(text: string, span: Span): string {
  const start = Math.max(0, span.start - contextRadius);
  const end = Math.min(text.length, span.end + contextRadius);
  return text.slice(start, end);
}
