/**
 * The article text of a saved page as the extension's analysis sees it: extracted by the content
 * script's own code (Readability on a jsdom document), blocks joined by a blank line.
 */
import { blockSeparator } from '../../src/extraction/text-runs.ts';
import { articleFromHtml } from './article-files.ts';

/** Null when the page holds no article. `url` is where the page claims to come from. */
export function articleText(html: string, url: string): string | null {
  return (
    articleFromHtml(html, url)
      ?.blocks.map((block) => block.text)
      .join(blockSeparator) ?? null
  );
}
