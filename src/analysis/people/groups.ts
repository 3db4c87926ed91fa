/**
 * Named groups whose members the story names: "the Two Michaels" are the two people named Michael
 * it mentions (Michael Kovrig and Michael Spavor). A group is only linked when the count fits: "the
 * Two Michaels" in a story naming three Michaels, or one, stays unlinked.
 */
import { numberWords } from '../facts/number-expressions.ts';
import type { Person, PersonGroup } from '../types.ts';
import { nameTokens } from './name-text.ts';

// "Two Michaels", "the Three Amigos": a capitalised count and a capitalised plural. Bounded words only.
const groupPattern =
  /(?<![\p{L}\p{N}])(Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|[2-9]) (\p{Lu}\p{Ll}{1,30})s(?![\p{L}\p{N}])/gu;

export function findGroups(text: string, people: readonly Person[]): PersonGroup[] {
  const groups = new Map<string, PersonGroup>();
  for (const match of text.matchAll(groupPattern)) {
    const [whole, countWord, singular] = match as unknown as [string, string, string];
    const count = numberWords[countWord.toLowerCase()] ?? Number(countWord);
    const given = nameTokens(singular)[0];
    const members = people.filter(
      (person) =>
        person.role === 'subject' && nameTokens(person.name).length > 1 && nameTokens(person.name)[0] === given,
    );
    if (members.length !== count) continue;
    const group = groups.get(whole) ?? { name: whole, mentions: [], members: members.map((person) => person.id) };
    group.mentions.push({ start: match.index, end: match.index + whole.length, text: whole, form: 'full' });
    groups.set(whole, group);
  }
  return [...groups.values()];
}
