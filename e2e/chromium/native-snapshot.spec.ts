/**
 * The native page snapshot against the written one, in Chromium, on the seed fixtures and on every
 * saved news page (those skipped without ../shared/news-pages): the browser's serialisation of each
 * area the extension reads must come back, through the background's rewriting, as exactly the
 * markup the page's own walk writes, tied to the same live Text nodes. (Where it does not, the
 * extension still reads the page, from the written snapshot: this suite says when that happens.)
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { repoRoot } from '../../scripts/lib/paths.ts';
import { newsPages } from '../../scripts/lib/shared-data.ts';
import { expect, test } from '../harness.ts';
import type { AreaAgreement } from '../snapshot-agreement.ts';

async function agreementScript(): Promise<string> {
  const built = await build({
    entryPoints: [join(repoRoot, 'e2e', 'snapshot-agreement.ts')],
    bundle: true,
    write: false,
    format: 'iife',
  });
  return built.outputFiles[0]?.text ?? '';
}

const paths = [
  '/bbc-han-dong.html',
  '/wion-han-dong.html',
  ...(newsPages() ?? []).map((page) => `/news-pages/${page.name}/source.html`),
];

for (const path of paths) {
  test(`the browser's serialisation reads as the written snapshot: ${path}`, async ({ chromium, server }) => {
    const page = await chromium.context.newPage();
    await page.goto(server.url(path));
    // Evaluated through the debugging protocol: the saved pages' policy forbids their own scripts.
    await page.evaluate(await agreementScript());
    const areas = await page.evaluate(() =>
      (globalThis as { crosscheckSnapshotAgreement?: () => AreaAgreement[] }).crosscheckSnapshotAgreement?.(),
    );
    expect(areas?.length).toBeGreaterThan(0);
    expect(areas).toEqual(areas?.map((area) => ({ ...area, sameMarkup: true, sameNodes: true })));
  });
}
