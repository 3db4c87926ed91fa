import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseArticle, analysisSteps, finish } from './analyse.ts';
import type { PersonNameFinder } from './names/find-person-names.ts';
import { anyUtf16, messyText } from './test-support/messy-text.ts';
import type { ArticleInput, BlockKind, DocumentAnalysis } from './types.ts';

const kinds: BlockKind[] = ['headline', 'standfirst', 'byline', 'dateline', 'caption', 'credit', 'paragraph'];
const article = (text: fc.Arbitrary<string>): fc.Arbitrary<ArticleInput> =>
  fc
    .array(fc.record({ kind: fc.constantFrom(...kinds), text }), { maxLength: 4 })
    .map((blocks) => ({ blocks, metadata: {} }));

/** What every analysis must be, whatever it was given: spans inside the text that say what they cover. */
function expectWellFormed(analysis: DocumentAnalysis): void {
  const ids = new Set(analysis.people.map((person) => person.id));
  expect(ids.size).toBe(analysis.people.length);
  for (const person of analysis.people) {
    expect(person.mentions.length).toBeGreaterThan(0);
    expect(person.variants[0]).toBe(person.name);
    for (const mention of person.mentions) {
      expect(mention.start).toBeGreaterThanOrEqual(0);
      expect(mention.end).toBeLessThanOrEqual(analysis.text.length);
      expect(analysis.text.slice(mention.start, mention.end)).toBe(mention.text);
    }
  }
  for (const allegation of analysis.allegations) {
    expect(analysis.text.slice(allegation.start, allegation.end)).toBe(allegation.text);
    expect(allegation.cue.start).toBeGreaterThanOrEqual(allegation.start);
    expect(allegation.cue.end).toBeLessThanOrEqual(allegation.end);
    expect(allegation.accused.length).toBeGreaterThan(0);
    for (const id of allegation.accused) expect(ids.has(id)).toBe(true);
  }
  for (const group of analysis.groups) for (const id of group.members) expect(ids.has(id)).toBe(true);
}

describe('the analysis of any text', () => {
  it('survives any spans the name tagger could return', () => {
    // Whatever the tagger finds, in whatever text: the rest of the engine must make sense of it.
    fc.assert(
      fc.property(
        article(messyText(40)),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 30 })), { maxLength: 8 }),
        (input, picks) => {
          const finder: PersonNameFinder = (text) =>
            picks
              .map(([at, length]) => ({ start: text.length === 0 ? 0 : at % text.length, length }))
              .map(({ start, length }) => ({ start, end: Math.min(text.length, start + length + 1) }))
              .filter((span) => span.end > span.start)
              .sort((a, b) => a.start - b.start)
              .filter((span, index, all) => index === 0 || span.start >= (all[index - 1] as { end: number }).end)
              .map((span) => ({ ...span, text: text.slice(span.start, span.end) }));
          expectWellFormed(finish(analysisSteps(input, finder)));
        },
      ),
      { numRuns: 120 },
    );
  });

  it('is well formed for news-like text full of trouble', () => {
    fc.assert(
      fc.property(article(fc.oneof(messyText(60), anyUtf16(60))), (input) => {
        const analysis = analyseArticle(input);
        expectWellFormed(analysis);
      }),
      { numRuns: 200 },
    );
  });

  it('returns an empty analysis for nothing', () => {
    expect(analyseArticle({ blocks: [], metadata: {} })).toEqual({
      text: '',
      blocks: [],
      people: [],
      groups: [],
      allegations: [],
    });
  });

  // Linear time is shown by the bench (npm run bench -- analysis-speed); here, that nothing breaks.
  it('reads five megabytes without a space, and long runs of hostile text', () => {
    const kilobytes = (count: number, piece: string) => piece.repeat(Math.ceil((count * 1024) / piece.length));
    const inputs = [
      'x'.repeat(5 * 1024 * 1024),
      kilobytes(64, 'ALLEGEDLY ACCUSED MR DONG DENIED '),
      kilobytes(64, 'مرحبا שלום 习近平。'),
      kilobytes(64, '👍🏽🇨🇦 '),
      kilobytes(64, '<p class="x">Mr &amp; Dong</p>\u0000\u0007'),
      kilobytes(64, 'Allegedly accused alleged allegations '),
      kilobytes(64, 'Han Dong allegedly met Mr Tao, who denied the allegations against him '),
    ];
    for (const text of inputs) {
      const analysis = analyseArticle({ blocks: [{ kind: 'paragraph', text }], metadata: {} });
      expect(analysis.text).toBe(text);
      expectWellFormed(analysis);
    }
  });
});
