/**
 * fast-check arbitraries for the text the analysis must survive: news prose mixed with every kind of
 * trouble a page can hold (markup, URLs, emoji, other scripts, control characters, lone surrogates).
 * For property tests only.
 */
import fc from 'fast-check';

const pieces = [
  'Han',
  'Dong',
  "Dong's",
  'Dong’s',
  'Mr',
  'Mr.',
  'Dr.',
  'U.S.',
  'J.',
  'K.',
  'Bailey-Ross',
  "O'Brien",
  'Zoë',
  'Ångström',
  'the',
  'said',
  'allegedly',
  'Prime Minister',
  'Liberal Party',
  '2021',
  '1,000',
  '3.5',
  '.',
  '. ',
  ',',
  '!',
  '?',
  '…',
  '...',
  '"',
  '“',
  '”',
  "'",
  '’',
  '(',
  ')',
  '-',
  '—',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\t',
  '\u00a0',
  '\u2029',
  'https://example.com/a_(b)',
  'www.bbc.co.uk.',
  'someone@example.org',
  '@handle',
  '#tag',
  '@',
  '#',
  '👍🏽',
  '🇨🇦',
  '👨‍👩‍👧',
  '\ufe0f',
  '\u200d',
  '习近平',
  '。',
  'مرحبا',
  'שלום',
  '\u0000',
  '\u0007',
  '\u001b',
  '\ud800',
  '\udfff',
  '\u00ad',
  '\u200b',
  '<p class="x">',
  '</p>',
  '&amp;',
];

/** News-like text made of the pieces above, with arbitrary code points thrown in. */
export const messyText = (maxLength = 60): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pieces) }, fc.string({ unit: 'binary', maxLength: 3 })),
      {
        maxLength,
      },
    )
    .map((parts) => parts.join(''));

/** Any sequence of UTF-16 code units, lone surrogates included. */
export const anyUtf16 = (maxLength = 80): fc.Arbitrary<string> =>
  fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength }).map((codes) => String.fromCharCode(...codes));

/** News-like text, arbitrary code units, or arbitrary code points: what property tests feed the analysis. */
export const anyText = (): fc.Arbitrary<string> => fc.oneof(messyText(), anyUtf16(), fc.string({ unit: 'binary' }));
