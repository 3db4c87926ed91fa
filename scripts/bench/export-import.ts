/**
 * Export and import at scale: a 100 MB backup (the seed store copied over a thousand times, every
 * copy a consistent part of the store) checked and written in Node, then imported through the
 * notebook in headless Chromium, where the figure that matters is how long the page's main thread
 * is ever blocked, against what parsing the same file there would block it for.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { backupText } from '../../src/export/backup-file.ts';
import { backupTables, type StoreRecords } from '../../src/export/backup-schema.ts';
import { validateBackup } from '../../src/export/backup-validation.ts';
import { csvText } from '../../src/export/csv.ts';
import type { ExportData } from '../../src/export/export-data.ts';
import { assertSafeJson, parseJson } from '../../src/export/json-safety.ts';
import { markdownReport } from '../../src/export/markdown-report.ts';
import { annotationCollectionText } from '../../src/export/web-annotation.ts';
import { markdownTable, type BenchSuite } from '../lib/bench-report.ts';
import { findChromium } from '../lib/browsers.ts';
import { buildExtension } from '../lib/build-extension.ts';
import { launchChromiumWithExtension } from '../lib/launch.ts';
import { extensionDir } from '../lib/paths.ts';
import { type ProgressStep, progressSteps, watchProgress } from '../lib/progress-watch.ts';
import { syntheticBackup } from '../lib/synthetic-backup.ts';

const targetBytes = 100 * 1024 * 1024;

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;
const ratio = (value: number, baseline: number) => `${(value / baseline).toFixed(2)}×`;

const suite: BenchSuite = async () => {
  const { text, copies } = await syntheticBackup(targetBytes);
  const megabytes = (text.length / (1024 * 1024)).toFixed(0);
  const parse = timed(() => JSON.parse(text) as unknown);
  const check = timed(() => {
    const value = parseJson(text);
    assertSafeJson(value);
    return validateBackup(value);
  });
  const backup = check.value;
  const records = Object.fromEntries(backupTables.map((table) => [table, backup[table]])) as StoreRecords;
  const data: ExportData = {
    ...records,
    scope: { kind: 'everything' },
    label: 'everything',
    generated: Date.now(),
    generator: 'Crosscheck bench',
    settings: backup.settings,
  };
  const stringify = timed(() => JSON.stringify(records));
  const writers = [
    ['JSON backup (every record checked)', () => backupText({ ...data, settings: backup.settings })],
    ['W3C Web Annotation collection', () => annotationCollectionText(data)],
    ['CSV', () => csvText(data)],
    ['Markdown report', () => markdownReport(data)],
  ] as const;
  const annotations = data.mentions.length + data.allegations.length + data.notes.length;
  const held =
    `${copies * 2} articles, ${data.people.length.toLocaleString('en')} people, ` +
    `${data.mentions.length.toLocaleString('en')} mentions, ${data.allegations.length.toLocaleString('en')} allegations, ` +
    `${data.notes.length.toLocaleString('en')} notes (${annotations.toLocaleString('en')} annotations)`;

  const node = markdownTable(
    ['in Node', 'time', 'baseline, same run', 'ratio'],
    [
      [
        `read a ${megabytes} MB backup: parse, hostile-input walk, every record checked`,
        ms(check.ms),
        `JSON.parse alone: ${ms(parse.ms)}`,
        ratio(check.ms, parse.ms),
      ],
      ...writers.map(([name, write]) => {
        const written = timed(write);
        return [
          `write ${name} (${(written.value.length / (1024 * 1024)).toFixed(0)} MB)`,
          ms(written.ms),
          `JSON.stringify of the records: ${ms(stringify.ms)}`,
          ratio(written.ms, stringify.ms),
        ];
      }),
    ],
  );

  const browser = await chromiumFigures(text);
  return {
    title: 'Export and import',
    body: [`A ${megabytes} MB backup: ${held}.`, '', node, '', browser].join('\n'),
  };
};

export default suite;

/** The import through the notebook in headless Chromium, with the main thread watched throughout. */
async function chromiumFigures(text: string): Promise<string> {
  try {
    findChromium();
  } catch (error) {
    return `Chromium figures skipped: ${error instanceof Error ? error.message : String(error)}`;
  }
  await buildExtension();
  const folder = mkdtempSync(join(tmpdir(), 'crosscheck-bench-'));
  const file = join(folder, 'crosscheck-backup-bench.json');
  writeFileSync(file, text);
  const chromium = await launchChromiumWithExtension({ extensionDir: extensionDir('chrome'), headless: true });
  try {
    const notebook = await chromium.context.newPage();
    await notebook.goto(chromium.pageUrl('notebook.html#/settings'));
    const panel = notebook.getByRole('region', { name: 'Import', exact: true });
    await panel.waitFor();
    const input = panel.locator('input[type=file]');
    const preview = panel.getByRole('group');
    const status = panel.getByRole('status');

    await watchMainThread(notebook);
    await watchProgress(notebook);
    const started = performance.now();
    await input.setInputFiles(file);
    await preview.getByRole('button', { name: 'Import' }).waitFor({ timeout: 300_000 });
    const previewed = performance.now();
    await preview.getByRole('button', { name: 'Import' }).click();
    await status.getByText(/^Imported: /).waitFor({ timeout: 600_000 });
    const imported = performance.now();
    const restore = await mainThreadReport(notebook);
    const restoreProgress = progressReport(await progressSteps(notebook));

    await watchMainThread(notebook);
    await watchProgress(notebook);
    const againStarted = performance.now();
    await input.setInputFiles(file);
    await preview.getByRole('button', { name: 'Import' }).click({ timeout: 300_000 });
    await status.getByText(/^Nothing changed/).waitFor({ timeout: 600_000 });
    const againDone = performance.now();
    const merge = await mainThreadReport(notebook);
    const mergeProgress = progressReport(await progressSteps(notebook));

    const baseline = await mainThreadParse(notebook, file);
    return markdownTable(
      [
        'in headless Chromium, through the notebook',
        'time',
        'longest main-thread task',
        'baseline: JSON.parse of the file on the main thread',
        'ratio',
      ],
      [
        [
          'preview (read, parse, check off the main thread; compare with the store)',
          ms(previewed - started),
          ms(restore.longest),
          ms(baseline),
          ratio(restore.longest, baseline),
        ],
        [
          'restore into the empty store (chunks to the background, one transaction)',
          ms(imported - previewed),
          '(same run as above)',
          '',
          '',
        ],
        [
          'import the same file again (merge: nothing changes)',
          ms(againDone - againStarted),
          ms(merge.longest),
          ms(baseline),
          ratio(merge.longest, baseline),
        ],
      ],
    ).concat(
      `\n\nLong tasks over 50 ms during the first import: ${restore.count} (${ms(restore.total)} in all); during the second: ${merge.count}.` +
        ` Progress shown during the first import: ${restoreProgress}; during the second: ${mergeProgress}.`,
    );
  } finally {
    await chromium.context.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Starts recording the page's long tasks (over 50 ms, as the browser counts them). */
async function watchMainThread(page: Page): Promise<void> {
  await page.evaluate(() => {
    const record: number[] = [];
    (globalThis as { longTasks?: number[] }).longTasks = record;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) record.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
  });
}

/** How the progress bar moved: how often, through which stages, and its longest stand-still. */
function progressReport(steps: ProgressStep[]): string {
  if (steps.length === 0) return 'none';
  const stages = [...new Set(steps.map((step) => step.label.replace(/: [^:]*$/, '')))];
  const longestStill = Math.max(0, ...steps.slice(1).map((step, index) => step.time - (steps[index]?.time ?? 0)));
  return `${steps.length} updates (${stages.join(', ')}), at most ${ms(longestStill)} without one`;
}

async function mainThreadReport(page: Page): Promise<{ longest: number; count: number; total: number }> {
  const tasks = await page.evaluate(() => (globalThis as { longTasks?: number[] }).longTasks ?? []);
  return { longest: Math.max(0, ...tasks), count: tasks.length, total: tasks.reduce((sum, task) => sum + task, 0) };
}

/** How long parsing the file blocks the page's main thread: what reading it there would cost. */
async function mainThreadParse(page: Page, file: string): Promise<number> {
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'bench-baseline';
    input.hidden = true;
    document.body.append(input);
  });
  await page.setInputFiles('#bench-baseline', file);
  return page.evaluate(async () => {
    const input = document.getElementById('bench-baseline') as HTMLInputElement;
    const text = await (input.files?.[0] as File).text();
    const start = performance.now();
    JSON.parse(text);
    return performance.now() - start;
  });
}
