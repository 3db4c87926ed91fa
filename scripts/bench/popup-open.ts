/**
 * Time from opening the popup to its content, in Chromium, with 10,000 sources stored. The reader
 * opens the popup on an article and the article's people and allegations appear, with what the
 * other sources say. Compared, in the same run and browser, with an extension page that has
 * nothing to do, and with the same popup over a store of two articles. CROSSCHECK_BENCH_SCALE
 * (0 to 1) shrinks the store for a quick look; BENCHMARKS.md has the figures at full scale.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { type BenchSuite, markdownTable } from '../lib/bench-report.ts';
import { buildExtension } from '../lib/build-extension.ts';
import { askBackground, readArticle } from '../lib/extension-requests.ts';
import { storeSyntheticInExtension } from '../lib/extension-store.ts';
import { startFixtureServer } from '../lib/fixture-server.ts';
import { type ChromiumWithExtension, launchChromiumWithExtension } from '../lib/launch.ts';
import { extensionDir } from '../lib/paths.ts';
import { benchmarkOptions } from '../lib/store-workload.ts';

const target = 150;
const runs = 30;
const scale = Number(process.env.CROSSCHECK_BENCH_SCALE ?? 1);
const synthetic = Math.round(10_000 * (scale > 0 && scale <= 1 ? scale : 1));
/** The store benchmark's corpus: the same made-up news, some people named far more than others. */
const corpus = benchmarkOptions.corpus;
/** Among the first articles of the corpus, the one whose people the other sources name most is opened too. */
const candidates = 50;

/** When the view has its content: the article's people (every article here names some). */
const peopleShown = 'table.people';

const log = (message: string) => console.error(`[popup] ${message}`);

const suite: BenchSuite = async () => {
  await buildExtension();
  // The built extension with one more page, an empty one: the floor for opening any extension page.
  const extension = mkdtempSync(join(tmpdir(), 'crosscheck-popup-bench-'));
  cpSync(extensionDir('chrome'), extension, { recursive: true });
  writeFileSync(join(extension, 'blank.html'), '<!doctype html><html lang="en"><title>blank</title></html>');
  const server = await startFixtureServer();
  const chromium = await launchChromiumWithExtension({ extensionDir: extension, headless: true });
  try {
    await readArticle(chromium, server.url('/bbc-han-dong.html'));
    const wion = await readArticle(chromium, server.url('/wion-han-dong.html'));
    const popup = `popup.html?tab=${await chromium.tabIdOf(wion)}`;

    const blank = await openings(chromium, 'blank.html', 'title');
    const small = await openings(chromium, popup, peopleShown);

    const filler = await chromium.context.newPage();
    await filler.goto(chromium.pageUrl('blank.html'));
    const started = performance.now();
    await storeSyntheticInExtension(filler, synthetic, corpus, (stored) => log(`${stored} sources stored`));
    const fillSeconds = (performance.now() - started) / 1000;
    const { counts } = await askBackground(filler, { type: 'store/status' });
    const busiest = await busiestArticle(filler);

    const large = await openings(chromium, popup, peopleShown);
    const busy = await openings(chromium, `popup.html#/source/${encodeURIComponent(busiest.url)}`, peopleShown);

    const row = (label: string, times: number[]) => [
      label,
      ms(percentile(times, 0.5)),
      ms(percentile(times, 0.95)),
      `${(percentile(times, 0.5) / percentile(blank, 0.5)).toFixed(1)}×`,
    ];
    const stored = `${counts.sources.toLocaleString('en')} sources`;
    return {
      title: 'Popup: time to content',
      body: [
        `From navigation start until the article's people are on screen, ${runs} openings each, in headless`,
        `Chromium, with the built extension. The store is filled with the store benchmark's made-up corpus`,
        `(${stored}, ${counts.people.toLocaleString('en')} people, ${counts.claims.toLocaleString('en')} claims; filled in ${fillSeconds.toFixed(0)} s)`,
        `around the two seed articles, which the content script read. Target: at most ${target} ms with 10,000 sources.`,
        '',
        markdownTable(
          ['what opens', 'p50', 'p95', 'p50 ÷ empty page'],
          [
            row('an empty extension page (baseline)', blank),
            row('the popup on the WION article, 2 sources stored', small),
            row(`the popup on the WION article, ${stored} stored`, large),
            row(
              `the popup's view of the stored article whose people are most named elsewhere (${busiest.otherSources} other sources), ${stored} stored`,
              busy,
            ),
          ],
        ),
      ].join('\n'),
    };
  } finally {
    await chromium.context.close();
    await server.close();
    rmSync(extension, { recursive: true, force: true });
  }
};

export default suite;

/** Opens the extension page `runs` times, each in a new tab, and reads when `selector` first matched there. */
async function openings(chromium: ChromiumWithExtension, path: string, selector: string): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const page = await chromium.context.newPage();
    await page.addInitScript({ content: watchFor(selector) });
    await page.goto(chromium.pageUrl(path));
    times.push(
      await page.evaluate(() => (globalThis as unknown as { crosscheckShown: Promise<number> }).crosscheckShown),
    );
    await page.close();
  }
  return times;
}

/**
 * Runs in the page before its own scripts: resolves with the time since navigation start at which
 * `selector` first matched. A string, so that none of the TypeScript runner's helpers leak into it.
 */
function watchFor(selector: string): string {
  return `globalThis.crosscheckShown = new Promise((resolve) => {
    const shown = () => document.querySelector(${JSON.stringify(selector)}) && (resolve(performance.now()), true);
    if (shown()) return;
    const observer = new MutationObserver(() => shown() && observer.disconnect());
    observer.observe(document, { childList: true, subtree: true });
  });`;
}

/** The corpus article, among the first few, whose people the most other sources name. */
async function busiestArticle(extensionPage: Page): Promise<{ url: string; otherSources: number }> {
  const { hits } = await askBackground(extensionPage, {
    type: 'store/search',
    search: { query: '', kinds: ['source'], sort: 'oldest', limit: candidates },
  });
  let busiest = { url: '', otherSources: -1 };
  for (const hit of hits) {
    if (hit.kind !== 'source') continue;
    const view = await askBackground(extensionPage, { type: 'store/page', url: hit.source.url });
    const otherSources = view?.people.reduce((sum, person) => sum + person.otherSourceCount, 0) ?? 0;
    if (otherSources > busiest.otherSources) busiest = { url: hit.source.url, otherSources };
  }
  return busiest;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}
