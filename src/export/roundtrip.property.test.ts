import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { noteColours, type NoteRecord, type NoteTarget } from '../store/records.ts';
import { forgetEverything } from '../store/forget-source.ts';
import { freshDatabase } from '../store/test-support.ts';
import { backupText } from './backup-file.ts';
import { validateBackup } from './backup-validation.ts';
import { importBackup } from './import-backup.ts';
import { importNotes } from './import-notes.ts';
import { assertSafeJson, parseJson } from './json-safety.ts';
import { bbc, exportDataOf, readSeedsWithNotes, wion } from './test-support.ts';
import { annotationCollectionText } from './web-annotation.ts';
import { readAnnotations } from './web-annotation-import.ts';

// Text as readers write it and pages print it: any Unicode, astral characters, quotes, line breaks,
// and what string replacement would read as patterns.
const text = (maxLength: number) =>
  fc.oneof(fc.string({ unit: 'grapheme', maxLength }), fc.constantFrom('$$', '$&', "$'", '$`', '$1', '"items": []'));
const tag = text(20)
  .map((value) => value.trim())
  .filter((value) => value !== '');
const tags = fc.uniqueArray(tag, { maxLength: 5, selector: (value) => value.toLowerCase() });
const time = fc.integer({ min: 0, max: Date.UTC(2100, 0) });

function noteArbitrary(people: string[], claims: string[]): fc.Arbitrary<NoteRecord> {
  const source = fc.constantFrom(bbc.address.url, wion.address.url);
  const target: fc.Arbitrary<NoteTarget> = fc.oneof(
    source.map((url) => ({ kind: 'source' as const, source: url })),
    fc.constantFrom(...people).map((person) => ({ kind: 'person' as const, person })),
    fc.constantFrom(...claims).map((claim) => ({ kind: 'claim' as const, claim })),
    fc
      .record({
        url: source,
        exact: text(60).filter((value) => value !== ''),
        prefix: text(32),
        suffix: text(32),
        start: fc.nat(5000),
        length: fc.integer({ min: 1, max: 100 }),
      })
      .map(({ url, exact, prefix, suffix, start, length }) => ({
        kind: 'selection' as const,
        source: url,
        selectors: {
          quote: { type: 'TextQuoteSelector' as const, exact, prefix, suffix },
          position: { type: 'TextPositionSelector' as const, start, end: start + length },
        },
      })),
  );
  return fc
    .record({
      id: fc.uuid({ version: 4 }),
      target,
      body: text(200),
      tags,
      colour: fc.constantFrom(...noteColours),
      created: time,
      edited: fc.nat(1e9),
      orphaned: fc.boolean(),
    })
    .map(({ edited, ...note }) => ({ ...note, updated: note.created + edited }));
}

async function seeded() {
  const db = freshDatabase();
  await readSeedsWithNotes(db);
  const people = await db.people.toCollection().primaryKeys();
  const claims = await db.claims.toCollection().primaryKeys();
  return { db, people, claims };
}

// Each run writes and reads a whole store: slower than the default limit on a busy machine.
describe('round trips, for any notes a reader can write', { timeout: 120_000 }, () => {
  it('the JSON backup: export, clear, import, export gives the same file', async () => {
    const { db, people, claims } = await seeded();
    const settings = fc.record({
      mode: fc.constantFrom('auto' as const, 'on-demand' as const, 'off' as const),
      disabledSites: fc.uniqueArray(fc.domain(), { maxLength: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(noteArbitrary(people, claims), { maxLength: 8, selector: (note) => note.id }),
        settings,
        async (notes, chosen) => {
          await db.notes.clear();
          await db.notes.bulkPut(notes);
          const data = await exportDataOf(db);
          const file = backupText({ ...data, settings: chosen });
          await forgetEverything(db);
          const parsed = parseJson(file);
          assertSafeJson(parsed);
          await importBackup(db, validateBackup(parsed));
          const again = await exportDataOf(db);
          expect(backupText({ ...again, settings: again.settings ?? chosen })).toBe(file);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('W3C Web Annotations: every note comes back with its text, tags, colour and target', async () => {
    const { db, people, claims } = await seeded();
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(noteArbitrary(people, claims), { maxLength: 8, selector: (note) => note.id }),
        async (notes) => {
          await db.notes.clear();
          await db.notes.bulkPut(notes);
          const file = annotationCollectionText(await exportDataOf(db));
          await db.notes.clear();
          const parsed = parseJson(file);
          assertSafeJson(parsed);
          await importNotes(db, readAnnotations(parsed).notes);
          for (const note of notes) {
            const back = await db.notes.get(note.id);
            expect(back).toMatchObject({
              body: note.body,
              tags: note.tags,
              colour: note.colour,
              created: note.created,
              updated: note.updated,
            });
            // Positions count characters in the exporting copy of the article; the quote finds it again.
            const target =
              note.target.kind === 'selection'
                ? { ...note.target, selectors: { quote: note.target.selectors.quote } }
                : note.target;
            expect(back?.target).toEqual(target);
          }
          expect(await db.notes.count()).toBe(notes.length);
        },
      ),
      { numRuns: 25 },
    );
  });
});
