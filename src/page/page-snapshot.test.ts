// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { parsePage } from '../extraction/parsed-page.ts';
import { snapshotsOf, takeSnapshot } from './page-snapshot.ts';

function snapshotOf(body: string, head = '') {
  document.head.innerHTML = head;
  document.body.innerHTML = body;
  return takeSnapshot(document);
}

/** The snapshot as the background parses it: its body texts, in order. */
const parsedTexts = (html: string) => parsePage(html, 'https://example.org/').texts.map((text) => text.textContent);

describe('takeSnapshot', () => {
  it('escapes text and attributes, so hostile text stays text', () => {
    const hostile = '</p><script>alert(1)</script> & "quoted" <b>';
    const taken = snapshotOf('<p class="a&quot;b">x</p>');
    document.querySelector('p')?.append(hostile);
    document.querySelector('p')?.setAttribute('id', '"><script>');
    const { snapshot, data } = takeSnapshot(document);
    expect(snapshot.html).not.toContain('<script>alert');
    expect(parsedTexts(snapshot.html)).toEqual(['x', hostile]);
    expect(data).toEqual(['x', hostile]);
    const paragraph = parsePage(snapshot.html, 'https://example.org/').document.getElementsByTagName('p')[0];
    expect(paragraph?.getAttribute('id')).toBe('"><script>');
    expect(taken.snapshot.texts).toBe(1);
  });

  it('keeps adjacent Text nodes apart, in document order', () => {
    snapshotOf('<p>Han</p>');
    const paragraph = document.querySelector('p') as HTMLElement;
    paragraph.append(' Dong', '', ' denied it.');
    const { snapshot, nodes } = takeSnapshot(document);
    expect(nodes.map((node) => node.data)).toEqual(['Han', ' Dong', ' denied it.']);
    expect(snapshot.texts).toBe(3);
    expect(parsedTexts(snapshot.html)).toEqual(['Han', ' Dong', ' denied it.']);
  });

  it('closes void elements, so the text after them is not taken for their content', () => {
    const { snapshot } = snapshotOf('<p>one<br>two<img src="x.png" alt="a">three<hr>four<input value="v">five</p>');
    expect(snapshot.html).toContain('<br/>');
    expect(parsedTexts(snapshot.html)).toEqual(['one', 'two', 'three', 'four', 'five']);
    const parsed = parsePage(snapshot.html, 'https://example.org/');
    expect(parsed.breakBefore).toEqual(new Set([1]));
  });

  it('leaves out scripts, styles and embedded documents, and the attributes Readability does not read', () => {
    const { snapshot, nodes } = snapshotOf(
      '<div id="main" class="story" onclick="steal()" data-x="1" style="color: red">' +
        '<script>var secret = 1;</script><style>p{}</style><svg><text>chart</text></svg>' +
        '<p hidden style="display: none">gone</p><a href="/next" rel="author">Maya</a><a href="#notes">1</a></div>',
    );
    expect(nodes.map((node) => node.data)).toEqual(['gone', 'Maya', '1']);
    expect(snapshot.html).not.toMatch(/secret|steal|data-x|color|chart/);
    expect(snapshot.html).toContain('<div id="main" class="story">');
    expect(snapshot.html).toContain('<p hidden="" style="display:none">gone</p>');
    // Readability weighs in-page links (`#...`) differently from others; where they lead does not matter.
    expect(snapshot.html).toContain('<a rel="author">Maya</a><a href="#">1</a>');
  });

  it('carries the head’s metadata: title, meta, canonical link and JSON-LD', () => {
    const jsonLd = '{"@type":"NewsArticle","headline":"a < b & c"}';
    const { snapshot } = snapshotOf(
      '<p>text</p>',
      `<title>T</title><meta property="og:site_name" content="BBC"><link rel="canonical" href="/a">` +
        `<link rel="stylesheet" href="s.css"><script type="application/ld+json">${jsonLd}</script><script>x()</script>`,
    );
    const parsed = parsePage(snapshot.html, 'https://example.org/');
    expect(parsed.document.title).toBe('T');
    expect(parsed.document.getElementsByTagName('script').map((script) => script.textContent)).toEqual([jsonLd]);
    expect(parsed.document.getElementsByTagName('link').map((link) => link.getAttribute('rel'))).toEqual(['canonical']);
    expect(parsed.texts.map((text) => text.textContent)).toEqual(['text']);
  });
});

describe('snapshotsOf', () => {
  const prose = 'Han Dong denied the allegation, his office said on Friday. '.repeat(3);
  const page =
    '<header class="site"><p>Site menu</p></header>' +
    '<div class="story"><div class="story-head"><h1>Headline</h1><p class="byline">By Maya</p></div>' +
    `<article class="body"><p>${prose}</p></article></div>` +
    '<div class="more"><p>Most read elsewhere</p></div>';

  it('writes the declared article area, the headline beside it and their ancestors, then the whole body', () => {
    snapshotOf(page);
    const [scoped, whole, ...more] = [...snapshotsOf(document)];
    expect(more).toEqual([]);
    expect(scoped?.snapshot.scoped).toBe(true);
    expect(scoped?.nodes.map((node) => node.data)).toEqual(['Headline', 'By Maya', prose]);
    // The area's ancestors keep the names Readability weighs, without their other children.
    expect(scoped?.snapshot.html).toContain('<body><div class="story"><div class="story-head"><h1>');
    expect(parsedTexts(scoped?.snapshot.html ?? '')).toEqual(['Headline', 'By Maya', prose]);
    expect(whole?.snapshot.scoped).toBe(false);
    expect(whole?.nodes.map((node) => node.data)).toEqual([
      'Site menu',
      'Headline',
      'By Maya',
      prose,
      'Most read elsewhere',
    ]);
  });

  it('writes the whole body at once when the page declares no single article area', () => {
    for (const body of [
      `<div><h1>Headline</h1><p>${prose}</p></div>`,
      `<article><p>${prose}</p></article><article><p>Another story</p></article>`,
      `<h1>Headline</h1><article><p>${prose}</p></article>`,
      `<form><div><article><p>${prose}</p></article></div></form>`,
    ]) {
      snapshotOf(body);
      expect(
        [...snapshotsOf(document)].map((taken) => taken.snapshot.scoped),
        body,
      ).toEqual([false]);
    }
  });

  it('takes where the paragraphs are, and one level up, when the page declares nothing', () => {
    snapshotOf(
      `<div class="menu"><p>Home</p></div><div class="page"><div class="col"><h1>Headline</h1>` +
        `<div class="text"><p>${prose}</p><p>${prose}</p></div></div><div class="rail"><p>Most read</p></div></div>`,
    );
    const [scoped] = snapshotsOf(document);
    expect(scoped?.snapshot.scoped).toBe(true);
    expect(scoped?.nodes.map((node) => node.data)).toEqual(['Headline', prose, prose, 'Most read']);
  });

  it('finds the metadata and the article in one query without taking one for the other', () => {
    snapshotOf(
      `<div><h1>Headline</h1><script itemprop="articleBody">x()</script><main><p>${prose}</p></main></div>`,
      '<meta name="description" content="d"><link rel="stylesheet" href="s.css">',
    );
    // A head holds no declaration: a script put one there.
    document.head.append(document.createElement('article'));
    const [scoped] = snapshotsOf(document);
    expect(scoped?.snapshot.scoped).toBe(true);
    expect(scoped?.nodes.map((node) => node.data)).toEqual(['Headline', prose]);
    // The script declares the articleBody (the area reaches from it to the headline) and is no metadata.
    expect(scoped?.snapshot.html).toMatch(
      /^<html><head><title><\/title><meta name="description" content="d"\/><\/head>/,
    );
    expect(scoped?.snapshot.html).toContain('<body><div><h1>Headline</h1>');
  });

  it('takes an articleBody or a main when there is no single article', () => {
    snapshotOf(`<article>a</article><div><div itemprop="articleBody"><p>${prose}</p></div></div><article>b</article>`);
    expect(
      snapshotsOf(document)
        .next()
        .value?.nodes.map((node) => node.data),
    ).toEqual([prose]);
    snapshotOf(`<nav>menu</nav><div><main><h1>Headline</h1><p>${prose}</p></main></div><p>after</p>`);
    expect(
      snapshotsOf(document)
        .next()
        .value?.nodes.map((node) => node.data),
    ).toEqual(['Headline', prose]);
  });
});
