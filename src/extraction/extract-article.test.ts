// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../scripts/lib/paths.ts';
import { takeSnapshot } from '../page/page-snapshot.ts';
import { liveRange, mapFromRuns, type TextMap } from '../page/text-map.ts';

/** The words a highlight's range covers. */
const textOf = (range: StaticRange | null | undefined) => (range ? liveRange(range).toString() : null);
import { blockSeparator } from './text-runs.ts';
import { extractArticle as extractFromSnapshot } from './extract-article.ts';

/**
 * The article of a live document as the extension finds it: a snapshot of it, read as the background
 * reads it (JSDOMParser and Readability), the answer's runs tied back to the document's own Text nodes.
 */
function extractArticle(document: Document) {
  const taken = takeSnapshot(document);
  const article = extractFromSnapshot(taken.snapshot, document.URL);
  const text = article?.input.blocks.map((block) => block.text).join(blockSeparator) ?? '';
  return article && { input: article.input, map: mapFromRuns(article.runs, taken.nodes, taken.data, text) as TextMap };
}

function fixture(name: string): Document {
  const html = readFileSync(join(fixturesDir, name), 'utf8');
  return new JSDOM(html, { url: `http://127.0.0.1:8127/${name}` }).window.document;
}

function spanOf(text: string, phrase: string, from = 0) {
  const start = text.indexOf(phrase, from);
  if (start < 0) throw new Error(`"${phrase}" not in the text`);
  return { start, end: start + phrase.length };
}

describe('extracting the article on the BBC fixture', () => {
  const document = fixture('bbc-han-dong.html');
  const before = document.documentElement.outerHTML;
  const article = extractArticle(document);
  if (!article) throw new Error('no article');
  const text = article.input.blocks.map((block) => block.text).join('\n\n');

  it('leaves the document as it was', () => {
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('takes the headline, byline, date, caption, credit and every paragraph, and no page furniture', () => {
    expect(article.input.blocks.map((block) => block.kind)).toEqual([
      'headline',
      'byline',
      'dateline',
      'credit',
      'caption',
      ...Array<string>(13).fill('paragraph'),
    ]);
    expect(article.input.blocks[0]?.text).toBe('Han Dong: Canadian MP leaves Liberal caucus over China allegations');
    expect(text).not.toMatch(/Advertisement|Related Topics|Skip to content|Privacy Policy/);
    expect(article.input.blocks.at(-1)?.text).toBe(
      '"China opposes interference in other countries\' internal affairs. We have no interest in and will not interfere in Canada\'s internal affairs," Mr Wenbin said on Thursday.',
    );
  });

  it('reads the metadata from JSON-LD and the canonical link', () => {
    expect(article.input.metadata).toEqual({
      title: 'Han Dong: Canadian MP leaves Liberal caucus over China allegations',
      outlet: 'BBC News',
      url: 'http://127.0.0.1:8127/news/world-us-canada-han-dong',
      published: '2023-03-23T04:12:00Z',
      modified: '2023-03-23T04:12:00Z',
      byline: 'Maya Lindqvist',
    });
  });

  it('maps spans of the text back to the live text they came from', () => {
    for (const phrase of ['Han Tao', 'Meng Wanzhou', 'Mr Wenbin said on Thursday', 'Getty Images']) {
      expect(textOf(article.map.rangeFor(spanOf(text, phrase)))).toBe(phrase);
    }
    // A span across a collapsed line break in the caption still covers the right words.
    const caption = spanOf(text, 'Han Dong, seen in a 2014 file photo');
    expect(textOf(article.map.rangeFor(caption))).toBe('Han Dong, seen in a 2014 file photo');
  });

  it('maps a selection in the page back to a span of the text', () => {
    const paragraph = [...document.querySelectorAll('p')].find((p) => p.textContent?.startsWith('Mr Dong has denied'));
    const node = paragraph?.firstChild as Text;
    const start = article.map.offsetOf(node, 0);
    const end = article.map.offsetOf(node, node.data.length);
    expect(start).not.toBeNull();
    expect(text.slice(start ?? 0, end ?? 0)).toBe('Mr Dong has denied the allegations against him.');
  });
});

describe('extracting the article on the WION fixture', () => {
  const article = extractArticle(fixture('wion-han-dong.html'));

  it('finds the NewsArticle that follows a WebPage node and keeps curly apostrophes', () => {
    expect(article?.input.metadata.outlet).toBe('WION');
    expect(article?.input.metadata.published).toBe('2023-03-24T09:41:00+05:30');
    expect(article?.input.blocks.slice(0, 2).map((block) => block.kind)).toEqual(['headline', 'byline']);
    expect(
      article?.input.blocks.some((block) => block.text.includes('China’s consul general in Toronto Han Tao')),
    ).toBe(true);
  });
});

describe('extracting the article on small documents', () => {
  function documentOf(body: string): Document {
    return new JSDOM(`<!doctype html><title>t</title><body>${body}</body>`, { url: 'https://example.org/a' }).window
      .document;
  }
  const paragraphs = (words: string) =>
    Array.from(
      { length: 6 },
      (_, i) => `<p>${words} paragraph ${i}, long enough for Readability to count it as prose worth reading.</p>`,
    ).join('');

  it('collapses whitespace and drops soft hyphens, keeping the map exact', () => {
    const document = documentOf(
      `<article><p>  Michael   Spa\u00advor\n  <b>was</b>   released. </p>${paragraphs('More')}</article>`,
    );
    const article = extractArticle(document);
    const first = article?.input.blocks[0]?.text ?? '';
    expect(first).toBe('Michael Spavor was released.');
    expect(textOf(article?.map.rangeFor({ start: 8, end: 14 }))).toBe('Spa\u00advor');
  });

  it('carries the choice back to the live text when Readability retried with looser rules', () => {
    // Readability first strips a "sidebar", finds too little, and retries on a re-parsed copy.
    const document = documentOf(`<div class="sidebar">${paragraphs('Sidebar prose')}</div>`);
    const article = extractArticle(document);
    const text = article?.input.blocks.map((block) => block.text).join('\n\n') ?? '';
    expect(text).toContain('Sidebar prose paragraph 5, long enough');
    const range = article?.map.rangeFor(spanOf(text, 'paragraph 3'));
    expect(textOf(range)).toBe('paragraph 3');
    expect(document.body.contains(range?.startContainer ?? null)).toBe(true);
  });

  it('keeps words apart where the page breaks the line', () => {
    const story = Array.from(
      { length: 12 },
      (_, i) => `Line ${i} of a story told in divs and line breaks, the way some sites still publish.<br>`,
    ).join('');
    const document = documentOf(
      `<div id="wrap"><div id="promo"><div><p>${'A promotional paragraph, with commas, '.repeat(3)}</p></div></div></div>
       <div class="story"><div>${story}</div></div>`,
    );
    const text =
      extractArticle(document)
        ?.input.blocks.map((block) => block.text)
        .join('\n\n') ?? '';
    expect(text).toContain('Line 11 of a story told in divs');
    expect(text).toContain('the way some sites still publish. Line 1 of a story');
  });

  it('sets a photo credit apart from its caption, and its parts apart from each other', () => {
    const document = documentOf(
      `<article>${paragraphs('Story')}<figure><img src="a.jpg"><figcaption><span>A worker repairs cables.</span>` +
        '<span itemprop="copyrightHolder"><span>Credit</span><span>Chang W. Lee/The Times</span></span>' +
        `</figcaption></figure>${paragraphs('More')}</article>`,
    );
    const blocks = extractArticle(document)?.input.blocks ?? [];
    expect(blocks.filter((block) => block.kind === 'caption' || block.kind === 'credit')).toEqual([
      { kind: 'caption', text: 'A worker repairs cables.' },
      { kind: 'credit', text: 'Credit Chang W. Lee/The Times' },
    ]);
  });

  it('returns null for a document with no article', () => {
    expect(extractArticle(documentOf(''))).toBeNull();
  });
});
