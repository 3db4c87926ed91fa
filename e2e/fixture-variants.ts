/**
 * Fixtures as the tests publish them at addresses of their own. The BBC article, first as the
 * fixture has it, then as the outlet might edit it after publication (a word added inside a
 * sentence, a paragraph added before it), at the same address: the store takes it for the same
 * article, read again. The WION article without its doctype, as some outlets still serve pages. The
 * BBC article asking Chrome to prerender the WION one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../scripts/lib/paths.ts';

export const editedBbcPath = '/edited/bbc-han-dong.html';

export function bbcAsPublished({ edited }: { edited: boolean }): string {
  const html = readFileSync(join(fixturesDir, 'bbc-han-dong.html'), 'utf8');
  const edits: [string, string][] = [
    // The fixture's images, from the address the page is published at.
    ['src="media/', 'src="/media/'],
    ...(edited
      ? ([
          ['lobbying a Chinese diplomat', 'lobbying a senior Chinese diplomat'],
          [
            '<div class="article-body">',
            '<div class="article-body">\n          <p>This article has been updated with a response from Mr Dong\'s office.</p>',
          ],
        ] satisfies [string, string][])
      : []),
  ];
  return edits.reduce((page, [from, to]) => {
    if (!page.includes(from)) throw new Error(`the BBC fixture no longer contains ${JSON.stringify(from)}`);
    return page.replaceAll(from, to);
  }, html);
}

/** Beside the fixture, so its canonical address (the same article) and any relative address still hold. */
export const wionInQuirksModePath = '/wion-han-dong-quirks-mode.html';

/** WION's article without its doctype: the browser lays it out in quirks mode. */
export function wionInQuirksMode(): string {
  const html = readFileSync(join(fixturesDir, 'wion-han-dong.html'), 'utf8');
  const page = html.replace(/^<!doctype html>\s*/i, '');
  if (page === html) throw new Error('the WION fixture no longer starts with a doctype');
  return page;
}

/** Beside the fixtures, so the article's relative addresses and the rule's address hold. */
export const bbcPrerenderingWionPath = '/bbc-han-dong-prerendering-wion.html';
export const wionPath = '/wion-han-dong.html';

/**
 * The BBC article with speculation rules that have Chrome prerender the WION article in the same
 * tab as soon as the page is read: the reader may or may not open it next.
 */
export function bbcPrerenderingWion(): string {
  const html = readFileSync(join(fixturesDir, 'bbc-han-dong.html'), 'utf8');
  const rules = JSON.stringify({ prerender: [{ urls: [wionPath] }] });
  const page = html.replace('</head>', `<script type="speculationrules">${rules}</script>\n  </head>`);
  if (page === html) throw new Error('the BBC fixture no longer has a head');
  return page;
}
