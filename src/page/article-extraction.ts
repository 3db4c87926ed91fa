/**
 * Finds the article in a document and builds the analysis input from it, keeping a map back to the
 * document's own Text nodes. Readability decides what the article is, working on a clone (it
 * rearranges what it is given); the clone's Text nodes are paired with the live ones beforehand, so
 * its verdict can be carried back to the page without touching the page.
 *
 * Works on any Document: the live page in the content script, a jsdom document in the CLI.
 */
import { Readability } from '@mozilla/readability';
import type { ArticleInput, ArticleMetadata, BlockKind } from '../analysis/types.ts';
import { findJsonLdArticle, type JsonLdNode, metaContent, stringField } from './article-detection.ts';
import { type TextMap, TextMapBuilder } from './text-map.ts';

export interface ExtractedArticle {
  input: ArticleInput;
  map: TextMap;
}

const blockTags = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);

const bylinePattern = /byline|author|writtenby|p-author|contributor/i;
const creditPattern = /credit|copyright|image-?source|photo-?source/i;
const maxBylineLength = 200;
const maxDatelineLength = 80;

export function extractArticle(document: Document): ExtractedArticle | null {
  const body = document.body as HTMLElement | null;
  if (!body) return null;
  const liveTexts = textNodesUnder(body);
  const clone = document.cloneNode(true) as Document;
  const cloneTexts = clone.body ? textNodesUnder(clone.body) : [];
  // A deep clone has the same shape, so the n-th Text node of each is the same text.
  const liveIndexOf = new Map<Text, number>(cloneTexts.map((text, index) => [text, index]));

  const parsed = new Readability<Element>(clone, { serializer: (node) => node as Element }).parse();
  if (!parsed?.content) return null;

  const chosen = new Set<number>();
  for (const text of textNodesUnder(parsed.content)) {
    const index = liveIndexOf.get(text);
    if (index !== undefined) chosen.add(index);
  }

  const firstChosen = [...chosen]
    .sort((a, b) => a - b)
    .map((index) => liveTexts[index] as Text)
    .find((text) => /\S/.test(text.data));
  if (!firstChosen) return null;
  const jsonLd = findJsonLdArticle(document);
  const headline = findHeadline(document, firstChosen, [stringField(jsonLd ?? {}, 'headline'), parsed.title]);
  const byline = findByline(document, firstChosen);
  const indexOf = new Map<Text, number>(liveTexts.map((text, index) => [text, index]));
  for (const element of [headline, byline]) {
    if (!element) continue;
    for (const text of textNodesUnder(element)) {
      const index = indexOf.get(text);
      if (index !== undefined) chosen.add(index);
    }
  }

  const builder = new TextMapBuilder();
  let currentBlock: Element | null = null;
  for (const index of [...chosen].sort((a, b) => a - b)) {
    const text = liveTexts[index] as Text;
    const block = blockElementOf(text);
    if (block !== currentBlock) {
      builder.startBlock(blockKind(block, headline, byline));
      currentBlock = block;
    }
    builder.append(text);
  }
  const { text, blocks, map } = builder.finish();
  if (text.length === 0) return null;
  return {
    input: {
      blocks: blocks.map((block) => ({ kind: block.kind, text: text.slice(block.start, block.end) })),
      metadata: metadataOf(document, jsonLd, parsed),
    },
    map,
  };
}

function textNodesUnder(root: Node): Text[] {
  const document = root.ownerDocument ?? (root as Document);
  const walker = document.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  return texts;
}

/** The nearest block-level element, treating a credit inside a caption as a block of its own. */
function blockElementOf(text: Text): Element | null {
  for (let element = text.parentElement; element; element = element.parentElement) {
    if (creditPattern.test(element.className) && element.closest('figure, figcaption')) return element;
    if (blockTags.has(element.tagName)) return element;
  }
  return null;
}

function blockKind(block: Element | null, headline: Element | null, byline: Element | null): BlockKind {
  if (!block) return 'paragraph';
  if (headline && (block === headline || headline.contains(block))) return 'headline';
  if (byline && (block === byline || byline.contains(block) || block.contains(byline))) return 'byline';
  if (creditPattern.test(block.className)) return 'credit';
  if (block.querySelector('time') && normalise(block.textContent).length <= maxDatelineLength) return 'dateline';
  if (block.tagName === 'FIGCAPTION' || block.closest('figcaption')) return 'caption';
  return 'paragraph';
}

const normalise = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

/** The page's h1 that carries the headline, if it sits before the article text. */
function findHeadline(document: Document, firstText: Text, titles: (string | null | undefined)[]): Element | null {
  const wanted = titles.map(normalise).filter(Boolean);
  const headings = [...document.querySelectorAll('h1')].filter(
    (h1) => h1.compareDocumentPosition(firstText) & 4 /* Node.DOCUMENT_POSITION_FOLLOWING */ || h1.contains(firstText),
  );
  return (
    headings.find((h1) =>
      wanted.some((title) => title.includes(normalise(h1.textContent)) || normalise(h1.textContent).includes(title)),
    ) ??
    headings[headings.length - 1] ??
    null
  );
}

/** A short byline-looking element between the headline and the article text. */
function findByline(document: Document, firstText: Text): Element | null {
  const candidates = document.querySelectorAll('[rel="author"], [itemprop~="author"], [class], [id]');
  let found: Element | null = null;
  for (const element of candidates) {
    if (!(element.compareDocumentPosition(firstText) & 4)) break;
    const marker = `${element.getAttribute('rel') ?? ''} ${element.getAttribute('itemprop') ?? ''} ${element.className} ${element.id}`;
    if (!bylinePattern.test(marker) || element.closest('nav, footer, aside')) continue;
    const length = normalise(element.textContent).length;
    if (length > 0 && length <= maxBylineLength) found = element;
  }
  return found;
}

function metadataOf(
  document: Document,
  jsonLd: JsonLdNode | undefined,
  parsed: { title?: string | null; byline?: string | null; siteName?: string | null; publishedTime?: string | null },
): ArticleMetadata {
  const node = jsonLd ?? {};
  const publisher = node.publisher as JsonLdNode | undefined;
  const canonical =
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? metaContent(document, 'og:url');
  const metadata: ArticleMetadata = {
    title: stringField(node, 'headline') || parsed.title || metaContent(document, 'og:title') || document.title,
    outlet: (publisher && stringField(publisher, 'name')) || parsed.siteName || metaContent(document, 'og:site_name'),
    url: absoluteUrl(canonical, document) ?? document.URL,
    published:
      stringField(node, 'datePublished') || parsed.publishedTime || metaContent(document, 'article:published_time'),
    modified: stringField(node, 'dateModified') || metaContent(document, 'article:modified_time'),
    byline: parsed.byline || undefined,
  };
  return Object.fromEntries(Object.entries(metadata).filter(([, value]) => value));
}

function absoluteUrl(href: string | null | undefined, document: Document): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, document.baseURI).href;
  } catch {
    return undefined;
  }
}
