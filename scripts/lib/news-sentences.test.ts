import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random.ts';
import { type NewsFillers, newsSentences } from './news-sentences.ts';

const fillers: NewsFillers = {
  people: ['Marta Kowalczyk', 'Farid Haddad', 'Okafor'],
  places: ['Hong Kong', 'Lagos'],
  organisations: ['Reuters', 'Associated Press'],
};

describe('news sentences for training', () => {
  const sentences = newsSentences(400, fillers, seededRandom(3));

  it('marks exactly the people, by a name or surname the fillers hold', () => {
    const surnames = new Set(fillers.people.map((name) => name.split(' ').at(-1)));
    for (const { text, people } of sentences)
      for (const person of people) {
        const name = text.slice(person.start, person.end);
        expect(fillers.people.includes(name) || surnames.has(name)).toBe(true);
      }
    expect(sentences.some(({ people }) => people.length > 0)).toBe(true);
  });

  it('puts places and organisations in the slots any subject fills, never marked', () => {
    const others = [...fillers.places, ...fillers.organisations];
    for (const { text, people } of sentences)
      for (const person of people) expect(others).not.toContain(text.slice(person.start, person.end));
    const subjects = sentences.filter(({ text }) => / (said|told reporters|declined to comment)\b/.test(text));
    expect(
      subjects.some(({ text, people }) => people.length === 0 && others.some((other) => text.includes(other))),
    ).toBe(true);
  });

  it('leaves honorifics and roles outside the name', () => {
    for (const { text, people } of sentences)
      for (const person of people) expect(text.slice(person.start, person.end)).not.toMatch(/^(Mr|Ms|Mrs|Dr) /);
    expect(
      sentences.some(({ text, people }) => people.some((person) => /\bMr $/.test(text.slice(0, person.start)))),
    ).toBe(true);
  });

  it('is the same for the same seed, and empty without fillers', () => {
    expect(newsSentences(400, fillers, seededRandom(3))).toEqual(sentences);
    expect(newsSentences(10, { ...fillers, people: [] }, seededRandom(3))).toEqual([]);
  });
});
