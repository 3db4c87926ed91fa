// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir as fixtures } from '../../scripts/lib/paths.ts';
import { describe, expect, it, vi } from 'vitest';
import { detectArticle } from './article-detection.ts';

function documentFrom(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('detectArticle', () => {
  it('recognises the fixture articles from their JSON-LD', () => {
    const bbc = detectArticle(documentFrom(readFileSync(join(fixtures, 'bbc-han-dong.html'), 'utf8')));
    expect(bbc).toEqual({
      isArticle: true,
      evidence: 'json-ld',
      title: 'Han Dong: Canadian MP leaves Liberal caucus over China allegations',
    });
    // WION's NewsArticle comes after a WebPage node in a JSON-LD array.
    const wion = detectArticle(documentFrom(readFileSync(join(fixtures, 'wion-han-dong.html'), 'utf8')));
    expect(wion.evidence).toBe('json-ld');
  });

  it('finds articles inside @graph', () => {
    const html = `<script type="application/ld+json">{"@graph":[{"@type":"Organization"},{"@type":["NewsArticle"],"headline":"In a graph"}]}</script>`;
    expect(detectArticle(documentFrom(html))).toMatchObject({ isArticle: true, title: 'In a graph' });
  });

  it('falls back to og:type when the JSON-LD is broken', () => {
    const html = `<head><meta property="og:type" content="article"><meta property="og:title" content="OG title">
      <script type="application/ld+json">{ not json</script></head>`;
    expect(detectArticle(documentFrom(html))).toEqual({ isArticle: true, evidence: 'open-graph', title: 'OG title' });
  });

  it('does not hand JSON.parse a script that cannot hold an article (CDATA-wrapped JSON-LD)', () => {
    const html = `<head><meta property="og:type" content="article">
      <script type="application/ld+json">
        <![CDATA[ {"@type":"NewsArticle"} ]]></script></head>`;
    const parse = vi.spyOn(JSON, 'parse');
    try {
      expect(detectArticle(documentFrom(html)).evidence).toBe('open-graph');
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });

  it('reads JSON-LD only from scripts typed exactly so, and og:type from name= as from property=', () => {
    const article = '{"@type":"NewsArticle","headline":"Typed"}';
    const html = `<head><script type="Application/LD+JSON">${article}</script><meta name="og:type" content="Article">
      <meta property="og:title" content="From Open Graph"></head>`;
    expect(detectArticle(documentFrom(html))).toEqual({
      isArticle: true,
      evidence: 'open-graph',
      title: 'From Open Graph',
    });
  });

  it('leaves a front page alone', () => {
    const front = detectArticle(documentFrom(readFileSync(join(fixtures, 'not-an-article.html'), 'utf8')));
    expect(front).toEqual({ isArticle: false, evidence: 'none', title: 'Sample outlet: front page' });
  });

  it('stays bounded on JSON-LD that nests without end', () => {
    let nested = '{"@type":"NewsArticle","headline":"deep"}';
    for (let i = 0; i < 2000; i++) nested = `{"mainEntity":${nested}}`;
    const html = `<script type="application/ld+json">${nested}</script>`;
    expect(() => detectArticle(documentFrom(html))).not.toThrow();
  });
});
