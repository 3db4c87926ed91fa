import { describe, expect, it } from 'vitest';
import { mentionRecords } from '../store/source-mentions.ts';
import { freshDatabase } from '../store/test-support.ts';
import { backupTables } from './backup-schema.ts';
import { ExportScopeError, planExport } from './export-selection.ts';
import { bbc, exportDataOf, readSeedsWithNotes, readingTime, storedRows, wion } from './test-support.ts';

describe('what an export holds', () => {
  it('everything: every record of every table', async () => {
    const db = freshDatabase();
    await readSeedsWithNotes(db);
    const data = await exportDataOf(db);
    for (const table of backupTables) {
      expect(data[table].length, table).toBe(await storedRows(db, table));
    }
  });

  it('one article, found by any address it was read at: its findings, people, claims and their notes', async () => {
    const db = freshDatabase();
    const { notes } = await readSeedsWithNotes(db);
    const data = await exportDataOf(db, { kind: 'page', url: `${bbc.page}?utm_source=newsletter` });
    expect(data.label).toBe('Han Dong: Canadian MP leaves Liberal caucus over China allegations');
    expect(data.sources.map((source) => source.url)).toEqual([bbc.address.url]);
    expect(new Set(data.mentions.map((mention) => mention.source))).toEqual(new Set([bbc.address.url]));
    expect(data.mentions).toEqual(mentionRecords(await db.sourceMentions.get(bbc.address.url)));
    expect(data.notes.map((note) => note.id).sort()).toEqual(
      [notes.person.id, notes.claim.id, notes.selection.id].sort(),
    );
    await expect(planExport(db, { kind: 'page', url: 'https://news.example/unread' })).rejects.toThrow(
      ExportScopeError,
    );
  });

  it('one person: their mentions and the allegations against them in every source, and the notes on them', async () => {
    const db = freshDatabase();
    const { spavor, notes, hanDong } = await readSeedsWithNotes(db);
    const data = await exportDataOf(db, { kind: 'person', id: spavor });
    expect(data.label).toBe('Michael Spavor');
    expect(data.sources).toHaveLength(2);
    expect(data.mentions.every((mention) => mention.person === spavor)).toBe(true);
    expect(data.mentions.map((mention) => mention.text)).toContain('Sparov');
    expect(data.allegations.every((allegation) => allegation.accused.includes(spavor))).toBe(true);
    expect(data.notes).toEqual([]);
    const dong = await exportDataOf(db, { kind: 'person', id: hanDong });
    expect(dong.notes.map((note) => note.id).sort()).toEqual([notes.person.id, notes.claim.id].sort());
  });

  it('one claim: each source’s report of it and the notes on it, no mentions', async () => {
    const db = freshDatabase();
    const { claim, notes } = await readSeedsWithNotes(db);
    const data = await exportDataOf(db, { kind: 'claim', id: claim });
    expect(data.claims.map((row) => row.id)).toEqual([claim]);
    expect(data.allegations.length).toBeGreaterThan(1);
    expect(data.allegations.every((allegation) => allegation.claim === claim)).toBe(true);
    expect(new Set(data.allegations.map((allegation) => allegation.source)).size).toBe(2);
    expect(data.mentions).toEqual([]);
    expect(data.notes.map((note) => note.id)).toEqual([notes.claim.id]);
  });

  it('a date range: articles published in it, and notes written in it', async () => {
    const db = freshDatabase();
    const { notes } = await readSeedsWithNotes(db);
    // WION was published on 24 March; the notes were written on 25 March.
    const wionDay = await exportDataOf(db, {
      kind: 'dates',
      from: Date.UTC(2023, 2, 24),
      to: Date.UTC(2023, 2, 24, 23, 59),
    });
    expect(wionDay.label).toBe('2023-03-24 to 2023-03-24');
    expect(wionDay.sources.map((source) => source.url)).toEqual([wion.address.url]);
    expect(wionDay.notes.map((note) => note.id)).toEqual([notes.source.id]);
    const notesDay = await exportDataOf(db, { kind: 'dates', from: readingTime + 2 * 86_400_000 });
    expect(notesDay.sources).toEqual([]);
    expect(notesDay.notes).toHaveLength(4);
  });
});
