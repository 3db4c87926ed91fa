/**
 * Finds the article in a document and builds the analysis input from it, keeping a map back to the
 * document's own Text nodes. Readability decides what the article is, working on a copy of the part
 * of the page that can hold it (it rearranges what it is given); the copy's Text nodes are paired
 * with the live ones beforehand, so its verdict can be carried back to the page without touching it.
 *
 * Works on any Document: the live page in the content script, a jsdom document in the CLI.
 */
import { Readability } from '@mozilla/readability';
import type { ArticleInput, ArticleMetadata, BlockKind } from '../analysis/types.ts';
import { findJsonLdArticle, type JsonLdNode, metaContent, stringField } from './article-detection.ts';
import { articleScope } from './article-scope.ts';
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

/** Below this many characters, Readability's pick inside the scope is suspect: read the whole page. */
const minScopedArticleLength = 500;

/** The article, extracted in one go: for the CLI and tests, where nothing else waits for the thread. */
export function extractArticle(document: Document): ExtractedArticle | null {
  const steps = extractArticleInSteps(document);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The article, extracted in steps of a few milliseconds each: the content script gives the page
 * the main thread back at every `yield`. Live Text nodes are held by reference from the first step
 * on, so a page that changes in between only makes the result stale, never wrong about which node
 * a character came from.
 */
export function* extractArticleInSteps(document: Document): Generator<void, ExtractedArticle | null> {
  const body = document.body as HTMLElement | null;
  if (!body) return null;
  const scope = articleScope(body);
  let parsed = yield* readScoped(document, scope);
  yield;
  if (scope !== body && (parsed?.textContent?.trim().length ?? 0) < minScopedArticleLength) {
    parsed = yield* readScoped(document, body);
    yield;
  }
  if (!parsed?.content) return null;

  const chosen = new Set(parsed.chosenLiveTexts());
  const firstChosen = [...chosen].find((text) => /\S/.test(text.data));
  if (!firstChosen) return null;
  const jsonLd = findJsonLdArticle(document);
  const headline = findHeadline(document, firstChosen, [stringField(jsonLd ?? {}, 'headline'), parsed.title]);
  const byline = findByline(document, firstChosen);
  for (const element of [headline, byline]) {
    if (element) for (const text of textNodesUnder(element)) chosen.add(text);
  }
  yield;

  const builder = new TextMapBuilder();
  let currentBlock: Element | null = null;
  for (const text of [...chosen].sort(inDocumentOrder)) {
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

type ScopedReading = NonNullable<ReturnType<Readability<Element>['parse']>> & {
  /** The live Text nodes of what Readability chose, in its order. */
  chosenLiveTexts(): Text[];
};

/**
 * Readability's verdict on one part of the page. It rearranges what it reads, so it reads a copy:
 * the page's head (for its metadata) and the scope. Copy and scope have the same shape, so the n-th
 * Text node of each is the same text, which is how its choice is carried back to the live nodes.
 */
function* readScoped(document: Document, scope: Element): Generator<void, ScopedReading | null> {
  const copy = document.implementation.createHTMLDocument('');
  const copiedScope = copy.importNode(scope, true);
  if (scope === document.body) {
    copy.documentElement.replaceChildren(copy.importNode(document.head, true), copiedScope);
  } else {
    copy.documentElement.replaceChildren(copy.importNode(document.head, true), copy.createElement('body'));
    copy.body.append(copiedScope);
  }
  const liveTexts = textNodesUnder(scope);
  const copiedTexts = textNodesUnder(copiedScope);
  const copiedData = copiedTexts.map((text) => text.data);
  const liveOf = new Map<Text, Text>();
  copiedTexts.forEach((text, index) => liveOf.set(text, liveTexts[index] as Text));
  yield; // The copy is made: Readability's reading of it is the next slice.

  const parsed = new Readability<Element>(copy, { serializer: (node) => node as Element }).parse();
  if (!parsed?.content) return null;
  const content = parsed.content;
  return {
    ...parsed,
    chosenLiveTexts() {
      const chosen = textNodesUnder(content);
      const byIdentity = chosen.map((text) => liveOf.get(text));
      if (byIdentity.every((live, index) => live || !/\S/.test((chosen[index] as Text).data))) {
        return byIdentity.filter((live): live is Text => live !== undefined);
      }
      return alignTexts(chosen, copiedData, liveTexts);
    },
  };
}

// How far ahead alignment looks for a text before deciding Readability made it up.
const maxAlignmentLookahead = 2000;

/**
 * When Readability retries with looser rules it re-parses its input from HTML, so its answer holds
 * new Text nodes. They are the copy's texts in the same order (adjacent ones possibly merged by the
 * round trip through HTML), so walking both lists in step pairs them up again.
 */
function alignTexts(chosen: Text[], copiedData: string[], liveTexts: Text[]): Text[] {
  const aligned: Text[] = [];
  let cursor = 0;
  for (const text of chosen) {
    const data = text.data;
    if (!/\S/.test(data)) continue;
    const limit = Math.min(copiedData.length, cursor + maxAlignmentLookahead);
    for (let start = cursor; start < limit; start++) {
      let end = start;
      let covered = '';
      while (end < copiedData.length && data.startsWith(covered + (copiedData[end] as string))) {
        covered += copiedData[end] as string;
        end++;
        if (covered.length === data.length) break;
      }
      if (covered.length !== data.length) continue;
      aligned.push(...liveTexts.slice(start, end));
      cursor = end;
      break;
    }
  }
  return aligned;
}

function inDocumentOrder(a: Node, b: Node): number {
  if (a === b) return 0;
  return a.compareDocumentPosition(b) & 4 /* Node.DOCUMENT_POSITION_FOLLOWING */ ? -1 : 1;
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
