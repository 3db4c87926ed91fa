import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../../scripts/lib/paths.ts';
import { anyText } from '../test-support/messy-text.ts';
import { splitSentences } from './sentences.ts';
import { tokenize } from './tokenize.ts';

/** The sentences, separated by " | ". */
const sentences = (text: string) =>
  splitSentences(text)
    .map((span) => text.slice(span.start, span.end))
    .join(' | ');

// What the splitter must do, each with a text and its sentences separated by " | ".
const cases: [rule: string, text: string, sentences: string][] = [
  [
    'ends sentences at terminators before a capital, a digit or a quote',
    'Mr Kovrig was released. The next day, she left! Why? 2021 was long… "Yes," he said.',
    'Mr Kovrig was released. | The next day, she left! | Why? | 2021 was long… | "Yes," he said.',
  ],
  [
    'not at titles, initials or abbreviations inside a sentence',
    'Mr. Dong met Dr. Wang and J. K. Rowling on Jan. 5 at No. 10 with Harry S. Truman, e.g. in Ottawa.',
    'Mr. Dong met Dr. Wang and J. K. Rowling on Jan. 5 at No. 10 with Harry S. Truman, e.g. in Ottawa.',
  ],
  [
    'nor at one before a name',
    'Apple Inc. Chief Executive Tim Cook spoke. The U.S. Senate voted.',
    'Apple Inc. Chief Executive Tim Cook spoke. | The U.S. Senate voted.',
  ],
  [
    'but at one before a word that opens sentences',
    'He works for Acme Inc. The firm denied it. She moved to the U.S. He stayed.',
    'He works for Acme Inc. | The firm denied it. | She moved to the U.S. | He stayed.',
  ],
  [
    'keeps closing quotes and brackets with their sentence',
    '"What has been reported is false." He left. (It was late.) Then “more.” Done.',
    '"What has been reported is false." | He left. | (It was late.) | Then “more.” | Done.',
  ],
  [
    'does not end before a lower-case word',
    '"Is it true?" he asked. It was 3.5 per cent... or so.',
    '"Is it true?" he asked. | It was 3.5 per cent... or so.',
  ],
  [
    'always ends at a blank line',
    'ALSO READ | Canada assures safety\n\nThe MP',
    'ALSO READ | Canada assures safety | The MP',
  ],
  ['splits unspaced scripts', '他来了。她走了！', '他来了。 | 她走了！'],
  ['and right-to-left scripts', 'هل هو صحيح؟ نعم.', 'هل هو صحيح؟ | نعم.'],
];

describe('splitSentences', () => {
  it.each(cases)('%s', (_rule, text, expected) => expect(sentences(text)).toBe(expected));

  it('splits the seed article into its sentences', () => {
    const html = readFileSync(join(fixturesDir, 'bbc-han-dong.html'), 'utf8');
    const paragraph = /<p>(Mr Kovrig and Mr Spavor were released[^<]*)<\/p>/.exec(html)?.[1] ?? '';
    expect(sentences(paragraph)).toBe(
      'Mr Kovrig and Mr Spavor were released on 24 September, 2021. | The following day, Ms Wanzhou was ' +
        'released from detention in Canada and returned to China following a deal with US prosecutors.',
    );
  });

  it('returns nothing for text without tokens', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\n\u0000 ')).toEqual([]);
  });

  it('puts every token in exactly one sentence, in order, whatever the text', () => {
    fc.assert(
      fc.property(anyText(), (text) => {
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
