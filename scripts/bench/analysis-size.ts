/**
 * What the analysis adds to the extension's bundles, minified and gzipped as they ship: the part
 * the content script carries (`analyseInSteps`, with the name tagger and its weights; the names bench
 * gives the tagger's own share) and the whole engine with cross-source linking (the background's). Baseline:
 * compromise, the library the speed figures are compared with, bundled the same way.
 */
import { type BenchSuite, markdownTable } from '../lib/bench-report.ts';
import { bundleSize } from '../lib/bundle-size.ts';

const budget = 150 * 1024;

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const suite: BenchSuite = async () => {
  const content = await bundleSize(
    "import { analyseInSteps } from './src/analysis/index.ts'; globalThis.analyse = analyseInSteps;",
  );
  const whole = await bundleSize(
    "import * as analysis from './src/analysis/index.ts'; globalThis.analysis = analysis;",
  );
  const compromise = await bundleSize("import nlp from 'compromise'; globalThis.nlp = nlp;");
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
          row('whole engine with cross-source linking (background)', whole),
          row('baseline: compromise', compromise),
        ],
      ),
    ].join('\n'),
  };
};

export default suite;
