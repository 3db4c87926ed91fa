import { describe, expect, it } from 'vitest';
import { articleFromText, fixtureArticle } from './article-files.ts';

describe('articleFromText', () => {
  it('makes one block per paragraph, verbatim, and takes a leading date stamp as the date', () => {
    expect(
      articleFromText(' date 2023-03-23 Han Dong, seen in 2014.\n\nMr Dong has denied it.\r\n \r\nEnd\nof it. '),
    ).toEqual({
      blocks: [
        { kind: 'dateline', text: 'date 2023-03-23' },
        { kind: 'paragraph', text: 'Han Dong, seen in 2014.' },
        { kind: 'paragraph', text: 'Mr Dong has denied it.' },
        { kind: 'paragraph', text: 'End\nof it.' },
      ],
      metadata: { published: '2023-03-23' },
    });
  });

  it('leaves text without a date stamp undated', () => {
    expect(articleFromText('Canadian member of parliament Han Dong.')).toEqual({
      blocks: [{ kind: 'paragraph', text: 'Canadian member of parliament Han Dong.' }],
      metadata: {},
    });
  });
});

describe('fixtureArticle', () => {
  it('extracts a fixture page as the extension does', () => {
    const article = fixtureArticle('wion-han-dong.html');
    expect(article.metadata.outlet).toBe('WION');
    expect(article.blocks[0]).toEqual({
      kind: 'headline',
      text: 'Canadian MP Han Dong quits Liberal Party over allegations of Chinese interference',
    });
  });
});
