/**
 * Who a sentence talks about: its name mentions, with names joined by "and" taken together ("Michael
 * Kovrig and Michael Spavor"), its pronouns resolved to people, and descriptions such as "the MP"
 * resolved to the one person the story gives that role. An allegation's accused is one of these.
 */
import { canonicalRole, isRoleWord, roleEndingAt, titleWords } from '../people/titles.ts';
import type { Token } from '../text/tokenize.ts';
import type { Person, Span } from '../types.ts';

export interface Entity extends Span {
  /** The sentence tokens it covers: [first, last). */
  first: number;
  last: number;
  /** Person ids: one, or several for "A and B" and "they". */
  ids: string[];
  kind: 'name' | 'pronoun' | 'description';
  /** Inside quotation marks. */
  quoted: boolean;
}

export interface MentionAt extends Span {
  person: string;
}

const singular = new Set(['he', 'she', 'him', 'her', 'his', 'hers', 'himself', 'herself']);
const plural = new Set(['they', 'them', 'their', 'themselves']);
const joiners = new Set(['and', ',', '&', '-', '–', '—']);
const determiners = new Set(['the', 'this', 'that']);
const maxPronounLength = 'themselves'.length;
const quoteMarks = /^["“”«»„]$/;

/**
 * The entities of one sentence. `mentions` are the sentence's name mentions in order; `earlier`
 * gives the person a pronoun with no antecedent in the sentence refers to (the subject of a recent
 * sentence); `byRole` finds the person a story gives a role to.
 */
export function sentenceEntities(
  tokens: readonly Token[],
  mentions: readonly MentionAt[],
  earlier: () => string | undefined,
  byRole: (role: string) => Person | undefined,
): Entity[] {
  const quoted = quotedTokens(tokens);
  const entities: Entity[] = [];
  let next = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const mention = mentions[next];
    if (mention && token.start >= mention.start && token.start < mention.end) {
      let last = i + 1;
      while (last < tokens.length && (tokens[last] as Token).end <= mention.end) last++;
      entities.push({
        start: mention.start,
        end: mention.end,
        first: i,
        last,
        ids: [mention.person],
        kind: 'name',
        quoted: quoted[i] ?? false,
      });
      next++;
      i = last - 1;
      continue;
    }
    while (mentions[next] && (mentions[next] as MentionAt).end <= token.start) next++;
    if (token.kind !== 'word' || token.text.length > maxPronounLength) continue;
    const word = token.text.toLowerCase();
    if (singular.has(word) || plural.has(word)) {
      entities.push({
        start: token.start,
        end: token.end,
        first: i,
        last: i + 1,
        ids: [],
        kind: 'pronoun',
        quoted: quoted[i] ?? false,
      });
    } else if (determiners.has(word) && isRoleWord(tokens[i + 1]?.text ?? '')) {
      const described = describedPerson(tokens, i + 1, byRole);
      if (described) {
        const end = tokens[described.last - 1] as Token;
        entities.push({
          start: token.start,
          end: end.end,
          first: i,
          last: described.last,
          ids: [described.person.id],
          kind: 'description',
          quoted: quoted[i] ?? false,
        });
        i = described.last - 1;
      }
    }
  }
  const joined = joinNames(tokens, entities);
  resolvePronouns(tokens, joined, earlier);
  return joined.filter((entity) => entity.ids.length > 0);
}

/** "the MP", "the prime minister": the person the story gives that role, if exactly one. */
function describedPerson(
  tokens: readonly Token[],
  from: number,
  byRole: (role: string) => Person | undefined,
): { person: Person; last: number } | null {
  const words: string[] = [];
  let found: { person: Person; last: number } | null = null;
  for (let at = from; at < tokens.length && at < from + 4; at++) {
    const token = tokens[at] as Token;
    if (token.kind !== 'word' && token.kind !== 'abbreviation') break;
    words.push(...titleWords(token.text));
    const role = roleEndingAt(words);
    if (role && role.length === words.length) {
      const person = byRole(canonicalRole(words.join(' ')));
      if (person) found = { person, last: at + 1 };
    }
  }
  return found;
}

/** Names joined by "and", commas or dashes are one entity: the people a sentence names together. */
function joinNames(tokens: readonly Token[], entities: Entity[]): Entity[] {
  const joined: Entity[] = [];
  for (const entity of entities) {
    const previous = joined.at(-1);
    const between = previous ? tokens.slice(previous.last, entity.first) : [];
    if (
      previous &&
      previous.kind === 'name' &&
      entity.kind === 'name' &&
      between.length > 0 &&
      between.length <= 2 &&
      between.every((token) => joiners.has(token.text.toLowerCase()))
    ) {
      previous.ids = [...new Set([...previous.ids, ...entity.ids])];
      previous.end = entity.end;
      previous.last = entity.last;
      continue;
    }
    joined.push(entity);
  }
  return joined;
}

/**
 * "he", "his": the sentence's first-named person when named before the pronoun, otherwise the
 * subject of a recent sentence. "they": the people last named together.
 */
function resolvePronouns(tokens: readonly Token[], entities: Entity[], earlier: () => string | undefined): void {
  for (const [index, entity] of entities.entries()) {
    if (entity.kind !== 'pronoun') continue;
    const word = (tokens[entity.first] as Token).text.toLowerCase();
    const before = entities.slice(0, index).filter((other) => other.ids.length > 0 && other.kind !== 'pronoun');
    if (plural.has(word)) {
      const group = [...before].reverse().find((other) => other.ids.length > 1);
      if (group) entity.ids = [...group.ids];
      continue;
    }
    const subject = before.find((other) => other.ids.length === 1);
    const id = subject ? subject.ids[0] : earlier();
    if (id) entity.ids = [id];
  }
}

/**
 * Which tokens are quoted. A sentence may start inside a quotation its opening mark is in the previous
 * sentence of: a straight quote mark that touches the word before it closes, one that does not opens.
 */
function quotedTokens(tokens: readonly Token[]): boolean[] {
  const inside: boolean[] = [];
  let open = false;
  let closedAt = -1;
  tokens.forEach((token, index) => {
    if (token.kind === 'punct' && quoteMarks.test(token.text)) {
      const previous = tokens[index - 1];
      const closing = token.text === '”' || token.text === '»' || (token.text === '"' && previous?.end === token.start);
      if (closing && !open) closedAt = index;
      open = !closing;
      inside.push(false);
      return;
    }
    inside.push(open);
  });
  // A closing mark with no opening one: everything before it was quoted.
  for (let index = 0; index < closedAt; index++) inside[index] = true;
  return inside;
}
