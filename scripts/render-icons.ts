/**
 * Renders extension/icons/icon.svg into the PNG sizes the manifests name (Chrome does not take SVG
 * icons). Run it after changing the SVG: `npx tsx scripts/render-icons.ts`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { findChromium } from './lib/browsers.ts';
import { repoRoot } from './lib/paths.ts';

const iconsDir = join(repoRoot, 'extension', 'icons');
const svg = readFileSync(join(iconsDir, 'icon.svg'), 'utf8');

const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
try {
  for (const size of [16, 32, 48, 128]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    await page.screenshot({ path: join(iconsDir, `icon-${size}.png`), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
