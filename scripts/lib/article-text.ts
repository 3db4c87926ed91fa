/**
 * The article text of a saved page as the extension's analysis sees it: extracted by the content
 * script's own code (Readability on a jsdom document), blocks joined by a blank line.
 */
import { JSDOM } from 'jsdom';
import { extractArticle } from '../../src/page/article-extraction.ts';
import { blockSeparator } from '../../src/page/text-map.ts';

/** Null when the page holds no article. `url` is where the page claims to come from. */
export function articleText(html: string, url: string): string | null {
  const { window } = new JSDOM(html, { url });
  try {
    const article = extractArticle(window.document);
    return article ? article.input.blocks.map((block) => block.text).join(blockSeparator) : null;
  } finally {
    window.close();
  }
}
