/**
 * What the name tagger's spans become: name mentions with the title printed before them ("Mr",
 * "Prime Minister") set apart, the roles the sentence gives the person ("China's consul-general in
 * Toronto, Han Tao"), and whether the name is a subject of the story, a byline or a photo credit.
 * Spans that are not people are dropped: a title alone ("Mr Speaker"), and things named after
 * people or places ("Don Valley North", "Kennedy Airport").
 */
import type { Token } from '../text/tokenize.ts';
import type { BlockSpan, PersonRole, Span } from '../types.ts';
import { foldName } from './name-text.ts';
import { isHonorific, isRoleWord, roleEndingAt, roleLabel, titleWords } from './titles.ts';

export interface NameCandidate extends Span {
  /** The name as printed, without title or possessive. */
  text: string;
  /** The title printed right before the name, as printed: "Mr", "Prime Minister". */
  title?: string;
  /** Roles the sentence gives the person, as Person.titles lists them. */
  roles: string[];
  /** The words that describe the person where the name is printed ("China's consul-general in Toronto"). */
  descriptions: string[];
  role: PersonRole;
  /** Printed after "the", "a", "this"…, perhaps with a capitalised word between ("the British Bill"): a name seldom is. */
  afterDeterminer: boolean;
}

// Capitalised words that make a name into the name of a thing: a riding, a building, a prize.
const thingHeads = new Set(
  (
    'north south east west northeast northwest southeast southwest centre center central office hospital airport ' +
    'street st road avenue boulevard square bridge station park stadium arena university college school institute ' +
    'foundation prize award trophy cup memorial museum library hall theatre theater building tower house act bill ' +
    'doctrine syndrome disease effect law river lake mountain island county district province state valley'
  ).split(' '),
);

const creditMarker =
  /(?:photo(?:graph)?s?|image(?: source)?|picture|credit|illustration|video)\s*(?:by)?\s*[:|]?\s*$|©\s*$/i;
const bylineMarker =
  /(?:^|\n)\s*(?:by|written by|edited by|reporting by|additional reporting by|editing by|words by)\s*:?\s*$/i;
const capitalised = /^\p{Lu}/u;
const gluedCreditLabel = /^(?:Credit|Photo|Image|Picture)+(?=\p{Lu})/u;
// Not "that": "claims that Kim…" is a clause, not a phrase.
const determiners = new Set(['the', 'a', 'an', 'this', 'these', 'those']);
const wordLike = (token: Token | undefined) =>
  token !== undefined && (token.kind === 'word' || token.kind === 'abbreviation');

/**
 * Candidates from the tagger's spans in one block of the document `text`. `tokens` are the tokens of
 * the part of the block the spans are in, in order.
 */
export function nameCandidates(
  text: string,
  block: BlockSpan,
  tokens: readonly Token[],
  spans: readonly Span[],
): NameCandidate[] {
  const candidates: NameCandidate[] = [];
  let first = 0;
  for (const span of spans) {
    while (first < tokens.length && (tokens[first] as Token).end <= span.start) first++;
    let start = first;
    let end = start;
    while (end < tokens.length && (tokens[end] as Token).start < span.end) end++;
    // A title the tagger took into the name: "Mr Dong", "Prime Minister Trudeau".
    let title: { start: number; end: number } | undefined;
    while (start < end - 1 && isTitleToken(tokens[start] as Token)) {
      title = { start: title?.start ?? start, end: start + 1 };
      start++;
    }
    const words = tokens.slice(start, end);
    if (words.length === 0 || words.every((token) => !wordLike(token) || isRoleWord(token.text))) continue;
    if (namesAThing(tokens, start, end)) continue;
    title ??= titleBefore(tokens, start);
    // "CreditChang W. Lee": a page that sets a credit label and the name in two elements with no space.
    const glued = gluedCreditLabel.exec((tokens[start] as Token).text)?.[0] ?? '';
    const nameStart = (tokens[start] as Token).start + glued.length;
    const nameEnd = (tokens[end - 1] as Token).end;
    const before = textBefore(text, block.start, title ? (tokens[title.start] as Token).start : nameStart);
    const roles = rolesAround(tokens, title?.start ?? start, end);
    const titleText = title && text.slice((tokens[title.start] as Token).start, (tokens[title.end - 1] as Token).end);
    if (titleText && !isHonorific(titleText)) roles.unshift({ label: roleLabel(titleText.split(/\s+/)), words: [] });
    candidates.push({
      start: nameStart,
      end: nameEnd,
      text: text.slice(nameStart, nameEnd),
      ...(titleText ? { title: titleText } : {}),
      roles: [...new Set(roles.map((role) => role.label))],
      descriptions: roles.flatMap((role) => role.words),
      afterDeterminer: followsDeterminer(tokens, title?.start ?? start),
      role:
        block.kind === 'byline' || bylineMarker.test(before)
          ? 'byline'
          : block.kind === 'credit' || glued || creditMarker.test(before) || agencyAfter(tokens, end)
            ? 'credit'
            : 'subject',
    });
  }
  return candidates;
}

/** How far before a name a byline or credit marker can be ("Photo:", "Edited By:"). */
const markerReach = 40;

/**
 * The text just before a name, within its block. When the block starts further back, the text is
 * marked so that it does not pass for the start of the block.
 */
function textBefore(text: string, blockStart: number, end: number): string {
  const start = Math.max(blockStart, end - markerReach);
  return `${start > blockStart ? '…' : ''}${text.slice(start, end)}`;
}

/**
 * Whether a determiner comes right before `start`, or with only capitalised words between: "the Bill",
 * "the British Bill". "the late Bowie" is a person: an adjective between keeps the name a name.
 */
function followsDeterminer(tokens: readonly Token[], start: number): boolean {
  for (let at = start - 1; at >= 0 && at >= start - 3; at--) {
    const token = tokens[at] as Token;
    if (determiners.has(token.text.toLowerCase())) return true;
    if (!wordLike(token) || !capitalised.test(token.text)) return false;
  }
  return false;
}

/** "JIM WATSON/AFP": a name with an agency after a slash is a photo credit. */
function agencyAfter(tokens: readonly Token[], end: number): boolean {
  const next = tokens[end + 1];
  return tokens[end]?.text === '/' && next !== undefined && wordLike(next) && capitalised.test(next.text);
}

function isTitleToken(token: Token): boolean {
  return wordLike(token) && capitalised.test(token.text) && (isHonorific(token.text) || isRoleWord(token.text));
}

/** The capitalised title right before a name: "Mr", "Prime Minister", "Consul General", "MP". */
function titleBefore(tokens: readonly Token[], start: number): { start: number; end: number } | undefined {
  const previous = tokens[start - 1];
  if (!previous || !wordLike(previous) || !capitalised.test(previous.text)) return undefined;
  if (isHonorific(previous.text)) return { start: start - 1, end: start };
  const words: string[] = [];
  let from = start;
  while (from > 0 && from > start - 4) {
    const token = tokens[from - 1] as Token;
    if (!wordLike(token) || !capitalised.test(token.text) || !isRoleWord(token.text)) break;
    words.unshift(...titleWords(token.text));
    from--;
  }
  const role = roleEndingAt(words);
  if (!role) return undefined;
  // Take the whole run of capitalised title words ("Deputy Prime Minister"), not just the role's end.
  return { start: from, end: start };
}

interface FoundRole {
  label: string;
  /** The role's words and the words before it that describe the person ("China's"). */
  words: string[];
}

/**
 * Roles given in apposition: before the name ("Canadian member of parliament Han Dong", "China's
 * consul-general in Toronto, Han Tao", "minister of foreign affairs, Wang Wenbin") or after it
 * ("Wang Wenbin, a spokesman for…").
 */
function rolesAround(tokens: readonly Token[], start: number, end: number): FoundRole[] {
  const found: FoundRole[] = [];
  const before = roleBefore(tokens, start);
  if (before) found.push(before);
  const after = roleAfter(tokens, end);
  if (after) found.push(after);
  return found;
}

const adjunct = new Set(['in', 'of', 'for', 'at', 'from', 'to']);
const maxAdjunctWords = 3;
const maxRoleWords = 4;

function roleBefore(tokens: readonly Token[], start: number): FoundRole | null {
  const at = tokens[start - 1]?.text === ',' ? start - 1 : start;
  // The role ends right before the name, or before a place or "of" phrase: "in Toronto", "of foreign affairs".
  const ends = [at];
  for (let look = at - 1; look >= 0 && look >= at - maxAdjunctWords - 1; look--) {
    const token = tokens[look] as Token;
    if (!wordLike(token)) break;
    if (adjunct.has(token.text)) ends.push(look);
  }
  for (const roleEnd of ends) {
    const words: string[] = [];
    for (let from = roleEnd; from > 0 && from > roleEnd - maxRoleWords; from--) {
      const token = tokens[from - 1] as Token;
      if (!wordLike(token)) break;
      words.unshift(...titleWords(token.text));
    }
    const role = roleEndingAt(words);
    if (!role) continue;
    const roleStart = wordStartOf(tokens, roleEnd, role.length);
    return {
      label: roleLabel(tokens.slice(roleStart, roleEnd).map((candidate) => candidate.text)),
      words: tokens.slice(Math.max(0, roleStart - 3), at).map((candidate) => candidate.text),
    };
  }
  return null;
}

/** Where a role of `length` title words ending before token `end` starts, counting hyphenated tokens as several words. */
function wordStartOf(tokens: readonly Token[], end: number, length: number): number {
  let words = 0;
  let at = end;
  while (at > 0 && words < length) {
    at--;
    words += titleWords((tokens[at] as Token).text).length;
  }
  return at;
}

function roleAfter(tokens: readonly Token[], end: number): FoundRole | null {
  if (tokens[end]?.text !== ',') return null;
  const words: string[] = [];
  for (let at = end + 1; at < tokens.length && at <= end + 5; at++) {
    const token = tokens[at] as Token;
    if (!wordLike(token)) return null;
    words.push(...titleWords(token.text));
    const next = tokens[at + 1];
    const role = roleEndingAt(words);
    if (role && (!next || !wordLike(next) || adjunct.has(foldName(next.text)))) {
      const printed = tokens.slice(at + 1 - role.length, at + 1).map((candidate) => candidate.text);
      return { label: roleLabel(printed), words: tokens.slice(end + 1, at + 1).map((candidate) => candidate.text) };
    }
  }
  return null;
}

/** A name that is part of the name of a place or thing: "Don Valley North", "Kennedy Airport", "Data Retention Bill". */
function namesAThing(tokens: readonly Token[], start: number, end: number): boolean {
  const last = tokens[end - 1] as Token;
  const before = tokens[start - 1];
  const joined = before !== undefined && wordLike(before) && capitalised.test(before.text) && !isTitleToken(before);
  if (thingHeads.has(foldName(last.text)) && (end - start > 1 || joined)) return true;
  let next = tokens[end];
  // "the Prime Minister's Office": a possessive does not stop the thing's name.
  if (next?.kind === 'clitic') next = tokens[end + 1];
  return next !== undefined && wordLike(next) && capitalised.test(next.text) && thingHeads.has(foldName(next.text));
}
