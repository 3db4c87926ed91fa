/**
 * Named groups whose members the story names: "the Two Michaels" are the two people named Michael
 * it mentions (Michael Kovrig and Michael Spavor). A group is only linked when the count fits: "the
 * Two Michaels" in a story naming three Michaels, or one, stays unlinked.
 */
import { numberWords } from '../facts/number-expressions.ts';
import type { Person, PersonGroup, Span } from '../types.ts';
import { nameTokens } from './name-text.ts';

// "Two Michaels", "the Three Amigos": a capitalised count and a capitalised plural. Bounded words only.
const groupPattern =
  /(?<![\p{L}\p{N}])(Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|[2-9]) (\p{Lu}\p{Ll}{1,30})s(?![\p{L}\p{N}])/gu;

/** A printed group name, before it is known whom it names. */
export interface GroupMention extends Span {
  text: string;
  count: number;
  /** The folded given name its members share. */
  given: string;
}

/** The group names in `text`, which starts at `offset` in the document. */
export function groupMentions(text: string, offset: number): GroupMention[] {
  return [...text.matchAll(groupPattern)].map((match) => {
    const [whole, countWord, singular] = match as unknown as [string, string, string];
    return {
      start: offset + match.index,
      end: offset + match.index + whole.length,
      text: whole,
      count: numberWords[countWord.toLowerCase()] ?? Number(countWord),
      given: nameTokens(singular)[0] as string,
    };
  });
}

/** The groups the mentions name, each linked to its members when the count fits. */
export function linkGroups(mentions: readonly GroupMention[], people: readonly Person[]): PersonGroup[] {
  const byGiven = new Map<string, Person[]>();
  for (const person of people) {
    const tokens = nameTokens(person.name);
    if (person.role !== 'subject' || tokens.length < 2) continue;
    byGiven.set(tokens[0] as string, [...(byGiven.get(tokens[0] as string) ?? []), person]);
  }
  const groups = new Map<string, PersonGroup>();
  for (const mention of mentions) {
    const members = byGiven.get(mention.given) ?? [];
    if (members.length !== mention.count) continue;
    const group = groups.get(mention.text) ?? {
      name: mention.text,
      mentions: [],
      members: members.map((person) => person.id),
    };
    group.mentions.push({ start: mention.start, end: mention.end, text: mention.text, form: 'full' });
    groups.set(mention.text, group);
  }
  return [...groups.values()];
}
