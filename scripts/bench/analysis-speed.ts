/**
 * Speed of the whole per-document analysis on the article text of the saved news pages (extracted
 * as the extension extracts them), against compromise's people() on the same text; the longest
 * step `analyseInSteps` takes (the page yields to the browser between steps); and the time per
 * megabyte at 1, 2 and 4 MB of prose, which is flat when the analysis is linear.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import nlp from 'compromise';
import { analyseArticle, analyseInSteps } from '../../src/analysis/index.ts';
import type { ArticleInput } from '../../src/analysis/types.ts';
import { articleFromHtml } from '../lib/article-files.ts';
import { type BenchSection, type BenchSuite, markdownTable } from '../lib/bench-report.ts';
import { newsPages } from '../lib/shared-data.ts';

const rounds = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** The median time of `run` over a few rounds, in seconds, after one round to warm up. */
function timed(run: () => void, count = rounds): number {
  run();
  const times: number[] = [];
  for (let round = 0; round < count; round++) {
    const start = performance.now();
    run();
    times.push((performance.now() - start) / 1000);
  }
  return median(times);
}

const textOf = (input: ArticleInput) => input.blocks.map((block) => block.text).join('\n\n');
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;
const thousands = (value: number) => Math.round(value).toLocaleString('en-GB');

/**
 * The longest step of the stepwise analysis of one article, in milliseconds: the least of a few runs,
 * so that a garbage collection landing in one step of one run does not count as the step's own time.
 */
function longestStep(input: ArticleInput): number {
  const longest: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const steps = analyseInSteps(input);
    let slowest = 0;
    for (let done = false; !done;) {
      const start = performance.now();
      done = steps.next().done === true;
      slowest = Math.max(slowest, performance.now() - start);
    }
    longest.push(slowest);
  }
  return Math.min(...longest);
}

/** Prose of about `bytes` characters, made of the articles' own paragraphs over and over. */
function proseOf(inputs: readonly ArticleInput[], bytes: number): ArticleInput {
  const paragraphs = inputs.flatMap((input) => input.blocks.filter((block) => block.kind === 'paragraph'));
  const blocks: ArticleInput['blocks'] = [];
  let length = 0;
  for (let index = 0; length < bytes; index++) {
    const block = paragraphs[index % paragraphs.length] as ArticleInput['blocks'][number];
    blocks.push(block);
    length += block.text.length + 2;
  }
  return { blocks, metadata: {} };
}

/** Synchronous measurement: nothing to await, and timings free of event-loop turns. */
function measure(): BenchSection {
  const title = 'Analysis: speed';
  const pages = newsPages();
  if (!pages) {
    return {
      title,
      body: 'Skipped: the saved news pages (`../shared/news-pages`, or `$CROSSCHECK_SHARED/news-pages`) are not on this machine.',
    };
  }
  const inputs = pages
    .map((page) => articleFromHtml(readFileSync(page.htmlPath, 'utf8'), pathToFileURL(page.htmlPath).href))
    .filter((input): input is ArticleInput => input !== null);
  const texts = inputs.map(textOf);
  const words = texts.reduce((sum, text) => sum + wordCount(text), 0);

  const engine = timed(() => {
    for (const input of inputs) analyseArticle(input);
  });
  const baseline = timed(() => {
    for (const text of texts) nlp(text).people().out('array');
  });

  const steps = inputs.map((input, index) => ({
    page: pages[index]?.name ?? String(index),
    longest: longestStep(input),
    whole: timed(() => analyseArticle(input)) * 1000,
  }));
  const worst = steps.reduce((a, b) => (b.longest > a.longest ? b : a));
  const longestWhole = steps.reduce((a, b) => (b.whole > a.whole ? b : a));

  const megabyte = 1024 * 1024;
  const scaling = [1, 2, 4].map((size) => {
    const input = proseOf(inputs, size * megabyte);
    return { size, seconds: timed(() => analyseArticle(input), 3) };
  });
  const perMegabyte = (entry: { size: number; seconds: number }) => entry.seconds / entry.size;
  const base = perMegabyte(scaling[0] as { size: number; seconds: number });

  return {
    title,
    body: [
      `${inputs.length} articles, ${thousands(words)} words (whitespace-separated), median of ${rounds} runs on one thread.`,
      '',
      markdownTable(
        ['', 'words/s', 'vs compromise'],
        [
          [
            'Crosscheck: full analysis (names, aliases, titles, allegations)',
            thousands(words / engine),
            `${(baseline / engine).toFixed(2)}×`,
          ],
          ['baseline: compromise `people()`', thousands(words / baseline), '1.00×'],
        ],
      ),
      '',
      'The page runs `analyseInSteps` and yields to the browser between steps (its budget: no task over 50 ms).',
      'Baseline: the same analysis in one go, as `analyseArticle` runs it.',
      '',
      markdownTable(
        ['', 'ms', 'page'],
        [
          ['longest step, any page', worst.longest.toFixed(1), worst.page],
          ['that page in one go', worst.whole.toFixed(1), worst.page],
          ['longest page in one go', longestWhole.whole.toFixed(1), longestWhole.page],
          ['its longest step', longestWhole.longest.toFixed(1), longestWhole.page],
        ],
      ),
      '',
      'Scaling: time per megabyte of prose (the articles’ paragraphs repeated), median of 3 runs, against the 1 MB run.',
      '',
      markdownTable(
        ['text', 'seconds', 'seconds per MB', 'vs 1 MB'],
        scaling.map((entry) => [
          `${entry.size} MB`,
          entry.seconds.toFixed(2),
          perMegabyte(entry).toFixed(2),
          `${(perMegabyte(entry) / base).toFixed(2)}×`,
        ]),
      ),
    ].join('\n'),
  };
}

const suite: BenchSuite = () => Promise.resolve(measure());

export default suite;
