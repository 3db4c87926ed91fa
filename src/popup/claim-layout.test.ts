import { describe, expect, it } from 'vitest';
import { claimView } from '../store/entity-views.ts';
import { ingestArticle } from '../store/ingest.ts';
import { freshDatabase, seedPages } from '../store/test-support.ts';
import type { ClaimView } from '../store/views.ts';
import { claimLayout } from './claim-layout.ts';

async function seedClaims(): Promise<ClaimView[]> {
  const db = freshDatabase();
  for (const page of seedPages()) await ingestArticle(db, page.address, page.article);
  const views = await Promise.all((await db.claims.toArray()).map((claim) => claimView(db, claim.id)));
  return views.filter((view): view is ClaimView => view !== null);
}

describe('claimLayout', () => {
  it('sets each outlet’s wording of the Han Dong claim side by side, the first report first', async () => {
    const claim = (await seedClaims()).find((view) => view.reports.some((report) => report.text.includes('lobbying')));
    if (!claim) throw new Error('the seeds have no claim about the lobbying');
    const layout = claimLayout(claim);

    expect(layout.wordings.map((wording) => wording.source.outlet)).toEqual(['BBC News', 'WION']);
    const [bbc, wion] = layout.wordings;
    expect(bbc?.text).toBe(
      'Han Dong has been accused of lobbying a Chinese diplomat to keep two Canadians imprisoned in Beijing.',
    );
    expect(bbc?.stance).toBe('accused');
    // WION's report makes two claims in one sentence: the wording compared is the part about this one.
    expect(wion?.text).toMatch(/^According to a report by Global News on Wednesday \(March 24\), Dong had advised/);
    // Whom each outlet credits, over all its reports of the claim, each name once.
    expect(bbc?.attributedTo).toEqual(['Global News', 'anonymous national security sources']);
    expect(wion?.attributedTo).toEqual(['Global News', 'two national security sources', 'The sources']);

    expect(layout.sources.map(({ source, daysAfterFirst }) => [source.outlet, daysAfterFirst])).toEqual([
      ['BBC News', 0],
      ['WION', 1],
    ]);
    expect(layout.sources.flatMap(({ reports }) => reports)).toHaveLength(claim.reports.length);
    expect(layout.responses.map((report) => [report.source.outlet, report.stance, report.text])).toContainEqual([
      'WION',
      'denied',
      'The MP denied has denied all allegations.',
    ]);
    expect(
      layout.responses.every((report) =>
        ['denied', 'rejected', 'admitted', 'confirmed', 'cleared'].includes(report.stance),
      ),
    ).toBe(true);
  });

  it('compares the longest allegation of each outlet when the engine did not pick the wordings', async () => {
    const claim = (await seedClaims()).find((view) => view.claim.summary.startsWith('A Canadian member of parliament'));
    if (!claim) throw new Error('the seeds have no claim about stepping down');
    expect(claim.discrepancies.some((discrepancy) => discrepancy.kind === 'wording')).toBe(false);
    expect(claimLayout(claim).wordings.map((wording) => [wording.source.outlet, wording.text])).toEqual([
      ['BBC News', claim.reports[0]?.text],
      ['WION', expect.stringMatching(/^Canadian member of parliament Han Dong has stepped down/)],
    ]);
  });
});
