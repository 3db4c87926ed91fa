import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtension, licenceFiles } from './build-extension.ts';
import { browsers } from './manifest.ts';
import { repoRoot } from './paths.ts';
import { thirdPartyFile } from './third-party-licences.ts';

const folder = mkdtempSync(join(tmpdir(), 'crosscheck-build-'));
const dist = join(folder, 'dist');

beforeAll(() => buildExtension(dist), 60_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** What every package holds, whatever else the build adds (source maps, icons). */
const required = [
  'LICENSE',
  'NOTICE',
  thirdPartyFile,
  'manifest.json',
  'background.js',
  'content-clock.js',
  'content.js',
  'card-view.js',
  'content.css',
  'popup.html',
  'notebook.html',
  'popup.js',
  'transfer-worker.js',
  'app.css',
  'data-transfer.css',
];

describe.each(browsers)('the %s build', (browser) => {
  it('holds the licence files, as they are in the repository, beside the code', () => {
    const files = readdirSync(join(dist, browser), { recursive: true }).map(String);
    expect(files).toEqual(expect.arrayContaining(required));
    for (const file of licenceFiles) {
      expect(readFileSync(join(dist, browser, file), 'utf8')).toBe(readFileSync(join(repoRoot, file), 'utf8'));
    }
  });

  it('ships them in its store package', () => {
    const zip = readdirSync(dist).find((name) => name.startsWith(`crosscheck-${browser}-`) && name.endsWith('.zip'));
    if (!zip) throw new Error(`no ${browser} package in ${readdirSync(dist).join(', ')}`);
    const entries = unzipSync(readFileSync(join(dist, zip)));
    expect(Object.keys(entries)).toEqual(expect.arrayContaining(required));
    const notice = new TextDecoder().decode(entries.NOTICE);
    // The credits the person-name model's CC BY-SA 4.0 licence asks for travel with it.
    expect(notice).toContain('src/analysis/names/model.json');
    expect(notice).toContain('CC BY-SA 4.0');
    expect(new TextDecoder().decode(entries.LICENSE)).toContain('MIT License');
  });

  it('keeps the schemas only the background and the extension pages need out of the content script', () => {
    // Every page evaluates the content script before it does anything: building the whole message
    // contract's schemas there cost each page milliseconds, for the three tab requests it validates.
    const map = JSON.parse(readFileSync(join(dist, browser, 'content.js.map'), 'utf8')) as { sources: string[] };
    const modules = map.sources.map((source) => relative(repoRoot, resolve(dist, browser, source)));
    expect(modules).toContain('src/messaging/tab-request-schema.ts');
    expect(modules).not.toContain('src/messaging/contract.ts');
    expect(modules).not.toContain('src/messaging/analysis-schema.ts');
    expect(modules).not.toContain('src/settings.ts');
  });

  it("starts the content script with its clock, so that compiling the main bundle counts as the page's time", () => {
    const manifest = JSON.parse(readFileSync(join(dist, browser, 'manifest.json'), 'utf8')) as {
      content_scripts: { js: string[] }[];
    };
    expect(manifest.content_scripts.map((script) => script.js)).toEqual([['content-clock.js', 'content.js']]);
    // The clock is all that file holds: whatever else it held would run, and be compiled, unmeasured.
    const clock = JSON.parse(readFileSync(join(dist, browser, 'content-clock.js.map'), 'utf8')) as {
      sources: string[];
    };
    expect(clock.sources.map((source) => relative(repoRoot, resolve(dist, browser, source))).sort()).toEqual([
      'src/page/script-clock-key.ts',
      'src/page/script-clock.ts',
    ]);
  });

  it('leaves the hover card’s view out of the content script, in a module its pages may import', () => {
    // Every page compiles the content script; only a reader who opens a card needs Preact and the card.
    const modulesOf = (bundle: string) =>
      (JSON.parse(readFileSync(join(dist, browser, `${bundle}.js.map`), 'utf8')) as { sources: string[] }).sources.map(
        (source) => relative(repoRoot, resolve(dist, browser, source)),
      );
    const content = modulesOf('content');
    expect(content.filter((module) => module.includes('node_modules/preact/'))).toEqual([]);
    expect(content).not.toContain('src/page/hover-card/card-host.ts');
    expect(content).toContain('src/page/hover-card/card-controller.ts');
    const view = modulesOf('card-view');
    expect(view).toContain('src/page/hover-card/card-panel.tsx');
    // It shares no state with the content script: the set of Crosscheck's own nodes is handed to it.
    expect(view).not.toContain('src/page/own-nodes.ts');
    expect(readFileSync(join(dist, browser, 'card-view.js'), 'utf8')).toMatch(/export\s*\{[^}]*createCardView/);
    const manifest = JSON.parse(readFileSync(join(dist, browser, 'manifest.json'), 'utf8')) as {
      web_accessible_resources: { resources: string[]; use_dynamic_url?: boolean }[];
    };
    expect(manifest.web_accessible_resources.flatMap((entry) => entry.resources)).toEqual(['card-view.js']);
    // Chrome's address for it changes each session, so a page cannot probe for it; Firefox's holds a random install id.
    expect(manifest.web_accessible_resources[0]?.use_dynamic_url).toBe(browser === 'chrome' ? true : undefined);
  });

  it('lists every package it bundles with that package’s own licence and notice', () => {
    const licences = readFileSync(join(dist, browser, thirdPartyFile), 'utf8');
    const { dependencies } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    for (const name of Object.keys(dependencies)) {
      const { version } = JSON.parse(readFileSync(join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as {
        version: string;
      };
      expect(licences).toMatch(new RegExp(`^${name.replace('/', '\\/')} ${version.replace(/\./g, '\\.')} \\(`, 'm'));
    }
    // Dexie's Apache NOTICE, and the MPL of webextension-polyfill, travel verbatim.
    expect(licences).toContain(readFileSync(join(repoRoot, 'node_modules', 'dexie', 'NOTICE'), 'utf8').trimEnd());
    expect(licences).toContain('Mozilla Public License Version 2.0');
    // Development tools are not in the bundles, so not in the list.
    expect(licences).not.toMatch(/^esbuild /m);
  });
});
