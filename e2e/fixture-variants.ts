/**
 * Fixtures as the tests publish them at addresses of their own. The BBC article, first as the
 * fixture has it, then as the outlet might edit it after publication (a word added inside a
 * sentence, a paragraph added before it), at the same address: the store takes it for the same
 * article, read again. The WION article without its doctype, as some outlets still serve pages.
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
