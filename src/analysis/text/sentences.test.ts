import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../../scripts/lib/paths.ts';
import { anyUtf16, messyText } from '../test-support/messy-text.ts';
import { splitSentences } from './sentences.ts';
import { tokenize } from './tokenize.ts';

const sentences = (text: string) => splitSentences(text).map((span) => text.slice(span.start, span.end));

describe('splitSentences', () => {
  it('ends sentences at terminators followed by a capital, a digit or an opening quote', () => {
    expect(sentences('Mr Kovrig was released. The next day, she left! Why? 2021 was long… "Yes," he said.')).toEqual([
      'Mr Kovrig was released.',
      'The next day, she left!',
      'Why?',
      '2021 was long…',
      '"Yes," he said.',
    ]);
  });

  it('does not end sentences at titles, initials or abbreviations inside them', () => {
    expect(
      sentences('Mr. Dong met Dr. Wang and J. K. Rowling on Jan. 5 at No. 10 with Harry S. Truman, e.g. in Ottawa.'),
    ).toHaveLength(1);
    expect(sentences('Apple Inc. Chief Executive Tim Cook spoke. The U.S. Senate voted.')).toEqual([
      'Apple Inc. Chief Executive Tim Cook spoke.',
      'The U.S. Senate voted.',
    ]);
  });

  it('lets an abbreviation end a sentence before a word that opens one', () => {
    expect(sentences('He works for Acme Inc. The firm denied it. She moved to the U.S. He stayed.')).toEqual([
      'He works for Acme Inc.',
      'The firm denied it.',
      'She moved to the U.S.',
      'He stayed.',
    ]);
  });

  it('keeps closing quotes and brackets with the sentence they close', () => {
    expect(sentences('"What has been reported is false." He left. (It was late.) Then “more.” Done.')).toEqual([
      '"What has been reported is false."',
      'He left.',
      '(It was late.)',
      'Then “more.”',
      'Done.',
    ]);
  });

  it('does not end a sentence before a lower-case word or a comma', () => {
    expect(sentences('"Is it true?" he asked. It was 3.5 per cent... or so.')).toEqual([
      '"Is it true?" he asked.',
      'It was 3.5 per cent... or so.',
    ]);
  });

  it('always ends a sentence at a blank line', () => {
    expect(sentences('ALSO READ | Canada assures safety\n\nThe MP denied it')).toEqual([
      'ALSO READ | Canada assures safety',
      'The MP denied it',
    ]);
  });

  it('splits text in unspaced scripts and in right-to-left scripts', () => {
    expect(sentences('他来了。她走了！')).toEqual(['他来了。', '她走了！']);
    expect(sentences('هل هو صحيح؟ نعم.')).toEqual(['هل هو صحيح؟', 'نعم.']);
  });

  it('splits the seed article into its sentences', () => {
    const html = readFileSync(join(fixturesDir, 'bbc-han-dong.html'), 'utf8');
    const paragraph = /<p>(Mr Kovrig and Mr Spavor were released[^<]*)<\/p>/.exec(html)?.[1] ?? '';
    expect(sentences(paragraph)).toEqual([
      'Mr Kovrig and Mr Spavor were released on 24 September, 2021.',
      'The following day, Ms Wanzhou was released from detention in Canada and returned to China following a deal with US prosecutors.',
    ]);
  });

  it('returns nothing for text without tokens', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\n\u0000 ')).toEqual([]);
  });

  it('puts every token in exactly one sentence, in order, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(messyText(), anyUtf16()), (text) => {
        const tokens = tokenize(text);
        const spans = splitSentences(text, tokens);
        let index = 0;
        let previousEnd = 0;
        for (const span of spans) {
          expect(span.start).toBeGreaterThanOrEqual(previousEnd);
          expect(span.start).toBe(tokens[index]?.start);
          while (index < tokens.length && tokens[index]!.end <= span.end) index++;
          expect(span.end).toBe(tokens[index - 1]?.end);
          previousEnd = span.end;
        }
        expect(index).toBe(tokens.length);
      }),
      { numRuns: 500 },
    );
  });

  it('splits megabytes of text', () => {
    const text = 'Mr. Dong said it is false. "No." '.repeat(30_000);
    expect(splitSentences(text)).toHaveLength(60_000);
    expect(splitSentences('.'.repeat(1_000_000))).toHaveLength(1);
  });
});
