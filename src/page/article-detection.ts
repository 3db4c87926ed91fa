import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';

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

export interface ArticleSignals {
  isArticle: boolean;
  /** How the decision was made, cheapest first. */
  evidence: 'json-ld' | 'open-graph' | 'readerable' | 'none';
  title: string;
}

export function detectArticle(document: Document): ArticleSignals {
  const jsonLd = findJsonLdArticle(document);
  const headline = jsonLd ? stringField(jsonLd, 'headline') : undefined;
  const title = headline || metaContent(document, 'og:title') || document.title;
  if (jsonLd) return { isArticle: true, evidence: 'json-ld', title };
  if (metaContent(document, 'og:type')?.toLowerCase() === 'article') {
    return { isArticle: true, evidence: 'open-graph', title };
  }
  if (isProbablyReaderable(document)) return { isArticle: true, evidence: 'readerable', title };
  return { isArticle: false, evidence: 'none', title };
}

export function metaContent(document: Document, property: string): string | undefined {
  const meta = document.querySelector(`meta[property="${property}"], meta[name="${property}"]`);
  return meta?.getAttribute('content')?.trim() || undefined;
}

export type JsonLdNode = Record<string, unknown>;

export function stringField(node: JsonLdNode, key: string): string | undefined {
  const value = node[key];
  return typeof value === 'string' ? value.trim() : undefined;
}

/** The first article-typed node of the page's JSON-LD. */
export function findJsonLdArticle(document: Document): JsonLdNode | undefined {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    const text = script.textContent ?? '';
    if (text.length > maxJsonLdChars) continue;
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
