/**
 * The person-name recogniser's figures, each beside compromise's `people()` measured in the same run:
 *   - exact-span precision, recall and F1 on the evaluation split of ../shared/ner (UNER English PUD),
 *     news and Wikipedia halves, sentence by sentence and excerpt by excerpt (the way the extension
 *     reads a whole article, where a name found once helps find it again);
 *   - tagging speed in words per second on the article text of ../shared/news-pages;
 *   - the tagger's bundle size with its model, minified and gzipped.
 * Without the shared data, the accuracy and speed tables say they were skipped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import nlp from 'compromise';
import { findPersonNames } from '../../src/analysis/names/find-person-names.ts';
import type { Span } from '../../src/analysis/types.ts';
import { articleText } from '../lib/article-text.ts';
import { type BenchSuite, markdownTable } from '../lib/bench-report.ts';
import { bundleSize } from '../lib/bundle-size.ts';
import { excerpts, readEvalSplit } from '../lib/ner-data.ts';
import { repoRoot } from '../lib/paths.ts';
import { newsPages } from '../lib/shared-data.ts';
import { countSpans, noCounts, scores, type SpanCounts } from '../lib/span-scores.ts';

type Tagger = (text: string) => Span[];

const taggers: [string, Tagger][] = [
  ['Crosscheck tagger', (text) => findPersonNames(text)],
  [
    'compromise `people()` (baseline)',
    (text) =>
      (nlp(text).people().json({ offset: true }) as { offset: { start: number; length: number } }[]).map(
        ({ offset }) => ({ start: offset.start, end: offset.start + offset.length }),
      ),
  ],
];

function measure(tagger: Tagger, texts: { text: string; people: Span[] }[]): SpanCounts {
  const counts = noCounts();
  for (const { text, people } of texts) countSpans(counts, tagger(text), people);
  return counts;
}

const percent = (value: number) => `${(100 * value).toFixed(1)}%`;

function accuracySection(): string {
  const sentences = readEvalSplit();
  if (!sentences) return '_Accuracy skipped: ../shared/ner (or $CROSSCHECK_SHARED/ner) is not on this machine._';
  const rows: (string | number)[][] = [];
  for (const [domain, label] of [
    ['news', 'news'],
    ['wikipedia', 'Wikipedia'],
    [null, 'all'],
  ] as const) {
    const part = sentences.filter((sentence) => domain === null || sentence.domain === domain);
    for (const [unit, texts] of [
      ['sentence', part],
      ['excerpt', excerpts(part)],
    ] as const) {
      for (const [name, tagger] of taggers) {
        const score = scores(measure(tagger, texts));
        rows.push([
          label,
          unit,
          name,
          score.expected,
          percent(score.precision),
          percent(score.recall),
          `**${percent(score.f1)}**`,
        ]);
      }
    }
  }
  return [
    'Person names, exact spans, on the evaluation split of `../shared/ner` (UNER English PUD; never trained on).',
    '"sentence": each sentence alone; "excerpt": each document\'s consecutive sentences as one text, the way the',
    'extension reads an article.',
    '',
    markdownTable(['text', 'unit', 'tagger', 'names', 'precision', 'recall', 'F1'], rows),
  ].join('\n');
}

/** The fastest of at least 5 passes over the texts, and of as many as 3 seconds allow: the machine may be busy. */
function timeRuns(tagger: Tagger, texts: string[]): number {
  for (const text of texts) tagger(text); // Warm-up: compile, load the model.
  let best = Infinity;
  const started = performance.now();
  for (let run = 0; run < 5 || performance.now() - started < 3000; run++) {
    const passStarted = performance.now();
    for (const text of texts) tagger(text);
    best = Math.min(best, performance.now() - passStarted);
  }
  return best / 1000;
}

function speedSection(): string {
  const pages = newsPages();
  if (!pages) return '_Speed skipped: ../shared/news-pages (or $CROSSCHECK_SHARED/news-pages) is not on this machine._';
  const texts = pages
    .map((page) => articleText(readFileSync(page.htmlPath, 'utf8'), `https://example.com/${page.name}/`))
    .filter((text): text is string => text !== null);
  const words = texts.reduce((total, text) => total + text.split(/\s+/).filter(Boolean).length, 0);
  const timings = taggers.map(([name, tagger]) => [name, timeRuns(tagger, texts)] as const);
  const baseline = timings[1]?.[1] ?? 1;
  return [
    `Tagging the article text of ${texts.length} of the ${pages.length} pages in \`../shared/news-pages\` ` +
      `(${words.toLocaleString('en')} words), one thread, the fastest of at least 5 passes after a warm-up.`,
    '',
    markdownTable(
      ['tagger', 'seconds', 'words/s', 'vs baseline'],
      timings.map(([name, seconds]) => [
        name,
        seconds.toFixed(3),
        Math.round(words / seconds).toLocaleString('en'),
        `${(baseline / seconds).toFixed(1)}×`,
      ]),
    ),
  ].join('\n');
}

async function sizeSection(): Promise<string> {
  const { gzipped: tagger } = await bundleSize(
    `export { findPersonNames } from ${JSON.stringify(join(repoRoot, 'src/analysis/names/find-person-names.ts'))};`,
  );
  const model = gzipSync(readFileSync(join(repoRoot, 'src/analysis/names/model.json')), { level: 9 }).length;
  const { gzipped: baseline } = await bundleSize(
    "import nlp from 'compromise'; export const people = (text: string) => nlp(text).people().json();",
  );
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  return markdownTable(
    ['bundle (esbuild, minified, gzip -9)', 'size', 'vs baseline'],
    [
      [
        'Crosscheck tagger: tokenizer, sentences, features, decoder and model',
        kb(tagger),
        `${(tagger / baseline).toFixed(2)}×`,
      ],
      ['of which the model file (weights and gazetteer)', kb(model), ''],
      ['compromise with `people()` (baseline)', kb(baseline), '1.00×'],
    ],
  );
}

const suite: BenchSuite = async () => ({
  title: 'Analysis: person names',
  body: [
    '### Accuracy',
    '',
    accuracySection(),
    '',
    '### Speed',
    '',
    speedSection(),
    '',
    '### Size',
    '',
    await sizeSection(),
  ].join('\n'),
});

export default suite;
