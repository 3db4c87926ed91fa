import { describe, expect, it } from 'vitest';
import { analysisSteps } from './analyse.ts';
import type { PersonNameFinder } from './names/find-person-names.ts';
import { nameListFinder } from './test-support/name-list-finder.ts';
import type { ArticleInput, DocumentAnalysis } from './types.ts';

const paragraph = 'Mr Dong has denied the allegations against him, his office said on Wednesday in Ottawa. ';
const longArticle: ArticleInput = {
  blocks: [
    { kind: 'headline', text: 'Han Dong quits over allegations' },
    { kind: 'paragraph', text: `Han Dong was accused of lobbying. ${paragraph.repeat(400)}` },
    { kind: 'paragraph', text: 'He denied it.' },
  ],
  metadata: {},
};

function run(input: ArticleInput, finder: PersonNameFinder): { analysis: DocumentAnalysis; steps: number } {
  const steps = analysisSteps(input, finder);
  for (let count = 1; ; count++) {
    const step = steps.next();
    if (step.done) return { analysis: step.value, steps: count };
  }
}

describe('analysisSteps', () => {
  it('reads a bounded piece of text per step, however long the article', () => {
    const pieces: string[][] = [];
    const names = nameListFinder(['Han Dong', 'Dong']);
    const steps = analysisSteps(longArticle, (text, segmentation) => {
      pieces.at(-1)?.push(text);
      return names(text, segmentation);
    });
    for (let step = steps.next(); !step.done; step = steps.next()) pieces.push([]);
    const read = pieces.flat();
    expect(read.join('')).toBe(longArticle.blocks.map((block) => block.text).join(''));
    expect(Math.max(...read.map((text) => text.length))).toBeLessThanOrEqual(3000);
    expect(pieces.every((step) => step.length <= 1)).toBe(true);
    expect(read.length).toBeGreaterThan(8);
  });

  it('gives the same analysis as text read in one go would', () => {
    const { analysis, steps } = run(longArticle, nameListFinder(['Han Dong', 'Dong']));
    expect(steps).toBeGreaterThan(10);
    expect(analysis.people.map((person) => person.name)).toEqual(['Han Dong']);
    expect(analysis.people[0]?.mentions).toHaveLength(402);
    expect(analysis.allegations.map((allegation) => allegation.stance)).toEqual([
      'alleged',
      'accused',
      ...Array<string>(400).fill('denied'),
      'denied',
    ]);
    for (const mention of analysis.people[0]?.mentions ?? [])
      expect(analysis.text.slice(mention.start, mention.end)).toBe(mention.text);
  });

  it('joins the blocks with a blank line and keeps each block’s span', () => {
    const { analysis } = run(
      {
        blocks: [
          { kind: 'headline', text: 'A' },
          { kind: 'byline', text: 'By B' },
          { kind: 'paragraph', text: '' },
        ],
        metadata: {},
      },
      nameListFinder([]),
    );
    expect(analysis.text).toBe('A\n\nBy B\n\n');
    expect(analysis.blocks).toEqual([
      { kind: 'headline', start: 0, end: 1 },
      { kind: 'byline', start: 3, end: 7 },
      { kind: 'paragraph', start: 9, end: 9 },
    ]);
  });
});
