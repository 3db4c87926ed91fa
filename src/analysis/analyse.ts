/**
 * The analysis of one document, a bounded piece at a time: one piece of at most 3,000 characters
 * of text (tokens, sentences, names, titles), then alias resolution a few thousand mentions at a
 * time, then about 3,000 characters of sentences at a time (allegations). Pieces keep the work and
 * the memory it holds at once linear in the text, however long the article.
 */
import { type Entity, type MentionAt, sentenceEntities } from './allegations/entities.ts';
import { sentenceAllegations } from './allegations/find-allegations.ts';
import { findPersonNames, type PersonNameFinder } from './names/find-person-names.ts';
import { type GroupMention, groupMentions, linkGroups } from './people/groups.ts';
import { type NameCandidate, nameCandidates } from './people/person-candidates.ts';
import { KnownNames, propagatedNames } from './people/names-across-blocks.ts';
import { resolvePeople } from './people/resolve-people.ts';
import { canonicalRole } from './people/titles.ts';
import { splitSentences } from './text/sentences.ts';
import { type Token, tokenize } from './text/tokenize.ts';
import type { Allegation, ArticleInput, BlockKind, BlockSpan, DocumentAnalysis, Person, Span } from './types.ts';

/** Characters of text read per step. */
const pieceLength = 3000;
/** How many sentences back a pronoun's person can have been named. */
const pronounReach = 3;
const noAllegations = new Set<BlockKind>(['byline', 'credit', 'dateline']);

interface Sentence extends Span {
  block: number;
  /** Its tokens: [first, last) in the document's tokens. */
  first: number;
  last: number;
}

export function analyseArticle(input: ArticleInput): DocumentAnalysis {
  return finish(analysisSteps(input, findPersonNames));
}

/** Runs steps to the end, with no pause between them. */
export function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The steps, with the name finder to use (the shipped model, or another in tests). */
export function* analysisSteps(input: ArticleInput, findNames: PersonNameFinder): Generator<void, DocumentAnalysis> {
  const { text, blocks } = joinBlocks(input);
  yield;

  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  const candidates: NameCandidate[] = [];
  const read: { block: BlockSpan; first: number; last: number; names: Span[] }[] = [];
  const groups: GroupMention[] = [];
  for (const [blockIndex, block] of blocks.entries()) {
    for (const piece of pieces(text, block)) {
      const pieceText = text.slice(piece.start, piece.end);
      const pieceTokens = tokenize(pieceText);
      const pieceSentences = splitSentences(pieceText, pieceTokens);
      const names = findNames(pieceText, { tokens: pieceTokens, sentences: pieceSentences });
      for (const token of pieceTokens) {
        token.start += piece.start;
        token.end += piece.start;
      }
      let first = tokens.length;
      for (const sentence of pieceSentences) {
        let last = first;
        while (
          last < tokens.length + pieceTokens.length &&
          pieceTokens[last - tokens.length]!.end <= sentence.end + piece.start
        )
          last++;
        sentences.push({
          start: sentence.start + piece.start,
          end: sentence.end + piece.start,
          block: blockIndex,
          first,
          last,
        });
        first = last;
      }
      const spans = names.map((name) => ({ start: name.start + piece.start, end: name.end + piece.start }));
      candidates.push(...nameCandidates(text, block, pieceTokens, spans));
      groups.push(...groupMentions(pieceText, piece.start));
      read.push({ block, first: tokens.length, last: tokens.length + pieceTokens.length, names: spans });
      for (const token of pieceTokens) tokens.push(token);
      yield;
    }
  }

  // A second, cheaper pass: the names found anywhere, wherever the tagger missed them.
  const known = new KnownNames(candidates);
  for (const { block, first, last, names } of read) {
    const pieceTokens = tokens.slice(first, last);
    const spans = propagatedNames(pieceTokens, known, names);
    if (spans.length > 0) candidates.push(...nameCandidates(text, block, pieceTokens, spans));
    if (last - first > 0) yield;
  }
  candidates.sort((a, b) => a.start - b.start);

  const people = yield* resolvePeople(candidates);
  yield;

  const allegations: Allegation[] = [];
  const mentions = subjectMentions(people);
  const byRole = roleIndex(people);
  yield;
  let nextMention = 0;
  let lastSubject: { id: string; sentence: number } | undefined;
  let budget = pieceLength;
  for (const [index, sentence] of sentences.entries()) {
    while (nextMention < mentions.length && (mentions[nextMention] as MentionAt).start < sentence.start) nextMention++;
    let endMention = nextMention;
    while (endMention < mentions.length && (mentions[endMention] as MentionAt).start < sentence.end) endMention++;
    const kind = (blocks[sentence.block] as BlockSpan).kind;
    if (noAllegations.has(kind)) continue;
    const sentenceTokens = tokens.slice(sentence.first, sentence.last);
    const entities = sentenceEntities(
      sentenceTokens,
      mentions.slice(nextMention, endMention),
      () => (lastSubject && index - lastSubject.sentence <= pronounReach ? lastSubject.id : undefined),
      byRole,
    );
    allegations.push(
      ...sentenceAllegations({
        start: sentence.start,
        end: sentence.end,
        text: text.slice(sentence.start, sentence.end),
        tokens: sentenceTokens,
        entities,
        headline: kind === 'headline',
      }),
    );
    const subject = entities.find((entity: Entity) => entity.kind === 'name' && !entity.quoted);
    if (subject) lastSubject = { id: subject.ids[0] as string, sentence: index };
    budget -= sentence.end - sentence.start;
    if (budget <= 0) {
      budget = pieceLength;
      yield;
    }
  }

  return { text, blocks, people, groups: linkGroups(groups, people), allegations };
}

/** The analysis text: the blocks joined by a blank line, each with its span. */
function joinBlocks(input: ArticleInput): { text: string; blocks: BlockSpan[] } {
  const blocks: BlockSpan[] = [];
  const texts: string[] = [];
  let length = 0;
  for (const block of input.blocks) {
    if (texts.length > 0) length += 2;
    blocks.push({ kind: block.kind, start: length, end: length + block.text.length });
    texts.push(block.text);
    length += block.text.length;
  }
  return { text: texts.join('\n\n'), blocks };
}

// The end of a sentence: a stop after a lower-case letter ("Mr. Dong" is no end), then a space.
const sentenceEnd = /[\p{Ll}\p{N}][.!?]["”’)]?\s/gu;

/**
 * A block in pieces of at most `pieceLength` characters: cut after the last sentence end in the
 * second half of the piece, else after a space, else anywhere (a text with no spaces).
 */
function* pieces(text: string, block: Span): Generator<Span> {
  let start = block.start;
  while (start < block.end) {
    let end = Math.min(block.end, start + pieceLength);
    if (end < block.end) {
      const from = start + pieceLength / 2;
      const window = text.slice(from, end);
      let cut = -1;
      for (const match of window.matchAll(sentenceEnd)) cut = match.index + match[0].length;
      if (cut < 0) cut = window.lastIndexOf(' ') + 1;
      if (cut > 0) end = from + cut;
    }
    yield { start, end };
    start = end;
  }
}

/** The mentions of the people the story is about, in text order. */
function subjectMentions(people: readonly Person[]): MentionAt[] {
  return people
    .filter((person) => person.role === 'subject')
    .flatMap((person) =>
      person.mentions.map((mention) => ({ start: mention.start, end: mention.end, person: person.id })),
    )
    .sort((a, b) => a.start - b.start);
}

/** The person a role names ("the MP"), when the story gives it to one person only. */
function roleIndex(people: readonly Person[]): (role: string) => Person | undefined {
  const holders = new Map<string, Person[]>();
  for (const person of people) {
    if (person.role !== 'subject') continue;
    for (const title of person.titles) {
      const key = canonicalRole(title);
      holders.set(key, [...(holders.get(key) ?? []), person]);
    }
  }
  return (role) => {
    const found = holders.get(role);
    return found?.length === 1 ? found[0] : undefined;
  };
}
