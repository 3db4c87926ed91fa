/**
 * The store with 10,000 articles, 200,000 mentions and 20,000 notes: time to ingest one more
 * article, the cross-source lookup for a page, and a full-text search over notes, over
 * fake-indexeddb in Node and over IndexedDB in headless Chromium, each next to a bare IndexedDB
 * get by key measured in the same run. CROSSCHECK_BENCH_SCALE (0 to 1) shrinks the store for a
 * quick look; the figures in BENCHMARKS.md are at full scale.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { type BenchSuite, markdownTable } from '../lib/bench-report.ts';
import { launchChromiumWithExtension } from '../lib/launch.ts';
import { repoRoot } from '../lib/paths.ts';
import {
  benchmarkOptions,
  ingestTargetMs,
  lookupTargetMs,
  runWorkload,
  type Timing,
  type WorkloadFigures,
  type WorkloadOptions,
} from '../lib/store-workload.ts';
import type { RequestCounts } from '../lib/request-counter.ts';
import { CrosscheckDatabase } from '../../src/store/database.ts';
import { memoryIndexedDb } from '../../src/store/test-support.ts';

const log = (where: string) => (message: string) => console.error(`[store ${where}] ${message}`);

function scaled(options: WorkloadOptions): WorkloadOptions {
  const scale = Number(process.env.CROSSCHECK_BENCH_SCALE ?? 1);
  if (!(scale > 0 && scale <= 1)) return options;
  return {
    ...options,
    sources: Math.round(options.sources * scale),
    notes: Math.round(options.notes * scale),
    corpus: { ...options.corpus, people: Math.round(options.corpus.people * scale) },
  };
}

async function inNode(options: WorkloadOptions): Promise<WorkloadFigures> {
  return runWorkload(new CrosscheckDatabase('crosscheck-benchmark', memoryIndexedDb()), options, log('node'));
}

/** The same workload in a page of a throwaway extension, in headless Chromium. */
async function inChromium(options: WorkloadOptions): Promise<WorkloadFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-store-bench-'));
  try {
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({
        manifest_version: 3,
        name: 'Crosscheck store benchmark',
        version: '1.0',
        permissions: ['unlimitedStorage'],
        background: { service_worker: 'background.js' },
      }),
    );
    writeFileSync(join(dir, 'background.js'), '');
    writeFileSync(join(dir, 'bench.html'), '<!doctype html><meta charset="utf-8"><script src="bench.js"></script>');
    await esbuild.build({
      absWorkingDir: repoRoot,
      entryPoints: ['scripts/lib/store-workload-page.ts'],
      outfile: join(dir, 'bench.js'),
      bundle: true,
      format: 'iife',
      target: 'chrome111',
      minify: true,
      logLevel: 'warning',
    });
    const chromium = await launchChromiumWithExtension({ extensionDir: dir, headless: true });
    try {
      const page = await chromium.context.newPage();
      page.on('console', (message) => log('chromium')(message.text()));
      await page.goto(chromium.pageUrl('bench.html'));
      return await page.evaluate((workload) => globalThis.runStoreWorkload(workload), options);
    } finally {
      await chromium.context.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
const against = (value: number, baseline: number) =>
  `${ms(value)} (${(value / Math.max(baseline, 1e-3)).toFixed(0)}× a bare get)`;
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const requestsOf = ({ reads, writes, readBytes, writtenBytes }: RequestCounts) =>
  `${reads.toFixed(1)} reads, ${writes.toFixed(1)} writes; ${kB(readBytes)} read, ${kB(writtenBytes)} written (as JSON)`;
const percentiles = (timing: Timing, baseline: Timing) =>
  `p50 ${against(timing.p50, baseline.p50)}, p95 ${against(timing.p95, baseline.p95)}`;

const suite: BenchSuite = async () => {
  const options = scaled(benchmarkOptions);
  const node = await inNode(options);
  const chromium = await inChromium(options);
  const column = (figures: WorkloadFigures) => [
    `${figures.counts.sources.toLocaleString('en')} sources, ${figures.counts.mentions.toLocaleString('en')} mentions, ${figures.counts.people.toLocaleString('en')} people, ${figures.counts.claims.toLocaleString('en')} claims, ${figures.counts.notes.toLocaleString('en')} notes (filled in ${figures.fillSeconds.toFixed(0)} s)`,
    `p50 ${ms(figures.bareGet.p50)}, p95 ${ms(figures.bareGet.p95)}`,
    `${percentiles(figures.ingest, figures.bareGet)}; slowest ${ms(figures.ingest.slowest)}, ${figures.ingest.overTarget} of ${figures.ingest.runs} over ${ingestTargetMs} ms`,
    requestsOf(figures.ingestRequests),
    percentiles(figures.lookup, figures.bareGet),
    `${percentiles(figures.search, figures.bareGet)}; ${figures.search.meanHits.toFixed(0)} notes found on average`,
  ];
  const rows = [
    'store',
    'baseline: bare IndexedDB get by key',
    `ingest one article (target ≤ ${ingestTargetMs} ms; ${options.ingests} articles)`,
    `what one ingest asks of IndexedDB (mean of ${options.countedIngests} more articles, untimed)`,
    `cross-source lookup for a page (target p95 ≤ ${lookupTargetMs} ms; ${options.lookups} pages)`,
    `full-text search over notes (${options.searches} queries)`,
  ];
  const nodeColumn = column(node);
  const chromiumColumn = column(chromium);
  return {
    title: 'Store: ingest, cross-source lookup and note search at 10,000 sources',
    body: markdownTable(
      ['', 'fake-indexeddb in Node', 'IndexedDB in headless Chromium'],
      rows.map((row, index) => [row, nodeColumn[index] ?? '', chromiumColumn[index] ?? '']),
    ),
  };
};

export default suite;
