// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../scripts/lib/paths.ts';
import { articleAreas, takeNativeSnapshot, takeSnapshot } from '../page/page-snapshot.ts';
import { rewriteNativeSnapshot, rewriteSteps } from './native-markup.ts';
import { snapshotTextLength } from './snapshot-size.ts';

function pageOf(body: string): void {
  document.head.innerHTML = '<title>T</title><meta property="og:site_name" content="Outlet">';
  document.body.innerHTML = body;
}

/**
 * The native snapshot of each area, rewritten, against the page's own written snapshot: the same
 * markup, and the same live Text node behind every written one.
 */
function expectSameAsWritten(): void {
  for (const area of articleAreas(document)) {
    const written = takeSnapshot(document, area);
    const native = takeNativeSnapshot(document, area);
    const rewritten = native && rewriteNativeSnapshot(native.snapshot);
    expect(rewritten?.snapshot).toEqual(written.snapshot);
    expect(rewritten?.pageIndex.map((index) => native?.nodes[index])).toEqual(written.nodes);
  }
}

const misaligned = () => {
  const native = takeNativeSnapshot(document);
  return native && rewriteNativeSnapshot(native.snapshot) === null;
};

describe('rewriteNativeSnapshot', () => {
  it('gives the written snapshot of the fixture articles, area by area', () => {
    for (const name of ['bbc-han-dong.html', 'wion-han-dong.html']) {
      const html = readFileSync(join(fixturesDir, name), 'utf8');
      document.documentElement.innerHTML = html
        .replace(/^<!doctype html>\s*<html[^>]*>/i, '')
        .replace(/<\/html>\s*$/, '');
      expectSameAsWritten();
    }
  });

  it('decodes what the serialisation escapes, and keeps hostile text and attributes text', () => {
    pageOf(
      '<p class="a&quot;b" title="x &lt; y">Fish &amp; chips&nbsp;for &lt;two&gt;</p>' +
        '<p id="&quot;><script>" role="note">a\u00a0b <a href="#top" style="DISPLAY: none">up</a></p>',
    );
    document.querySelector('p')?.append('</p><script>alert(1)</script> & "quoted"');
    expectSameAsWritten();
  });

  it('splits adjacent Text nodes the serialisation joins, and skips empty ones', () => {
    pageOf('<article><p>Han</p><p>Tao</p></article>');
    const [first, second] = document.querySelectorAll('p');
    first?.append(' Dong', '', ' denied it.');
    second?.append('', ' ', 'said');
    expectSameAsWritten();
    const native = takeNativeSnapshot(document);
    expect(native?.snapshot.lengths).toEqual([3, 5, 11, 3, 1, 4]);
  });

  it('reads raw text, templates, comments and embedded drawings as the page holds them', () => {
    pageOf(
      '<div><script>if (a < b && c) { x = "</p>"; }</script><style>p > a { content: "&amp;" }</style>' +
        '<template><p>template text</p><script>no < text</script></template>' +
        '<!-- a comment <p>not text</p> <script>old()</script> --><noscript><p>Enable scripts</p></noscript>' +
        '<textarea>a &lt; b</textarea><svg><title>Chart</title><style>.x{}</style></svg>' +
        '<xmp>raw <b>xmp</b> &amp;</xmp><script-card>A custom element, not a script</script-card><p>Body text</p></div>',
    );
    expectSameAsWritten();
    // Script and style text stays behind in the page; only its length goes.
    const native = takeNativeSnapshot(document);
    expect(native?.snapshot.markup).not.toMatch(/if \(a|content:|old\(\)|no < text/);
    expect(native?.snapshot.markup).toContain('<!-- a comment <p>not text</p> <script></script> -->');
    expect(native?.snapshot.markup).toContain('<script-card>A custom element, not a script</script-card>');
  });

  it('answers null where the serialisation does not give back the page’s Text nodes', () => {
    pageOf('<p>one</p><script>x()</script><p>two</p>');
    expect(misaligned()).toBe(false);
    // A script's text that holds its own end tag, as only a script can write it.
    (document.querySelector('script') as HTMLScriptElement).textContent = 'x = "</script><p>injected</p>";';
    expect(misaligned()).toBe(true);

    pageOf('<p>one</p><p>two</p>');
    document.querySelector('p')?.append(document.createComment('--><p>not a node</p><!--'));
    expect(misaligned()).toBe(true);

    pageOf('<p>one<br>two</p>');
    document.querySelector('br')?.append('a child the serialisation leaves out');
    expect(misaligned()).toBe(true);

    pageOf('<p>one</p>');
    const template = document.createElement('template');
    template.append('a child, not content');
    document.body.append(template);
    expect(misaligned()).toBe(true);
  });
});

describe('rewriteSteps', () => {
  it('pauses through a long page’s markup, and ends as the rewrite in one go does, its text counted', () => {
    pageOf(`<article>${'<p class="story-paragraph">Han Dong denied the allegations.</p>'.repeat(30_000)}</article>`);
    const native = takeNativeSnapshot(document);
    if (!native) throw new Error('no native snapshot');
    expect(native.snapshot.markup.length).toBeGreaterThan(1_500_000);
    const steps = rewriteSteps(native.snapshot);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    expect(pauses).toBeGreaterThanOrEqual(3);
    expect(step.value).toEqual(rewriteNativeSnapshot(native.snapshot));
    expect(step.value?.textLength).toBe(snapshotTextLength(native.snapshot));
  });
});
