import { describe, expect, it } from 'vitest';
import { testGazetteer } from '../../src/analysis/test-support/test-gazetteer.ts';
import { crossValidate, type GroupsOf, trainAndTest } from './name-evaluation.ts';
import { defaultTrainingOptions } from './name-training.ts';
import type { NamedSentence } from './ner-data.ts';

const lexicons = testGazetteer({ title: 'mr\nms', place: 'oslo\nlima\nquito' });
// Small and quick: no news sentences, few epochs.
const options = { ...defaultTrainingOptions, epochs: 4, newsSentences: 0 };

const given = ['Ines', 'Tomas', 'Aiko', 'Ravi', 'Olga', 'Kwame'];
const surnames = ['Moreau', 'Ferreira', 'Sato', 'Iyer', 'Novak', 'Mensah', 'Brandt'];
const places = ['Oslo', 'Lima', 'Quito'];

/** "Ines Moreau flew to Oslo, where Mr Sato met her." with the spans of its two names. */
function sentence(corpus: string, genre: string, index: number): NamedSentence {
  const full = `${given[index % given.length]} ${surnames[index % surnames.length]}`;
  const surname = surnames[(index * 3 + 1) % surnames.length] as string;
  const text = `${full} flew to ${places[index % places.length]}, where Mr ${surname} met her.`;
  const surnameStart = text.indexOf(`Mr ${surname}`) + 3;
  return {
    corpus,
    genre,
    doc: `${corpus}-${index}`,
    text,
    people: [
      { start: 0, end: full.length },
      { start: surnameStart, end: surnameStart + surname.length },
    ],
  };
}

const byGenreAndCorpus: GroupsOf = (named) => [named.genre ?? named.corpus, named.corpus];

describe('name model evaluation', () => {
  it('counts each tested sentence once under its genre, its corpus and "all"', () => {
    const training = Array.from({ length: 120 }, (_, index) => sentence('gum', 'gum-bio', index));
    const ewt = [sentence('uner-ewt', 'ewt-email', 200), sentence('uner-ewt', 'ewt-email', 201)];
    const wiki = [sentence('wikigold', 'wikigold', 202)];
    const counts = trainAndTest(training, [...ewt, ...wiki], lexicons, byGenreAndCorpus, options);
    expect([...counts.keys()].sort()).toEqual(['all', 'ewt-email', 'uner-ewt', 'wikigold']);
    expect(counts.get('uner-ewt')).toEqual(counts.get('ewt-email'));
    expect(counts.get('uner-ewt')?.expected).toBe(4);
    // A corpus that is its own genre is counted once, not twice.
    expect(counts.get('wikigold')?.expected).toBe(2);
    expect(counts.get('all')?.expected).toBe(6);
    expect(counts.get('all')?.correct).toBeGreaterThan(0);
  });

  it('tags every sentence exactly once across the folds', () => {
    const sentences = Array.from({ length: 60 }, (_, index) =>
      index % 2 === 0 ? sentence('uner-ewt', 'ewt-weblog', index) : sentence('gum', 'gum-court', index),
    );
    const counts = crossValidate(sentences, lexicons, byGenreAndCorpus, { folds: 2, options });
    expect(counts.get('all')?.expected).toBe(120);
    expect(counts.get('uner-ewt')?.expected).toBe(60);
    expect(counts.get('gum')?.expected).toBe(60);
  });
});
