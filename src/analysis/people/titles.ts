/**
 * Titles printed before a name ("Mr", "Dr", "Prime Minister", "Consul General") and the roles a
 * story gives a person ("China's consul-general in Toronto, Han Tao"; "Wang Wenbin, a spokesman").
 * A title is not part of the name; a role says who the person is, and helps tell two people with
 * one surname apart, or find whom "the MP" means.
 */
import { foldName } from './name-text.ts';

/** Forms of address: they say nothing about the person's role. */
const honorifics = new Set(
  'mr mr. mrs mrs. ms ms. miss mx mx. dr dr. prof prof. sir dame lord lady madam monsieur madame mme mlle herr frau don dona señor señora sr sr. sra sra. sheikh shaikh mister'.split(
    ' ',
  ),
);

/**
 * Roles, as word sequences, longest first where one extends another. Written in lower case and
 * compared folded; "consul-general" is matched as "consul general".
 */
const roleList = [
  'prime minister',
  'deputy prime minister',
  'foreign minister',
  'finance minister',
  'defence minister',
  'defense minister',
  'interior minister',
  'minister',
  'president',
  'vice president',
  'chancellor',
  'premier',
  'governor',
  'sheriff',
  'deputy',
  'constable',
  'mayor',
  'senator',
  'sen',
  'sen.',
  'congressman',
  'congresswoman',
  'representative',
  'rep',
  'rep.',
  'mp',
  'mla',
  'mep',
  'member of parliament',
  'speaker',
  'consul general',
  'consul',
  'ambassador',
  'envoy',
  'diplomat',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'leader',
  'opposition leader',
  'chief executive',
  'chief executive officer',
  'ceo',
  'chairman',
  'chairwoman',
  'chair',
  'founder',
  'executive',
  'senior executive',
  'director',
  'secretary',
  'secretary of state',
  'general',
  'gen',
  'gen.',
  'colonel',
  'col',
  'col.',
  'captain',
  'capt',
  'capt.',
  'lieutenant',
  'lt',
  'lt.',
  'sergeant',
  'sgt',
  'sgt.',
  'commissioner',
  'inspector',
  'detective',
  'det',
  'det.',
  'officer',
  'official',
  'judge',
  'justice',
  'chief justice',
  'prosecutor',
  'attorney general',
  'attorney',
  'lawyer',
  'king',
  'queen',
  'prince',
  'princess',
  'emperor',
  'pope',
  'archbishop',
  'bishop',
  'cardinal',
  'rabbi',
  'imam',
  'reverend',
  'rev',
  'rev.',
  'father',
  'businessman',
  'businesswoman',
  'entrepreneur',
  'activist',
  'journalist',
  'reporter',
  'editor',
  'analyst',
  'professor',
  'researcher',
  'scientist',
  'coach',
  'manager',
  'player',
  'striker',
  'actor',
  'actress',
  'singer',
  'author',
  'writer',
];

/** Short forms a story uses for the same role. */
const sameRole: Record<string, string> = {
  'member of parliament': 'MP',
  mp: 'MP',
  sen: 'senator',
  'sen.': 'senator',
  rep: 'representative',
  'rep.': 'representative',
  gen: 'general',
  'gen.': 'general',
  col: 'colonel',
  'col.': 'colonel',
  capt: 'captain',
  'capt.': 'captain',
  lt: 'lieutenant',
  'lt.': 'lieutenant',
  sgt: 'sergeant',
  'sgt.': 'sergeant',
  det: 'detective',
  'det.': 'detective',
  rev: 'reverend',
  'rev.': 'reverend',
  ceo: 'chief executive',
  'chief executive officer': 'chief executive',
};

const roles = new Map<string, string[][]>();
for (const role of roleList) {
  const words = role.split(' ');
  const last = words.at(-1) as string;
  const list = roles.get(last) ?? [];
  list.push(words);
  roles.set(last, list);
}
for (const list of roles.values()) list.sort((a, b) => b.length - a.length);

/** The word as titles are looked up: folded, a hyphenated title split ("consul-general" → "consul", "general"). */
export function titleWords(word: string): string[] {
  return foldName(word)
    .split(/[-\s]+/)
    .filter(Boolean);
}

export function isHonorific(word: string): boolean {
  return honorifics.has(foldName(word));
}

/**
 * The role that ends at the last of `words` (folded title words, in text order), with how many of
 * them it takes: ["china's", "consul", "general"] → { role: "consul general", length: 2 }.
 */
export function roleEndingAt(words: readonly string[]): { role: string; length: number } | null {
  const last = words.at(-1);
  if (last === undefined) return null;
  for (const candidate of roles.get(last) ?? []) {
    if (candidate.length > words.length) continue;
    const tail = words.slice(words.length - candidate.length);
    if (tail.every((word, i) => word === candidate[i])) {
      return { role: canonicalRole(candidate.join(' ')), length: candidate.length };
    }
  }
  return null;
}

const roleWords = new Set(roleList.flatMap((role) => role.split(' ')));

/** Whether a word can be part of a role: such a word in a name is a title the tagger kept ("Speaker"). */
export function isRoleWord(word: string): boolean {
  return titleWords(word).every((part) => roleWords.has(part));
}

/**
 * A role as Person.titles gives it: a short form the story could also have used ("MP" for "member
 * of parliament"), otherwise the words as printed, hyphens as spaces ("consul-general" → "consul general").
 */
export function roleLabel(printed: readonly string[]): string {
  const words = printed.flatMap((word) => word.split(/-/)).filter(Boolean);
  return sameRole[foldName(words.join(' '))] ?? words.join(' ');
}

/** The form two roles are compared in: "MP" and "member of parliament", "Consul-General" and "consul general" are one. */
export function canonicalRole(role: string): string {
  const folded = titleWords(role).join(' ');
  return foldName(sameRole[folded] ?? folded);
}
