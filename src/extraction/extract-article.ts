/**
 * Finds the article in a page snapshot and builds the analysis input from it, with the runs that
 * tie its text back to the page's Text nodes. Readability decides what the article is; it
 * rearranges what it reads, so it reads its own parse of the snapshot while the block structure
 * (headline, byline, captions, paragraphs) is read from a second, untouched one. Both number the
 * body's Text nodes in the same order as the page's snapshot, which is how Readability's choice is
 * carried back to the page.
 *
 * Runs wherever the background runs (no DOM), and in Node for the CLI, which extracts a page
 * exactly as the extension does: snapshot (src/page/page-snapshot.ts), then this.
 */
import { Readability } from '@mozilla/readability';
import { finish } from '../analysis/analyse.ts';
import type { ArticleInput, ArticleMetadata, BlockKind } from '../analysis/types.ts';
import type { PageSnapshot } from '../page/page-snapshot.ts';
import { jsonLdScripts, metaContent } from './head-metadata.ts';
import { findJsonLdArticle, type JsonLdNode, stringField } from './json-ld.ts';
import {
  closest,
  isElement,
  type ParsedDocument,
  type ParsedElement,
  type ParsedNode,
  type ParsedPage,
  parsePage,
  textsUnder,
} from './parsed-page.ts';
import { type TextRun, TextRunsBuilder } from './text-runs.ts';

export interface ExtractedArticle {
  input: ArticleInput;
  runs: TextRun[];
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
const figureTags = new Set(['FIGURE', 'FIGCAPTION']);
const captionTags = new Set(['FIGCAPTION']);
const outsideTags = new Set(['NAV', 'FOOTER', 'ASIDE']);

const bylinePattern = /byline|author|writtenby|p-author|contributor/i;
const creditPattern = /credit|copyright|image-?source|photo-?source/i;
const maxBylineLength = 200;
const maxDatelineLength = 80;
/** Below this many characters, Readability's pick inside a declared article area is suspect: the whole body is read. */
export const minScopedArticleLength = 500;

/** The article in a snapshot of the page at `url`, or null when the page holds none. */
export function extractArticle(snapshot: PageSnapshot, url: string): ExtractedArticle | null {
  return finish(extractionSteps(snapshot, url));
}

/**
 * The same, as steps: the two parses and Readability each take up to hundreds of milliseconds on a
 * long page, and the background answers whatever arrived between them.
 */
export function* extractionSteps(snapshot: PageSnapshot, url: string): Generator<void, ExtractedArticle | null> {
  const page = parsePage(snapshot.html, url);
  if (page.texts.length !== snapshot.texts) {
    throw new Error(`the page snapshot holds ${page.texts.length} texts, not the ${snapshot.texts} it announces`);
  }
  const data = page.texts.map((text) => text.textContent);
  yield;
  // Readability takes apart the document it reads: it gets a parse of its own, and the untouched one
  // keeps the page's structure for the headline, byline and blocks.
  const reading = parsePage(snapshot.html, url);
  const indexOf = new Map(reading.texts.map((text, index) => [text, index]));
  yield;
  const parsed = new Readability<ParsedElement>(reading.document as unknown as Document, {
    serializer: (node) => node as unknown as ParsedElement,
  }).parse();
  yield;
  if (!parsed?.content) return null;

  const chosen = new Set(chosenTexts(textsUnder(parsed.content), indexOf, data));
  const firstChosen = [...chosen].sort((a, b) => a - b).find((index) => /\S/.test(data[index] as string));
  if (firstChosen === undefined) return null;
  const first = page.texts[firstChosen] as ParsedNode;
  const jsonLd = findJsonLdArticle(jsonLdScripts(page.document));
  const headline = findHeadline(page, first, [stringField(jsonLd ?? {}, 'headline'), parsed.title]);
  const byline = findByline(page, first);
  const pageIndexOf = new Map(page.texts.map((text, index) => [text, index]));
  for (const element of [headline, byline]) {
    if (element) for (const text of textsUnder(element)) chosen.add(pageIndexOf.get(text) as number);
  }

  const builder = new TextRunsBuilder();
  let currentBlock: ParsedElement | null = null;
  let currentKind: BlockKind | null = null;
  let previous: ParsedNode | null = null;
  for (const index of [...chosen].sort((a, b) => a - b)) {
    const text = page.texts[index] as ParsedNode;
    const block = blockElementOf(text);
    if (block !== currentBlock) {
      currentKind = blockKind(page, block, headline, byline);
      builder.startBlock(currentKind);
      currentBlock = block;
    } else if (page.breakBefore.has(index) || (currentKind === 'credit' && text.parentNode !== previous?.parentNode)) {
      // A credit's parts (a "Credit" label, the photographer, the agency) are set apart by styling, not spaces.
      builder.lineBreak();
    }
    builder.append(index, data[index] as string);
    previous = text;
  }
  const { text, blocks, runs } = builder.finish();
  if (text.length === 0 || (snapshot.scoped && text.length < minScopedArticleLength)) return null;
  return {
    input: {
      blocks: blocks.map((block) => ({ kind: block.kind, text: text.slice(block.start, block.end) })),
      metadata: metadataOf(page.document, jsonLd, parsed),
    },
    runs,
  };
}

/** The snapshot positions of the texts Readability chose. */
function chosenTexts(chosen: ParsedNode[], indexOf: Map<ParsedNode, number>, data: string[]): number[] {
  const byIdentity = chosen.map((text) => indexOf.get(text));
  if (byIdentity.every((index, at) => index !== undefined || !/\S/.test((chosen[at] as ParsedNode).textContent))) {
    return byIdentity.filter((index): index is number => index !== undefined);
  }
  return alignTexts(
    chosen.map((text) => text.textContent),
    data,
  );
}

// How far ahead alignment looks for a text before deciding Readability made it up.
const maxAlignmentLookahead = 2000;

/**
 * When Readability retries with looser rules it re-parses its input from HTML, so its answer holds
 * new Text nodes. They are the snapshot's texts in the same order (adjacent ones possibly merged by
 * the round trip through HTML), so walking both lists in step pairs them up again.
 */
function alignTexts(chosen: string[], data: string[]): number[] {
  const aligned: number[] = [];
  let cursor = 0;
  for (const text of chosen) {
    if (!/\S/.test(text)) continue;
    const limit = Math.min(data.length, cursor + maxAlignmentLookahead);
    for (let start = cursor; start < limit; start++) {
      let end = start;
      let covered = '';
      while (end < data.length && text.startsWith(covered + (data[end] as string))) {
        covered += data[end] as string;
        end++;
        if (covered.length === text.length) break;
      }
      if (covered.length !== text.length) continue;
      for (let index = start; index < end; index++) aligned.push(index);
      cursor = end;
      break;
    }
  }
  return aligned;
}

/** A photo credit, by its class or its schema.org property (`itemprop="copyrightHolder"`). */
const isCredit = (element: ParsedElement) =>
  creditPattern.test(element.className) || creditPattern.test(element.getAttribute('itemprop') ?? '');

const before = (page: ParsedPage, a: ParsedNode, b: ParsedNode) =>
  (page.order.get(a)?.at ?? 0) < (page.order.get(b)?.at ?? 0);

function contains(page: ParsedPage, outer: ParsedNode, inner: ParsedNode): boolean {
  const o = page.order.get(outer);
  const i = page.order.get(inner);
  return !!o && !!i && o.at <= i.at && i.at <= o.last;
}

/** The nearest block-level element, treating a credit inside a caption as a block of its own. */
function blockElementOf(text: ParsedNode): ParsedElement | null {
  for (let node = text.parentNode; node; node = node.parentNode) {
    if (!isElement(node)) continue;
    if (isCredit(node) && closest(node, figureTags)) return node;
    if (blockTags.has(node.tagName)) return node;
  }
  return null;
}

function blockKind(
  page: ParsedPage,
  block: ParsedElement | null,
  headline: ParsedElement | null,
  byline: ParsedElement | null,
): BlockKind {
  if (!block) return 'paragraph';
  if (headline && contains(page, headline, block)) return 'headline';
  if (byline && (contains(page, byline, block) || contains(page, block, byline))) return 'byline';
  if (isCredit(block)) return 'credit';
  if (block.getElementsByTagName('time').length > 0 && normalise(block.textContent).length <= maxDatelineLength) {
    return 'dateline';
  }
  if (closest(block, captionTags)) return 'caption';
  return 'paragraph';
}

const normalise = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

/** The page's h1 that carries the headline, if it sits before the article text. */
function findHeadline(
  page: ParsedPage,
  firstText: ParsedNode,
  titles: (string | null | undefined)[],
): ParsedElement | null {
  const wanted = titles.map(normalise).filter(Boolean);
  // An h1 before the text in document order either precedes it or contains it.
  const headings = page.document.getElementsByTagName('h1').filter((h1) => before(page, h1, firstText));
  return (
    headings.find((h1) =>
      wanted.some((title) => title.includes(normalise(h1.textContent)) || normalise(h1.textContent).includes(title)),
    ) ??
    headings[headings.length - 1] ??
    null
  );
}

/** A short byline-looking element between the headline and the article text. */
function findByline(page: ParsedPage, firstText: ParsedNode): ParsedElement | null {
  let found: ParsedElement | null = null;
  for (const element of page.document.body?.getElementsByTagName('*') ?? []) {
    if (!before(page, element, firstText)) break;
    const rel = element.getAttribute('rel');
    const itemprop = element.getAttribute('itemprop');
    const isAuthor = rel === 'author' || (itemprop ?? '').split(/\s+/).includes('author');
    if (!isAuthor && !element.className && !element.id) continue;
    const marker = `${rel ?? ''} ${itemprop ?? ''} ${element.className} ${element.id}`;
    if (!bylinePattern.test(marker) || closest(element, outsideTags)) continue;
    const length = normalise(element.textContent).length;
    if (length > 0 && length <= maxBylineLength) found = element;
  }
  return found;
}

function metadataOf(
  document: ParsedDocument,
  jsonLd: JsonLdNode | undefined,
  parsed: { title?: string | null; byline?: string | null; siteName?: string | null; publishedTime?: string | null },
): ArticleMetadata {
  const node = jsonLd ?? {};
  const publisher = node.publisher as JsonLdNode | undefined;
  const canonical =
    document
      .getElementsByTagName('link')
      .find((link) => link.getAttribute('rel') === 'canonical')
      ?.getAttribute('href') ?? metaContent(document, 'og:url');
  const metadata: ArticleMetadata = {
    title: stringField(node, 'headline') || parsed.title || metaContent(document, 'og:title') || document.title,
    outlet: (publisher && stringField(publisher, 'name')) || parsed.siteName || metaContent(document, 'og:site_name'),
    url: absoluteUrl(canonical, document.baseURI) ?? document.documentURI,
    published:
      stringField(node, 'datePublished') || parsed.publishedTime || metaContent(document, 'article:published_time'),
    modified: stringField(node, 'dateModified') || metaContent(document, 'article:modified_time'),
    byline: parsed.byline?.replace(/\s+/g, ' ').trim() || undefined,
  };
  return Object.fromEntries(Object.entries(metadata).filter(([, value]) => value));
}

function absoluteUrl(href: string | null | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}
