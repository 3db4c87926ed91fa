// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../scripts/lib/paths.ts';
import { articleScope } from './article-scope.ts';

function documentFrom(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('articleScope', () => {
  it('narrows the BBC fixture to the part around the article, leaving the header and footer out', () => {
    const document = documentFrom(readFileSync(join(fixturesDir, 'bbc-han-dong.html'), 'utf8'));
    const scope = articleScope(document.body);
    expect(scope.tagName).toBe('MAIN');
    expect(scope.contains(document.querySelector('.site-footer'))).toBe(false);
  });

  it('keeps every container with a good share of the prose, so split article bodies stay whole', () => {
    const prose = 'A sentence long enough to count as prose, with a comma or two, in a news story.';
    const part = (id: string) => `<section id="${id}"><div><p>${prose}</p><p>${prose}</p></div></section>`;
    const document = documentFrom(
      `<div id="page"><div id="story">${part('one')}<figure></figure>${part('two')}</div></div>`,
    );
    const scope = articleScope(document.body);
    expect(scope.id).toBe('page');
    expect(scope.contains(document.getElementById('two'))).toBe(true);
  });

  it('falls back to the body when there is no prose in paragraphs', () => {
    const document = documentFrom('<div><div>Short</div></div>');
    expect(articleScope(document.body)).toBe(document.body);
  });
});
