/**
 * The BBC article as the tests publish it at an address of their own, first as the fixture has it,
 * then as the outlet might edit it after publication (a word added inside a sentence, a paragraph
 * added before it), at the same address: the store takes it for the same article, read again.
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
