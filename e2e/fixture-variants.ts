/**
 * Pages the tests make from the fixtures rather than keep as files: the BBC article as the outlet
 * might edit it after publication (a word added inside a sentence, a paragraph added before it),
 * served at another address with the same canonical URL, so the store takes it for the same article.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../scripts/lib/paths.ts';

export const editedBbcPath = '/edited/bbc-han-dong.html';

export function editedBbc(): string {
  const html = readFileSync(join(fixturesDir, 'bbc-han-dong.html'), 'utf8');
  const edits: [string, string][] = [
    ['lobbying a Chinese diplomat', 'lobbying a senior Chinese diplomat'],
    [
      '<div class="article-body">',
      '<div class="article-body">\n          <p>This article has been updated with a response from Mr Dong\'s office.</p>',
    ],
    ['src="media/', 'src="/media/'],
  ];
  return edits.reduce((page, [from, to]) => {
    if (!page.includes(from)) throw new Error(`the BBC fixture no longer contains ${JSON.stringify(from)}`);
    return page.replaceAll(from, to);
  }, html);
}
