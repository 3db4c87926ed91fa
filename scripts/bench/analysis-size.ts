/**
 * What the analysis adds to the extension's bundles, minified and gzipped as they ship: the part
 * the content script carries (`analyseInSteps`, with the name tagger and its weights), the tagger
 * on its own, and the whole engine with cross-source linking (the background's share). Baseline:
 * compromise, the library the speed figures are compared with, bundled the same way.
 */
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { type BenchSuite, markdownTable } from '../lib/bench-report.ts';
import { repoRoot } from '../lib/paths.ts';

const budget = 150 * 1024;

async function bundledSize(contents: string): Promise<{ minified: number; gzipped: number }> {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: repoRoot, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['chrome111', 'firefox140'],
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const suite: BenchSuite = async () => {
  const content = await bundledSize(
    "import { analyseInSteps } from './src/analysis/index.ts'; globalThis.analyse = analyseInSteps;",
  );
  const tagger = await bundledSize(
    "import { findPersonNames } from './src/analysis/names/find-person-names.ts'; globalThis.find = findPersonNames;",
  );
  const whole = await bundledSize(
    "import * as analysis from './src/analysis/index.ts'; globalThis.analysis = analysis;",
  );
  const compromise = await bundledSize("import nlp from 'compromise'; globalThis.nlp = nlp;");
  const row = (name: string, size: { minified: number; gzipped: number }) => [
    name,
    kilobytes(size.minified),
    kilobytes(size.gzipped),
    `${(size.gzipped / compromise.gzipped).toFixed(2)}×`,
    `${((size.gzipped / budget) * 100).toFixed(0)}%`,
  ];
  return {
    title: 'Analysis: bundle size',
    body: [
      'esbuild bundles, minified as the production build is, gzipped at level 9. Budget for the content script’s share: 150 KB gzipped.',
      '',
      markdownTable(
        ['bundle', 'minified', 'gzipped', 'vs compromise', 'of the budget'],
        [
          row('content script’s analysis (`analyseInSteps`, tagger and weights included)', content),
          row('name tagger and its weights alone', tagger),
          row('whole engine with cross-source linking (background)', whole),
          row('baseline: compromise', compromise),
        ],
      ),
    ].join('\n'),
  };
};

export default suite;
