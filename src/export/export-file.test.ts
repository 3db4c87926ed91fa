import { describe, expect, it } from 'vitest';
import { fileName } from './export-file.ts';

// 1 May 2026, midday: the same calendar day in every time zone but the farthest.
const generated = new Date(2026, 4, 1, 12).getTime();

describe('an export’s file name', () => {
  it('says what it holds and the reader’s day it was made', () => {
    expect(fileName('backup', { scope: { kind: 'everything' }, label: 'everything', generated }, 'json')).toBe(
      'crosscheck-backup-2026-05-01.json',
    );
    expect(fileName('csv', { scope: { kind: 'everything' }, label: 'everything', generated }, 'csv')).toBe(
      'crosscheck-everything-2026-05-01.csv',
    );
    expect(fileName('markdown', { scope: { kind: 'person', id: 'p1' }, label: 'Émilie Côté', generated }, 'md')).toBe(
      'crosscheck-emilie-cote-2026-05-01.md',
    );
  });

  it('cuts a long title after a whole word', () => {
    const label = 'Canadian MP Han Dong quits Liberal Party over allegations of Chinese interference';
    expect(
      fileName('markdown', { scope: { kind: 'page', url: 'https://example.com/a' }, label, generated }, 'md'),
    ).toBe('crosscheck-canadian-mp-han-dong-quits-liberal-party-over-2026-05-01.md');
    const word = 'x'.repeat(60);
    expect(fileName('w3c', { scope: { kind: 'claim', id: 'c1' }, label: word, generated }, 'jsonld')).toBe(
      `crosscheck-${'x'.repeat(48)}-2026-05-01.jsonld`,
    );
  });

  it('falls back on what was chosen when the label has no letters or digits', () => {
    expect(fileName('csv', { scope: { kind: 'claim', id: 'c1' }, label: '« … »', generated }, 'csv')).toBe(
      'crosscheck-claim-2026-05-01.csv',
    );
  });
});
