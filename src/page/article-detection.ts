import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { jsonLdScripts, metaContent } from '../extraction/head-metadata.ts';
import { findJsonLdArticle, stringField } from '../extraction/json-ld.ts';

export interface ArticleSignals {
  isArticle: boolean;
  /** How the decision was made, cheapest first. */
  evidence: 'json-ld' | 'open-graph' | 'readerable' | 'none';
  title: string;
}

export function detectArticle(document: Document): ArticleSignals {
  const jsonLd = findJsonLdArticle(jsonLdScripts(document));
  const headline = jsonLd ? stringField(jsonLd, 'headline') : undefined;
  const title = headline || metaContent(document, 'og:title') || document.title;
  if (jsonLd) return { isArticle: true, evidence: 'json-ld', title };
  if (metaContent(document, 'og:type')?.toLowerCase() === 'article') {
    return { isArticle: true, evidence: 'open-graph', title };
  }
  if (isProbablyReaderable(document)) return { isArticle: true, evidence: 'readerable', title };
  return { isArticle: false, evidence: 'none', title };
}
