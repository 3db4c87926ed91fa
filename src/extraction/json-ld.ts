/**
 * The article node of a page's JSON-LD, read from its `application/ld+json` scripts' text: the
 * content script's article check and the background's metadata both ask it.
 */

/** schema.org types whose pages Crosscheck treats as articles. */
const articleTypes = new Set([
  'Article',
  'NewsArticle',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'BackgroundNewsArticle',
  'OpinionNewsArticle',
  'ReviewNewsArticle',
  'LiveBlogPosting',
  'BlogPosting',
]);

// A hostile page can ship any amount of JSON-LD: look at a bounded part of it.
const maxJsonLdChars = 1_000_000;
const maxJsonLdNodes = 500;

export type JsonLdNode = Record<string, unknown>;

/**
 * Only an object or an array can hold an article node. Testing that first spares JSON.parse the
 * scripts it would reject (many publishers wrap their JSON-LD in `<![CDATA[`): a thrown SyntaxError
 * costs the page milliseconds, more with a debugger attached.
 */
const objectOrArray = /^[ \t\n\r]*[[{]/;

export function stringField(node: JsonLdNode, key: string): string | undefined {
  const value = node[key];
  return typeof value === 'string' ? value.trim() : undefined;
}

/** The first article-typed node of the JSON-LD scripts with these texts. */
export function findJsonLdArticle(scripts: Iterable<string>): JsonLdNode | undefined {
  for (const text of scripts) {
    if (text.length > maxJsonLdChars || !objectOrArray.test(text)) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue; // Publishers ship broken JSON-LD often enough; the other signals still count.
    }
    const article = findArticleNode(data);
    if (article) return article;
  }
  return undefined;
}

function findArticleNode(root: unknown): JsonLdNode | undefined {
  const queue: unknown[] = [root];
  for (let visited = 0; queue.length > 0 && visited < maxJsonLdNodes; visited++) {
    const node = queue.shift();
    if (Array.isArray(node)) {
      queue.push(...(node as unknown[]));
    } else if (typeof node === 'object' && node !== null) {
      const record = node as JsonLdNode;
      const types = ([] as unknown[]).concat(record['@type']);
      if (types.some((type) => typeof type === 'string' && articleTypes.has(type))) return record;
      queue.push(record['@graph'], record.mainEntity, record.mainEntityOfPage);
    }
  }
  return undefined;
}
