/**
 * What the analysis adds to the extension's bundles, minified and gzipped as they ship. The engine
 * runs in the background, which reads each page from the snapshot the content script sends, so the
 * content script itself carries none of it: its whole bundle is measured to show that. The rows: the
 * part one page's reading needs (`analyseArticle`, with the name tagger and its weights; the names
 * bench gives the tagger's own share), the whole engine with cross-source linking, and the content
 * script as built. Baseline: compromise, the library the speed figures are compared with, bundled the
 * same way.
 */
import { type BenchSuite, markdownTable } from '../lib/bench-report.ts';
import { bundleSize } from '../lib/bundle-size.ts';

const budget = 150 * 1024;

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const suite: BenchSuite = async () => {
  const reading = await bundleSize(
    "import { analyseArticle } from './src/analysis/index.ts'; globalThis.analyse = analyseArticle;",
  );
  const contentScript = await bundleSize("import './src/page/index.ts';");
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
      'esbuild bundles, minified as the production build is, gzipped at level 9. Budget for the analysis a page’s reading needs: 150 KB gzipped. The content script carries no analysis: the background reads the page’s snapshot.',
      '',
      markdownTable(
        ['bundle', 'minified', 'gzipped', 'vs compromise', 'of the budget'],
        [
          row('one page’s analysis (`analyseArticle`, tagger and weights included; in the background)', reading),
          row('whole engine with cross-source linking (background)', whole),
          row('the whole content script as built (no analysis in it)', contentScript),
          row('baseline: compromise', compromise),
        ],
      ),
    ].join('\n'),
  };
};

export default suite;
