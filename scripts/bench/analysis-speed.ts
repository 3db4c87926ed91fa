/**
 * Speed of the whole per-document analysis on the article text of the saved news pages (extracted
 * as the extension extracts them), against compromise's people() on the same text; the longest
 * single page (the background's work for one page read); and the time per megabyte at 1, 2 and
 * 4 MB of prose, which is flat when the analysis is linear.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import nlp from 'compromise';
import { analyseArticle } from '../../src/analysis/index.ts';
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

  const perPage = inputs.map((input, index) => ({
    page: pages[index]?.name ?? String(index),
    ms: timed(() => analyseArticle(input)) * 1000,
  }));
  const longest = perPage.reduce((a, b) => (b.ms > a.ms ? b : a));
  const middle = median(perPage.map((entry) => entry.ms));

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
      'One page’s analysis runs in the background (the page only sends its snapshot): its time per page.',
      '',
      markdownTable(
        ['', 'ms', 'page'],
        [
          ['median page', middle.toFixed(1), ''],
          ['longest page', longest.ms.toFixed(1), longest.page],
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
