import { describe, expect, it } from 'vitest';
import { buildSource } from '../test-support/source-builder.ts';
import type { ClaimReport, Stance } from '../types.ts';
import { claimDiscrepancies } from './claim-discrepancies.ts';
import { claimReports } from './claim-report.ts';

const minister = { name: 'Ana Ruiz', mentions: [{ as: 'Ana Ruiz', form: 'full' as const }] };

function report(
  id: string,
  quote: string,
  options: { stance?: Stance; attributedTo?: string[]; published?: string } = {},
): ClaimReport[] {
  const source = buildSource({
    id,
    metadata: { published: options.published ?? '2023-03-24' },
    paragraphs: [quote],
    people: [minister],
    allegations: [
      {
        quote,
        stance: options.stance ?? 'accused',
        accused: ['Ana Ruiz'],
        ...(options.attributedTo ? { attributedTo: options.attributedTo } : {}),
      },
    ],
  });
  return claimReports(source, (personId) => (personId === 'p1' ? { id: 'ruiz', name: 'Ana Ruiz' } : undefined));
}

const kinds = (reports: ClaimReport[]) => claimDiscrepancies(reports).map((discrepancy) => discrepancy.kind);

describe('claimDiscrepancies', () => {
  it('flags different wordings of the claim, but not different sentences around the same words', () => {
    const a = report('a', 'Ana Ruiz was accused of taking bribes from a builder.');
    const b = report('b', 'Ana Ruiz was accused of accepting kickbacks from a developer.');
    const c = report('c', 'On Monday the minister Ana Ruiz was accused of taking bribes from a builder.');
    expect(claimDiscrepancies([...a, ...b])).toEqual([
      {
        kind: 'wording',
        values: [
          { document: 'a', text: 'Ana Ruiz was accused of taking bribes from a builder.' },
          { document: 'b', text: 'Ana Ruiz was accused of accepting kickbacks from a developer.' },
        ],
        about: 'how each source words the claim',
      },
    ]);
    expect(kinds([...a, ...c])).toEqual([]);
  });

  it('flags different sources credited, whatever their case or article', () => {
    const a = report('a', 'Ana Ruiz was accused of taking bribes.', {
      attributedTo: ['the Daily Star, citing police sources'],
    });
    const b = report('b', 'Ana Ruiz was accused of taking bribes.', { attributedTo: ['Daily Star'] });
    const c = report('c', 'Ana Ruiz was accused of taking bribes.', {
      attributedTo: ['the daily star', 'police sources'],
    });
    expect(kinds([...a, ...b])).toEqual(['attribution']);
    expect(kinds([...a, ...c])).toEqual([]);
  });

  it('flags dates in different months and counts that differ, not the same date written two ways', () => {
    const a = report('a', 'Ana Ruiz allegedly took 3 bribes on 4 May, 2021.', { stance: 'alleged' });
    const b = report('b', 'Ana Ruiz allegedly took 5 bribes in June 2021.', { stance: 'alleged' });
    const c = report('c', 'Ana Ruiz allegedly took 3 bribes in May 2021.', { stance: 'alleged' });
    expect(kinds([...a, ...b])).toEqual(['wording', 'date', 'number']);
    expect(kinds([...a, ...c])).toEqual([]);
  });

  it('flags a weekday that does not fit its date, even in one source', () => {
    const discrepancies = claimDiscrepancies(
      report('a', 'Ana Ruiz was accused on Wednesday (March 24) of taking bribes.'),
    );
    expect(discrepancies).toEqual([
      {
        kind: 'weekday',
        values: [{ document: 'a', text: 'Wednesday (March 24)' }],
        about: 'March 24, 2023 was a Friday',
      },
    ]);
  });

  it('flags one source saying the accused denied it and another that they admitted it', () => {
    const a = report('a', 'Ana Ruiz denied taking bribes.', { stance: 'denied' });
    const b = report('b', 'Ana Ruiz admitted taking bribes.', { stance: 'admitted' });
    expect(kinds([...a, ...b])).toContain('stance');
    expect(
      kinds([...a, ...report('c', 'Ana Ruiz rejected claims of taking bribes.', { stance: 'rejected' })]),
    ).not.toContain('stance');
  });
});
