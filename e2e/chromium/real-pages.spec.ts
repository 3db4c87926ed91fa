/**
 * The real-page suite: every saved news page of ../shared/news-pages (skipped when that folder is
 * absent, as on a user's clone), served without its scripts, with the extension installed. On each:
 * highlights on an article, the DOM exactly as parsed, no errors; the time to highlights and the
 * longest task are recorded (figures, not assertions: `npm run bench -- page` reports them).
 */
import { execFileSync } from 'node:child_process';
import { repoRoot } from '../../scripts/lib/paths.ts';
import { newsPages } from '../../scripts/lib/shared-data.ts';
import { isResponse, type Stance } from '../../src/analysis/types.ts';
import { expect, test } from '../harness.ts';
import {
  domUnchanged,
  highlightedWords,
  longestTaskAfterLoad,
  pageErrors,
  recordPage,
} from '../../scripts/lib/page-probes.ts';

const pages = newsPages();

interface Expected {
  people: number;
  allegations: number;
  responses: number;
}

interface AnalyzedDocument {
  people: { role: string; mentions: unknown[] }[];
  allegations: { stance: Stance }[];
}

/**
 * How many highlights of each kind each page should show: the project's CLI runs the same
 * extraction and analysis over the same files in Node (`npm run analyze -- --json`).
 */
function expectedHighlights(paths: string[]): Expected[] {
  const output = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/analyze.ts', '--json', ...paths], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return (JSON.parse(output) as { documents: AnalyzedDocument[] }).documents.map((document) => {
    const stances = document.allegations.map((allegation) => isResponse(allegation.stance));
    return {
      people: document.people
        .filter((person) => person.role === 'subject')
        .reduce((count, person) => count + person.mentions.length, 0),
      allegations: stances.filter((response) => !response).length,
      responses: stances.filter((response) => response).length,
    };
  });
}

test.describe('real news pages', () => {
  test.skip(pages === null, 'no ../shared/news-pages on this machine');
  let expected = new Map<string, Expected>();
  test.beforeAll(({}, testInfo) => {
    testInfo.setTimeout(300_000); // The engine reads all 25 pages in Node first: slow on a busy machine.
    const found = expectedHighlights((pages ?? []).map((page) => page.htmlPath));
    expected = new Map((pages ?? []).map((page, index) => [page.name, found[index] as Expected]));
  });

  for (const { name } of pages ?? []) {
    test(name, async ({ chromium, server }) => {
      const page = await chromium.context.newPage();
      const cdp = await chromium.context.newCDPSession(page);
      const exceptions: string[] = [];
      // Uncaught errors of every world in the page, the content script's included.
      cdp.on('Runtime.exceptionThrown', ({ exceptionDetails }) => exceptions.push(exceptionDetails.text));
      await cdp.send('Runtime.enable');
      await page.addInitScript(recordPage);
      await page.goto(server.url(`/news-pages/${name}/source.html`));

      const state = async () => chromium.askTab(page, { type: 'tab/page-state' });
      await expect
        .poll(async () => {
          const { page: info, highlights } = await state();
          if (!info.isArticle) return 'not an article';
          return highlights.session && highlights.session.state !== 'working' && highlights.session.store !== 'waiting'
            ? 'settled'
            : 'working';
        })
        .not.toBe('working');
      const { page: info, highlights } = await state();

      if (info.isArticle) {
        // Everything the engine finds in the story is painted: the same extraction and analysis, run
        // here in Node over the same file, say what the page must show.
        expect(highlights.session?.state).toBe('highlighted');
        const words = await page.evaluate(highlightedWords);
        expect({
          people: words.person?.length ?? 0,
          allegations: words.allegation?.length ?? 0,
          responses: words.response?.length ?? 0,
        }).toEqual(expected.get(name));
      }
      expect(await page.evaluate(domUnchanged)).toBe(true);
      expect([...exceptions, ...(await page.evaluate(pageErrors))]).toEqual([]);

      const figures = {
        article: info.isArticle,
        timeToHighlightsMs: highlights.session?.timeToHighlightsMs,
        longestTaskMs: await page.evaluate(longestTaskAfterLoad),
        longestSliceMs: highlights.mainThread.longestSliceMs,
        busyMs: highlights.mainThread.busyMs,
        articleCheckMs: highlights.mainThread.articleCheckMs,
      };
      test.info().annotations.push({ type: 'figures', description: JSON.stringify(figures) });
    });
  }
});
