import { describe, expect, it } from 'vitest';
import type { ImportComparison } from '../../export/import-outcome.ts';
import { comparisonDescription, fileDescription, resultDescription } from './transfer-text.ts';

const nothing: ImportComparison = {
  storeEmpty: false,
  sources: { new: 0, same: 0, newer: 0, older: 0 },
  people: { known: 0 },
  claims: { known: 0 },
  notes: { new: 0, newer: 0, same: 0, older: 0 },
};

describe('what the import preview says', () => {
  const backup = {
    kind: 'backup' as const,
    exported: '2026-05-01T09:00:00.000Z',
    generator: 'Crosscheck 0.1.0',
    counts: { sources: 2, people: 11, claims: 1, notes: 4, mentions: 40, allegations: 12 },
  };

  it('names what a backup holds', () => {
    expect(fileDescription(backup)).toEqual([
      'A Crosscheck backup made on 1 May 2026 by Crosscheck 0.1.0: 2 articles, 11 people, 1 claim and 4 notes.',
    ]);
  });

  it('says a backup is restored as it was into an empty store, and merged into one that holds articles', () => {
    expect(comparisonDescription(backup, { ...nothing, storeEmpty: true })).toEqual([
      'Crosscheck holds nothing yet, so the backup is restored exactly as it was made.',
    ]);
    expect(
      comparisonDescription(backup, {
        ...nothing,
        sources: { new: 1, same: 1, newer: 0, older: 0 },
        notes: { new: 3, newer: 1, same: 0, older: 0 },
      }),
    ).toEqual([
      'Articles: 1 new and 1 already here.',
      'People and claims are linked with yours as reading the articles would link them.',
      'Notes: 3 new and 1 changed since your copy (the file’s replaces it).',
    ]);
  });

  it('says what becomes of annotations from other tools', () => {
    const summary = {
      kind: 'annotations' as const,
      annotations: 17,
      notes: 3,
      findings: 12,
      wholePage: 1,
      repeated: 2,
    };
    expect(fileDescription(summary)).toEqual([
      '17 W3C Web Annotations, of which 3 notes to import.',
      '12 annotations Crosscheck’s own analysis made are left out: reading the article finds them again.',
      '2 annotations appear again with the same id: only the latest version of each is imported.',
      '1 note marks a part of a page Crosscheck cannot find (an image region, say): it is attached to the whole page.',
    ]);
    expect(
      comparisonDescription(summary, {
        ...nothing,
        sources: { ...nothing.sources, new: 2 },
        notes: { ...nothing.notes, new: 3 },
      }),
    ).toEqual(['Notes: 3 new.', '2 articles Crosscheck has not read yet: their notes wait until you open them.']);
  });

  it('sums up what an import changed, or that it changed nothing', () => {
    const none = {
      sources: { added: 0, updated: 0, unchanged: 2 },
      people: { added: 0, merged: 0, unchanged: 11 },
      claims: { added: 0, merged: 0, unchanged: 1 },
      notes: { added: 0, updated: 0, unchanged: 4, orphaned: 0 },
    };
    expect(resultDescription(none)).toBe('Nothing changed: everything in the file was already here.');
    expect(
      resultDescription({
        ...none,
        sources: { added: 1, updated: 0, unchanged: 1 },
        people: { added: 2, merged: 3, unchanged: 6 },
      }),
    ).toBe('Imported: 1 article added, 2 people added and 3 people linked with yours.');
    expect(resultDescription({ ...none, notes: { added: 2, updated: 1, unchanged: 4, orphaned: 1 } })).toBe(
      'Imported: 2 notes added and 1 note updated. 1 of these notes is kept unattached: what it is about is not in Crosscheck.',
    );
    expect(resultDescription({ ...none, notes: { added: 1, updated: 0, unchanged: 4, orphaned: 1 } })).toBe(
      'Imported: 1 note added. The note is kept unattached: what it is about is not in Crosscheck.',
    );
    expect(resultDescription({ ...none, notes: { added: 2, updated: 1, unchanged: 0, orphaned: 3 } })).toBe(
      'Imported: 2 notes added and 1 note updated. All 3 notes are kept unattached: what they are about is not in Crosscheck.',
    );
  });
});
