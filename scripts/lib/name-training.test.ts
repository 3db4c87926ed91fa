import { describe, expect, it } from 'vitest';
import { createPersonNameFinder } from '../../src/analysis/names/find-person-names.ts';
import { frontCode } from '../../src/analysis/names/front-coding.ts';
import { NameModel, nameModelVersion } from '../../src/analysis/names/name-model.ts';
import { testGazetteer } from '../../src/analysis/test-support/test-gazetteer.ts';
import { tokenize } from '../../src/analysis/text/tokenize.ts';
import {
  commonWords,
  defaultTrainingOptions,
  goldTags,
  type LabelledText,
  quantise,
  trainNameModel,
  withNamesSwapped,
} from './name-training.ts';
import { seededRandom } from './seeded-random.ts';

const lexicons = testGazetteer({
  given: 'anna\nboris\ncarla\ndmitri',
  title: 'mr\nms\ndr',
  place: 'paris\nlondon\nberlin',
});

/** Sentences about made-up people, with the spans of their names. */
function corpus(count: number, seed: number): LabelledText[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const given = ['Anna', 'Boris', 'Carla', 'Dmitri', 'Elena', 'Farid'];
  const surnames = ['Petrova', 'Ivanov', 'Kowalczyk', 'Haddad', 'Okafor', 'Lindqvist', 'Marsh'];
  const places = ['Paris', 'London', 'Berlin', 'the Senate', 'the Bank'];
  const texts: LabelledText[] = [];
  for (let index = 0; index < count; index++) {
    const full = `${pick(given)} ${pick(surnames)}`;
    const surname = pick(surnames);
    const place = pick(places);
    const text = `In ${place}, ${full} met Mr ${surname}, who said the plan was good.`;
    const fullStart = text.indexOf(full);
    const surnameStart = text.indexOf(`Mr ${surname}`) + 3;
    texts.push({
      text,
      people: [
        { start: fullStart, end: fullStart + full.length },
        { start: surnameStart, end: surnameStart + surname.length },
      ],
    });
  }
  return texts;
}

describe('name model training', () => {
  it('tags B on a name’s first token, I on the rest, O elsewhere', () => {
    const text = 'Mr Han Dong said.';
    expect(goldTags(tokenize(text), [{ start: 3, end: 11 }])).toEqual([0, 1, 2, 0, 0]);
  });

  it('counts the words written in lower case often enough to be common', () => {
    expect(commonWords([{ text: 'the cat and the Dog. The dog and the cat.', people: [] }], 2)).toBe(
      frontCode(['and', 'cat', 'the']),
    );
  });

  it('prunes small weights and keeps the others to within half a quantisation step', () => {
    const weights = new Map([
      ['w=dong', Float64Array.from([-2, 5.5, 0])],
      ['pw|sh=mr Xx', Float64Array.from([1.25, -3, 0.5])],
      ['w=the', Float64Array.from([0.1, -0.2, 0])],
    ]);
    const quantised = quantise(weights, 1);
    expect(quantised.features).toEqual({ 'pw|sh': frontCode(['mr Xx']), w: frontCode(['dong']) });
    const model = new NameModel({ version: nameModelVersion, ...quantised, gazetteer: lexicons });
    const scores = new Float64Array(3);
    model.add(scores, 0, 'pw|sh', 'mr', 'Xx');
    [1.25, -3, 0.5].forEach((weight, tag) =>
      expect(Math.abs((scores[tag] as number) - weight)).toBeLessThanOrEqual(quantised.scale / 2),
    );
  });

  it('learns to find names it has never seen from where they stand, and gives the same model every time', () => {
    const training = corpus(300, 1);
    // Only what the sentences themselves teach: no news sentences (see news-sentences.test.ts).
    const options = { ...defaultTrainingOptions, epochs: 5, newsSentences: 0 };
    const report = trainNameModel(training, lexicons, options);
    expect(trainNameModel(training, lexicons, options).model).toEqual(report.model);
    expect(report.misaligned).toBe(0);
    const findPersonNames = createPersonNameFinder(report.model);
    const found = findPersonNames('In Berlin, Grete Vasquez met Ms Oyelaran, who said the plan was good.');
    expect(found.map((name) => name.text)).toEqual(['Grete Vasquez', 'Oyelaran']);
  });

  it('swaps each name for another of as many words, keeping the text around it and its spans right', () => {
    const text = "In Paris, Anna Petrova met Haddad's lawyer.";
    const swapped = withNamesSwapped(
      [
        {
          text,
          people: [
            { start: 10, end: 22 },
            { start: 27, end: 33 },
          ],
        },
        { text: 'Nobody here.', people: [] },
      ],
      ['Boris Ivanov', 'Carla Marsh', 'Okafor'],
      seededRandom(3),
    );
    expect(swapped).toHaveLength(1);
    const [{ text: written, people } = { text: '', people: [] }] = swapped;
    const names = people.map((span) => written.slice(span.start, span.end));
    expect(['Boris Ivanov', 'Carla Marsh']).toContain(names[0]);
    expect(['Ivanov', 'Marsh', 'Okafor']).toContain(names[1]);
    expect(written).toBe(`In Paris, ${names[0]} met ${names[1]}'s lawyer.`);
  });

  it('shuffles the same way for the same seed', () => {
    const first = seededRandom(7);
    const second = seededRandom(7);
    const values = Array.from({ length: 5 }, () => first());
    expect(values).toEqual(Array.from({ length: 5 }, () => second()));
    for (const value of values) expect(value >= 0 && value < 1).toBe(true);
  });
});
