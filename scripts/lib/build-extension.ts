/**
 * Builds both browsers' unpacked extensions into dist/chrome and dist/firefox (the same bundles in
 * each, with a manifest derived for that browser, and the licence files: Crosscheck's and those of
 * the packages bundled), and the store packages
 * dist/crosscheck-<browser>-<version>.zip.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import * as esbuild from 'esbuild';
import { zipSync } from 'fflate';
import { highlightStylesheet } from '../../src/page/highlight-layers.ts';
import { type Browser, browsers, deriveManifest } from './manifest.ts';
import { thirdPartyFile, thirdPartyLicences } from './third-party-licences.ts';
import { distDir, repoRoot as root } from './paths.ts';
import { polyfillWhereNeeded } from './polyfill-where-needed.ts';

/** Bundle name (as the manifest and HTML pages refer to it) → entry module: classic scripts. */
const scriptEntryPoints = {
  background: 'src/background/index.ts',
  // Runs before the content script's main bundle is compiled, to time that compile (script-clock.ts).
  'content-clock': 'src/page/script-clock.ts',
  content: 'src/page/index.ts',
  popup: 'src/popup/index.tsx',
  // Reads and writes export and import files off the popup's and notebook's thread.
  'transfer-worker': 'src/popup/data-transfer/transfer-worker.ts',
};

/**
 * ... and modules: the hover card's view, which the content script imports when a card first opens
 * (load-card-view.ts), so that pages where no card is asked for never compile it.
 */
const moduleEntryPoints = {
  'card-view': 'src/page/hover-card/card-view.ts',
};

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * Shipped beside the code: the MIT licence, and the NOTICE that the person-name model's CC BY-SA 4.0
 * licence requires to travel with every copy of it (the background bundles the model).
 */
export const licenceFiles = ['LICENSE', 'NOTICE'] as const;

function writeStaticFiles(dist: string, browser: Browser): void {
  const out = join(dist, browser);
  mkdirSync(out, { recursive: true });
  cpSync(join(root, 'extension'), out, { recursive: true });
  for (const file of licenceFiles) cpSync(join(root, file), join(out, file));
  const source = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  const manifest = deriveManifest(source, browser, packageVersion());
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // The highlight styles are written from the one palette the hover card and the popup draw from too.
  writeFileSync(join(out, 'content.css'), highlightStylesheet());
}

/**
 * esbuild writes nothing itself: the same bundles go into both browsers' folders. The builds (scripts
 * and modules) share `metafiles`, so that the licence file names every package either bundled.
 */
const writeToBothBrowsers = (dist: string, metafiles: Map<string, esbuild.Metafile>, name: string): esbuild.Plugin => ({
  name: 'write-to-both-browsers',
  setup(build) {
    build.onEnd((result) => {
      for (const file of result.outputFiles ?? []) {
        const name = relative(join(dist, 'bundles'), file.path);
        for (const browser of browsers) {
          const target = join(dist, browser, name);
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, file.contents);
        }
      }
      if (result.metafile) {
        metafiles.set(name, result.metafile);
        const licences = thirdPartyLicences(mergedMetafile([...metafiles.values()]), root);
        for (const browser of browsers) writeFileSync(join(dist, browser, thirdPartyFile), licences);
      }
      if (result.errors.length === 0) console.log(`built ${new Date().toLocaleTimeString()}`);
    });
  },
});

function mergedMetafile(metafiles: esbuild.Metafile[]): esbuild.Metafile {
  return metafiles.reduce<esbuild.Metafile>(
    (all, metafile) => ({
      inputs: { ...all.inputs, ...metafile.inputs },
      outputs: { ...all.outputs, ...metafile.outputs },
    }),
    { inputs: {}, outputs: {} },
  );
}

/** The options of each build: the classic scripts', then the modules'. */
function bundleOptions(dist: string, production: boolean): esbuild.BuildOptions[] {
  const metafiles = new Map<string, esbuild.Metafile>();
  return [
    { name: 'scripts', entryPoints: scriptEntryPoints, format: 'iife' as const },
    { name: 'modules', entryPoints: moduleEntryPoints, format: 'esm' as const },
  ].map(({ name, entryPoints, format }) => ({
    absWorkingDir: root,
    entryPoints,
    outdir: join(dist, 'bundles'),
    bundle: true,
    write: false,
    format,
    target: ['chrome111', 'firefox140'],
    minify: production,
    sourcemap: production ? 'linked' : 'inline',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
    legalComments: 'linked',
    // Which packages went into the bundles: their licences go into the package (third-party-licences.ts).
    metafile: true,
    logLevel: 'warning',
    plugins: [polyfillWhereNeeded, writeToBothBrowsers(dist, metafiles, name)],
  }));
}

/** Every file of a directory, as zip entries keyed by their path inside it. */
function filesOf(dir: string): Record<string, Uint8Array> {
  const entries: Record<string, Uint8Array> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    entries[relative(dir, path).split('\\').join('/')] = readFileSync(path);
  }
  return entries;
}

function pack(dist: string, browser: Browser): string {
  const zip = join(dist, `crosscheck-${browser}-${packageVersion()}.zip`);
  writeFileSync(zip, zipSync(filesOf(join(dist, browser)), { level: 9 }));
  return zip;
}

/** Production: minified, with source maps, then zipped. Into dist/ unless told where (the build's own test). */
export async function buildExtension(dist = distDir): Promise<void> {
  rmSync(dist, { recursive: true, force: true });
  for (const browser of browsers) writeStaticFiles(dist, browser);
  for (const options of bundleOptions(dist, true)) await esbuild.build(options);
  for (const browser of browsers) console.log(`packed ${relative(root, pack(dist, browser))}`);
}

/** Development: rebuilds on every change under src/, extension/ and manifest.json (no zips). */
export async function watchExtension(): Promise<void> {
  const dist = distDir;
  rmSync(dist, { recursive: true, force: true });
  for (const browser of browsers) writeStaticFiles(dist, browser);
  for (const options of bundleOptions(dist, false)) await (await esbuild.context(options)).watch();
  const copyStatic = (): void => {
    try {
      for (const browser of browsers) writeStaticFiles(dist, browser);
      console.log(`copied static files ${new Date().toLocaleTimeString()}`);
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
    }
  };
  watch(join(root, 'extension'), { recursive: true }, copyStatic);
  watch(join(root, 'manifest.json'), copyStatic);
  console.log('watching src/, extension/ and manifest.json; reload the extension after a rebuild');
}
