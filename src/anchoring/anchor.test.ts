import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorSelectors } from './anchor.ts';
import { describeSpan } from './describe.ts';

const article = [
  'Han Dong has been accused of lobbying a Chinese diplomat to keep two Canadians imprisoned in Beijing.',
  "On Wednesday, Mr Dong said that he will leave Prime Minister Justin Trudeau's governing Liberal Party to sit as an independent.",
  'Mr Dong has denied the allegations against him.',
  "In a report published by Canadian media outlet Global News citing anonymous national security sources, Mr Dong was accused of suggesting to China's consul-general in Toronto, Han Tao, that the release of two imprisoned Canadians should be delayed.",
  'Mr Kovrig and Mr Spavor were released on 24 September, 2021.',
].join('\n\n');

function spanOf(text: string, phrase: string, occurrence = 0) {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(phrase, start + 1);
  if (start < 0) throw new Error(`"${phrase}" not in the text`);
  return { start, end: start + phrase.length };
}

describe('anchorSelectors', () => {
  it('finds an unchanged quote where it was', () => {
    const span = spanOf(article, 'denied the allegations');
    expect(anchorSelectors(article, describeSpan(article, span))).toEqual({
      status: 'anchored',
      span,
      exact: true,
      confidence: 1,
    });
  });

  it('tells repeated words apart by their context, not only by position', () => {
    // The third "Mr Dong"; the text before it grows, so the remembered position now points elsewhere.
    const span = spanOf(article, 'Mr Dong', 2);
    const selectors = describeSpan(article, span);
    const edited = `Updated: ${article.replace('On Wednesday', 'On Wednesday evening')}`;
    const anchored = anchorSelectors(edited, selectors);
    expect(anchored).toMatchObject({ status: 'anchored', exact: true });
    if (anchored.status !== 'anchored') return;
    expect(anchored.span).toEqual(spanOf(edited, 'Mr Dong', 2));
  });

  it('follows a quote that was edited a little', () => {
    const selectors = describeSpan(article, spanOf(article, 'lobbying a Chinese diplomat to keep two Canadians'));
    const edited = article.replace('lobbying a Chinese diplomat', 'lobbying a senior Chinese diplomat');
    const anchored = anchorSelectors(edited, selectors);
    expect(anchored).toMatchObject({ status: 'anchored', exact: false });
    if (anchored.status !== 'anchored') return;
    expect(edited.slice(anchored.span.start, anchored.span.end)).toMatch(/^lobbying a senior Chinese diplomat/);
    expect(anchored.confidence).toBeGreaterThan(0.8);
  });

  it('follows a short quote that gained a word, where the text either side is unchanged', () => {
    const selectors = describeSpan(article, spanOf(article, 'lobbying a Chinese diplomat'));
    const edited = article.replace('lobbying a Chinese diplomat', 'lobbying a senior Chinese diplomat');
    const anchored = anchorSelectors(edited, selectors);
    if (anchored.status !== 'anchored') throw new Error(`orphaned: ${anchored.reason}`);
    expect(edited.slice(anchored.span.start, anchored.span.end)).toBe('lobbying a senior Chinese diplomat');
  });

  it('orphans a short quote rewritten beyond recognition, even where the text either side is unchanged', () => {
    const selectors = describeSpan(article, spanOf(article, 'lobbying a Chinese diplomat'));
    const edited = article.replace('lobbying a Chinese diplomat', 'pressing an official of Beijing');
    expect(anchorSelectors(edited, selectors)).toMatchObject({ status: 'orphaned' });
  });

  it('prefers the edited place its context points to over the same words verbatim elsewhere', () => {
    // The reader noted "Mr Dong was accused"; the sentence now says "Mr Dong is accused", and "Mr Dong"
    // alone still stands verbatim in other sentences.
    const selectors = describeSpan(article, spanOf(article, 'Mr Dong was accused of suggesting'));
    const edited = article.replace('Mr Dong was accused of suggesting', 'Mr Dong is accused of suggesting');
    const anchored = anchorSelectors(edited, selectors);
    if (anchored.status !== 'anchored') throw new Error(`orphaned: ${anchored.reason}`);
    expect(anchored.span.start).toBe(edited.indexOf('Mr Dong is accused'));
  });

  it('orphans a short quote whose sentence was removed, even though the words occur elsewhere', () => {
    const selectors = describeSpan(article, spanOf(article, 'Mr Dong', 1));
    const edited = article.replace(/Mr Dong has denied the allegations against him\.\n\n/, '');
    expect(anchorSelectors(edited, selectors)).toEqual({ status: 'orphaned', reason: 'not-found' });
  });

  it('orphans a quote that is gone', () => {
    const selectors = describeSpan(article, spanOf(article, 'released on 24 September, 2021'));
    const edited = article.replace('Mr Kovrig and Mr Spavor were released on 24 September, 2021.', 'A later update.');
    expect(anchorSelectors(edited, selectors)).toMatchObject({ status: 'orphaned' });
  });

  it('places a long verbatim quote found once even when its surroundings were rewritten', () => {
    const quote = 'that the release of two imprisoned Canadians should be delayed';
    const selectors = describeSpan(article, spanOf(article, quote));
    const edited = `Something else entirely, ${quote}; and a new ending.`;
    expect(anchorSelectors(edited, selectors)).toMatchObject({ status: 'anchored', span: spanOf(edited, quote) });
  });

  it('orphans rather than guess between identical repeats when nothing tells them apart', () => {
    const text = 'He said no. He said no. He said no.';
    const { quote } = describeSpan(text, spanOf(text, 'said no', 1));
    const moved = `Then: ${text} Then: ${text}`;
    expect(anchorSelectors(moved, { quote })).toEqual({ status: 'orphaned', reason: 'ambiguous' });
  });

  it('orphans an empty or blank quote', () => {
    expect(anchorSelectors(article, describeSpan(article, { start: 5, end: 5 }))).toEqual({
      status: 'orphaned',
      reason: 'empty-quote',
    });
    expect(
      anchorSelectors(article, { quote: { type: 'TextQuoteSelector', exact: '  ', prefix: '', suffix: '' } }),
    ).toMatchObject({ status: 'orphaned', reason: 'empty-quote' });
  });

  it('places a quote that is the whole text', () => {
    expect(anchorSelectors('Han Tao', describeSpan('Han Tao', { start: 0, end: 7 }))).toMatchObject({
      status: 'anchored',
      span: { start: 0, end: 7 },
    });
  });
});

describe('describeSpan', () => {
  it('keeps 32 characters of context either side, and the position', () => {
    const span = spanOf(article, 'Justin Trudeau');
    const { quote, position } = describeSpan(article, span);
    expect(quote.exact).toBe('Justin Trudeau');
    expect(quote.prefix).toBe(article.slice(span.start - 32, span.start));
    expect(quote.suffix).toBe(article.slice(span.end, span.end + 32));
    expect(position).toEqual({ type: 'TextPositionSelector', ...span });
  });

  it('clamps a span that reaches past the text and puts reversed ends in order', () => {
    expect(describeSpan('abc', { start: 2, end: 10 }).quote.exact).toBe('c');
    expect(describeSpan('abcdef', { start: 4, end: 1 }).position).toMatchObject({ start: 1, end: 4 });
  });
});

describe('anchoring properties', () => {
  const words = fc.constantFrom('Han', 'Dong', 'Tao', 'said', 'the', 'report', 'denied', 'Canada', 'MP', '2021', ',');
  const prose = fc.array(words, { minLength: 8, maxLength: 120 }).map((list) => list.join(' '));
  const textAndSpan = prose.chain((text) =>
    fc
      .tuple(fc.nat(text.length - 1), fc.integer({ min: 1, max: 40 }))
      .map(([start, length]) => ({ text, span: { start, end: Math.min(text.length, start + length) } }))
      .filter(({ text, span }) => text.slice(span.start, span.end).trim() !== ''),
  );

  it('finds any span of an unchanged text where it was', () => {
    fc.assert(
      fc.property(textAndSpan, ({ text, span }) => {
        expect(anchorSelectors(text, describeSpan(text, span))).toMatchObject({ status: 'anchored', span });
      }),
    );
  });

  it('finds a span again after text is added before it; only an identical repeat can take its place', () => {
    fc.assert(
      fc.property(textAndSpan, prose, ({ text, span }, added) => {
        const selectors = describeSpan(text, span);
        const edited = `${added}\n\n${text}`;
        const shift = added.length + 2;
        const anchored = anchorSelectors(edited, selectors);
        if (span.start < 32) return; // Part of the remembered prefix was the start of the text: it changed.
        if (anchored.status !== 'anchored') throw new Error(`orphaned: ${anchored.reason}`);
        if (anchored.span.start === span.start + shift) return;
        // Another place with the same words and the same context either side is indistinguishable.
        expect(describeSpan(edited, anchored.span).quote).toEqual(selectors.quote);
      }),
    );
  });

  it('follows a quote with one character changed inside it', () => {
    const longSpans = textAndSpan.filter(({ span }) => span.end - span.start >= 20);
    fc.assert(
      fc.property(longSpans, fc.nat(), ({ text, span }, at) => {
        const selectors = describeSpan(text, span);
        const changedAt = span.start + 1 + (at % (span.end - span.start - 2));
        const edited = `${text.slice(0, changedAt)}#${text.slice(changedAt + 1)}`;
        const anchored = anchorSelectors(edited, selectors);
        if (anchored.status !== 'anchored') throw new Error(`orphaned: ${anchored.reason}`);
        expect(Math.abs(anchored.span.start - span.start)).toBeLessThanOrEqual(1);
        expect(Math.abs(anchored.span.end - span.end)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('never places a quote on text that agrees with neither the quote nor its context', () => {
    const unrelated = fc.stringMatching(/^[xyzq ]{0,300}$/);
    fc.assert(
      fc.property(textAndSpan, unrelated, ({ text, span }, other) => {
        expect(anchorSelectors(other, describeSpan(text, span)).status).toBe('orphaned');
      }),
    );
  });

  it('returns an answer for any input without throwing', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.string(),
        fc.string(),
        fc.option(fc.nat()),
        (text, exact, prefix, suffix, start) => {
          const position =
            start === null ? undefined : { type: 'TextPositionSelector' as const, start, end: start + exact.length };
          const anchored = anchorSelectors(text, {
            quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
            position,
          });
          if (anchored.status === 'anchored') {
            expect(anchored.span.start).toBeGreaterThanOrEqual(0);
            expect(anchored.span.end).toBeLessThanOrEqual(text.length);
            expect(anchored.span.end).toBeGreaterThan(anchored.span.start);
          }
        },
      ),
    );
  });
});
