/**
 * Sentences in the syntax of news reports, for training only. The training corpora are Wikipedia,
 * web text and a few other genres, not news; news names people in constructions they rarely use
 * ("Okafor, 45, was arrested", "a spokesman for", "Mr Haddad told reporters"). These sentences
 * teach the constructions, not the names:
 *
 * - people's names come from the training sentences themselves (full names, their last word as a
 *   surname, after an honorific or a role), so no name is added that the corpora do not hold;
 * - the slots that any subject can fill ("… said on Tuesday", "according to …") are filled as often
 *   by a place or an organisation from the gazetteer as by a person, so the model learns that "said"
 *   alone does not make a name, and what does;
 * - everything is drawn from a seeded generator, so training stays deterministic.
 */
import type { Span } from '../../src/analysis/types.ts';

export interface NewsFillers {
  /** Names of people, as the training text writes them: "Marta Kowalczyk", "Haddad". */
  people: readonly string[];
  /** Places and organisations, as the text would write them: "Hong Kong", "Reuters". */
  places: readonly string[];
  organisations: readonly string[];
}

export interface NewsSentence {
  text: string;
  people: Span[];
}

/*
 * Slots: {P} a person, {X} a person, place or organisation, {L} a place, {O} an organisation,
 * {D} a weekday, {N} a number, {A} an age. A person's slot followed by 's is a possessive.
 */
const templates = [
  '{X} said on {D} that the talks had stalled.',
  '{X} said in a statement that it was reviewing the decision.',
  '"We will not back down," {X} told reporters in {L}.',
  'The plan was rejected, {X} said.',
  'According to {X}, the deal was signed in March.',
  '{X} denied the report on {D}.',
  '{X} declined to comment.',
  'Asked about the report, {X} declined to comment.',
  'It was not clear whether {X} would attend.',
  '{X} is expected to announce the decision on {D}.',
  'The talks between {X} and {X} collapsed on {D}.',
  'The ruling was welcomed by {X}.',
  '{X} urged calm, saying violence would not be tolerated.',
  '{X} has called for an independent inquiry.',
  'In a statement, {X} said the claims were false.',
  '{X} confirmed that {N} people had been detained.',
  '{P}, {A}, was arrested in {L} on {D}.',
  '{P}, a former defence minister, was detained at the airport.',
  'Her husband, {P}, works for {O}.',
  "The company's chief executive, {P}, resigned last week.",
  "{P}'s lawyer said the charges would be contested.",
  "{P}'s office said the meeting had been cancelled.",
  'Sources close to {P} said the decision had not been made.',
  'A spokesman for {P} said the trip would go ahead.',
  '{P} was born in {L} and moved to {L} in {N}.',
  '{P} met {P} in {L} on {D}.',
  '{P} spoke with {P} by phone on {D}.',
  '{P} and {P} were both charged with fraud.',
  '{P} resigned after {N} years in the post.',
  '{P} won {N} per cent of the vote.',
  '{P} scored twice as the team won.',
  '"This is a difficult day," said {P}.',
  'Police in {L} said {P} had been taken to hospital.',
  'Speaking in {L}, {P} said the government would act.',
  '{L} police said the suspect had fled.',
  'Fighting continued in {L} and {L} on {D}.',
  'The {L} government announced new measures on {D}.',
  "{L}'s foreign ministry summoned the ambassador.",
  'Protesters gathered outside the embassy in {L}.',
  'Shares in {O} fell {N} per cent.',
  '{O} said it had suspended the account.',
  'A spokesman for {O} said the service had been restored.',
  'The report was published by {O} on {D}.',
];

const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const honorifics = ['Mr', 'Ms', 'Mrs', 'Dr'];
const roles = [
  'President',
  'Prime Minister',
  'Foreign Minister',
  'Senator',
  'Chancellor',
  'Governor',
  'opposition leader',
  'former president',
  'Judge',
  'coach',
];

/** How a person is written in a slot: the span covers the name, never the honorific or role. */
function personForm(name: string, pick: <T>(items: readonly T[]) => T, random: () => number): [string, string] {
  const words = name.split(' ');
  const surname = words.at(-1) as string;
  const roll = random();
  if (words.length === 1 || roll < 0.35) return ['', words.length === 1 ? name : roll < 0.25 ? surname : name];
  if (roll < 0.6) return ['', name];
  if (roll < 0.8) return [`${pick(honorifics)} `, surname];
  return [`${pick(roles)} `, random() < 0.5 ? name : surname];
}

/** `count` sentences drawn from the templates, with the spans of the people in them. */
export function newsSentences(count: number, fillers: NewsFillers, random: () => number): NewsSentence[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const sentences: NewsSentence[] = [];
  if (fillers.people.length === 0 || fillers.places.length === 0 || fillers.organisations.length === 0)
    return sentences;
  for (let index = 0; index < count; index++) {
    const template = pick(templates);
    let text = '';
    const people: Span[] = [];
    let cursor = 0;
    for (const slot of template.matchAll(/\{([PXLODNA])\}/g)) {
      text += template.slice(cursor, slot.index);
      cursor = slot.index + slot[0].length;
      let kind = slot[1] as string;
      if (kind === 'X') kind = random() < 0.5 ? 'P' : random() < 0.5 ? 'L' : 'O';
      if (kind === 'P') {
        const [before, name] = personForm(pick(fillers.people), pick, random);
        // A role or honorific opens a sentence with a capital.
        text += text === '' ? before.charAt(0).toUpperCase() + before.slice(1) : before;
        people.push({ start: text.length, end: text.length + name.length });
        text += name;
      } else if (kind === 'L') text += pick(fillers.places);
      else if (kind === 'O') text += pick(fillers.organisations);
      else if (kind === 'D') text += pick(weekdays);
      else if (kind === 'N') text += String(2 + Math.floor(random() * 60));
      else text += String(18 + Math.floor(random() * 70));
    }
    text += template.slice(cursor);
    sentences.push({ text, people });
  }
  return sentences;
}
