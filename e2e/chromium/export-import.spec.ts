/**
 * Export and import in a real browser: read the two seed articles, write a note, export every format
 * from the notebook and check the files, then restore the backup into a fresh profile, and refuse a
 * broken one with the store untouched.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Reply } from '../../src/messaging/contract.ts';
import { type ChromiumWithExtension, launchChromiumWithExtension } from '../../scripts/lib/launch.ts';
import { extensionDir } from '../../scripts/lib/paths.ts';
import { progressSteps, watchProgress } from '../../scripts/lib/progress-watch.ts';
import { expect, test } from '../harness.ts';

/** A request to the background from one of the extension's pages, as the popup sends it. */
async function ask<T>(page: Page, request: object): Promise<T> {
  const reply = await page.evaluate((message) => chrome.runtime.sendMessage<object, Reply<unknown>>(message), request);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as T;
}

type Counts = { sources: number; people: number; claims: number; notes: number };
const counts = async (page: Page) => (await ask<{ counts: Counts }>(page, { type: 'store/status' })).counts;

async function openDataSettings(chromium: ChromiumWithExtension): Promise<Page> {
  const notebook = await chromium.context.newPage();
  await notebook.goto(chromium.pageUrl('notebook.html#/settings'));
  await expect(notebook.getByRole('heading', { name: 'Export and import' })).toBeVisible();
  return notebook;
}

/** Exports in one format and saves the download where the test can read it. */
async function exportAs(notebook: Page, format: RegExp, folder: string): Promise<{ name: string; text: string }> {
  const panel = notebook.getByRole('form', { name: 'Export', exact: true });
  await panel.getByRole('radio', { name: format }).check();
  const [download] = await Promise.all([
    notebook.waitForEvent('download'),
    panel.getByRole('button', { name: /^Export / }).click(),
  ]);
  const path = join(folder, download.suggestedFilename());
  await download.saveAs(path);
  await expect(panel.getByRole('status')).toContainText(`Saved ${download.suggestedFilename()}`);
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** What axe-core finds serious or critical in the export and import panels. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include('.data-transfer').analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

const withoutExportTime = (backup: string) => backup.replace(/"exported": "[^"]+"/, '');

test('export from the notebook, then import into a fresh profile', async ({ chromium, server }) => {
  test.setTimeout(120_000);
  const folder = mkdtempSync(join(tmpdir(), 'crosscheck-export-'));
  const notebook = await openDataSettings(chromium);
  // Reading the two seed articles stores them, one after the other.
  for (const [index, fixture] of ['/bbc-han-dong.html', '/wion-han-dong.html'].entries()) {
    const article = await chromium.context.newPage();
    await article.goto(server.url(fixture));
    await expect.poll(async () => (await counts(notebook)).sources, { timeout: 30_000 }).toBe(index + 1);
  }
  const { hits } = await ask<{ hits: { person: { id: string } }[] }>(notebook, {
    type: 'store/search',
    search: { query: 'Han Dong', kinds: ['person'] },
  });
  await ask(notebook, {
    type: 'notes/create',
    target: { kind: 'person', person: hits[0]?.person.id },
    body: 'Ask his office about the February 2021 meeting.',
    tags: ['call'],
    colour: 'pink',
  });
  const before = await counts(notebook);
  expect(before).toMatchObject({ sources: 2, notes: 1 });

  const day = new Date().toLocaleDateString('sv');
  const backup = await exportAs(notebook, /JSON backup/, folder);
  expect(backup.name).toBe(`crosscheck-backup-${day}.json`);
  const parsed = JSON.parse(backup.text) as Record<string, unknown[]> & { format: string; version: number };
  expect(parsed.format).toBe('crosscheck-backup');
  expect(parsed.version).toBe(1);
  expect(parsed.sources).toHaveLength(2);
  expect(parsed.notes).toHaveLength(1);

  const w3c = await exportAs(notebook, /W3C Web Annotations/, folder);
  expect(w3c.name).toBe(`crosscheck-everything-${day}.jsonld`);
  const collection = JSON.parse(w3c.text) as {
    type: string;
    total: number;
    first: { items: { motivation: string }[] };
  };
  expect(collection.type).toBe('AnnotationCollection');
  expect(collection.first.items).toHaveLength(collection.total);
  expect(new Set(collection.first.items.map((item) => item.motivation))).toEqual(
    new Set(['identifying', 'questioning', 'assessing', 'commenting']),
  );

  const csv = await exportAs(notebook, /CSV/, folder);
  expect(csv.text.startsWith('\ufeffkind,motivation,article,')).toBe(true);
  expect(csv.text.split('\r\n').length - 2).toBe(collection.total);

  const markdown = await exportAs(notebook, /Markdown report/, folder);
  expect(markdown.text).toContain('# Crosscheck report: everything read');
  expect(markdown.text).toContain('Ask his office about the February 2021 meeting.');

  // A fresh profile: nothing read yet.
  const fresh = await launchChromiumWithExtension({ extensionDir: extensionDir('chrome'), headless: true });
  try {
    const restored = await openDataSettings(fresh);
    expect(await counts(restored)).toMatchObject({ sources: 0, notes: 0 });
    const importPanel = restored.getByRole('region', { name: 'Import', exact: true });

    // A broken file first: refused with where and what, and nothing written.
    const broken = join(folder, 'broken.json');
    writeFileSync(broken, backup.text.replace('"colour":"pink"', '"colour":"teal"'));
    await importPanel.locator('input[type=file]').setInputFiles(broken);
    await expect(importPanel.getByRole('alert')).toHaveText(
      /^broken\.json was not imported, and nothing changed\. notes\[0\]\.colour: expected "yellow", "green", "blue", "pink" or "purple", found "teal"$/,
    );
    expect(await counts(restored)).toMatchObject({ sources: 0, notes: 0 });

    await watchProgress(restored);
    await importPanel.locator('input[type=file]').setInputFiles(join(folder, backup.name));
    const preview = importPanel.getByRole('group', { name: `What ${backup.name} holds` });
    await expect(preview).toContainText('A Crosscheck backup made on');
    await expect(preview).toContainText('2 articles');
    await expect(preview).toContainText(
      'Crosscheck holds nothing yet, so the backup is restored exactly as it was made.',
    );
    expect(await counts(restored)).toMatchObject({ sources: 0, notes: 0 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await restored.emulateMedia({ colorScheme });
      expect(await seriousViolations(restored), colorScheme).toEqual([]);
    }
    await preview.getByRole('button', { name: 'Import' }).click();
    await expect(importPanel.getByRole('status')).toContainText('Imported: 2 articles added');
    expect(await counts(restored)).toEqual(before);
    // The reader saw how far it got: reading the file, then handing it over and writing it.
    const shown = (await progressSteps(restored)).map((step) => step.label.replace(`: ${backup.name}`, ''));
    expect(shown[0]).toBe('Reading the file');
    expect(shown).toContain('Handing the records to Crosscheck');
    expect(shown.indexOf('Handing the records to Crosscheck')).toBeGreaterThan(shown.lastIndexOf('Reading the file'));

    // Exporting again gives the same backup.
    const again = await exportAs(restored, /JSON backup/, mkdtempSync(join(tmpdir(), 'crosscheck-again-')));
    expect(withoutExportTime(again.text)).toBe(withoutExportTime(backup.text));

    // Importing it once more duplicates nothing.
    await importPanel.locator('input[type=file]').setInputFiles(join(folder, backup.name));
    await expect(preview).toContainText('Articles: 2 already here.');
    await preview.getByRole('button', { name: 'Import' }).click();
    await expect(importPanel.getByRole('status')).toContainText(
      'Nothing changed: everything in the file was already here.',
    );
    expect(await counts(restored)).toEqual(before);
  } finally {
    await fresh.context.close();
  }
});
