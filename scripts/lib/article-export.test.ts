import { describe, expect, it } from 'vitest';
import { seedPages } from '../../src/store/test-support.ts';
import { exportArticles } from './article-export.ts';

const articles = seedPages().map(({ id, article }) => ({ path: `/tmp/${id}.html`, article }));
const generated = Date.UTC(2023, 3, 1);

describe('exporting analysed articles from the command line', () => {
  it('links the articles as the extension does and writes W3C Web Annotations', async () => {
    const collection = JSON.parse(await exportArticles(articles, 'w3c', { generated })) as {
      type: string;
      total: number;
      first: {
        items: {
          motivation: string;
          body?: { value?: string; source?: string; purpose: string }[];
          target: { source: string };
        }[];
      };
    };
    expect(collection.type).toBe('AnnotationCollection');
    const hanDong = collection.first.items.filter(
      (item) => item.motivation === 'identifying' && item.body?.some((body) => body.value === 'Han Dong'),
    );
    // One person in both sources: every mention of Han Dong carries the same person IRI.
    expect(new Set(hanDong.map((item) => item.target.source)).size).toBe(2);
    const iris = new Set(hanDong.map((item) => item.body?.find((body) => body.source)?.source));
    expect(iris.size).toBe(1);
  });

  it('writes the CSV and the Markdown report', async () => {
    const csv = await exportArticles(articles, 'csv', { generated });
    expect(csv.split('\r\n')[0]).toBe(
      '\ufeffkind,motivation,article,outlet,published,address,quote,prefix,suffix,start,end,people,stance,attributed to,claim,note,tags,colour,note about,orphaned,created,modified,person ids,claim id,id',
    );
    const report = await exportArticles(articles, 'md', { generated });
    expect(report).toContain('# Crosscheck report: everything read');
    expect(report).toMatch(/- “Sparov”: WION/);
  });
});
