import { describe, expect, it } from 'vitest';
import { personName, syntheticArticle } from './synthetic-articles.ts';

const options = { people: 5_000, claims: 400, peoplePerArticle: 6, seed: 7 };

describe('syntheticArticle', () => {
  it('makes analyses with every span on the words it names', () => {
    for (let index = 0; index < 200; index++) {
      const { article } = syntheticArticle(index, options);
      const { text, people, allegations } = article.analysis;
      for (const person of people) {
        for (const mention of person.mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
      }
      for (const allegation of allegations) {
        expect(text.slice(allegation.start, allegation.end)).toBe(allegation.text);
        expect(text.slice(allegation.cue.start, allegation.cue.end)).toMatch(/^(accused of|denied)$/);
      }
    }
  });

  it('is the same article for the same index and seed, and averages 20 mentions an article', () => {
    expect(syntheticArticle(42, options)).toEqual(syntheticArticle(42, options));
    expect(syntheticArticle(42, { ...options, seed: 8 })).not.toEqual(syntheticArticle(42, options));
    let mentions = 0;
    for (let index = 0; index < 100; index++) {
      mentions += syntheticArticle(index, options).article.analysis.people.reduce(
        (sum, p) => sum + p.mentions.length,
        0,
      );
    }
    expect(mentions / 100).toBe(20);
  });

  it('names every person of the population differently', () => {
    const names = new Set(Array.from({ length: 20_000 }, (_, n) => Object.values(personName(n)).join(' ')));
    expect(names.size).toBe(20_000);
  });
});
