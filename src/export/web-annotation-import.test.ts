import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forgetEverything } from '../store/forget-source.ts';
import { freshDatabase, snapshot } from '../store/test-support.ts';
import { ImportError } from './import-problems.ts';
import { noteChunks } from './import-chunks.ts';
import { importNotes } from './import-notes.ts';
import { ImportSessions } from './import-session.ts';
import { parseJson } from './json-safety.ts';
import { bbc, exportDataOf, readSeedsWithNotes } from './test-support.ts';
import { annotationCollectionText } from './web-annotation.ts';
import { looksLikeAnnotations, readAnnotations } from './web-annotation-import.ts';

const fixture = (name: string) => parseJson(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8'));
const now = Date.UTC(2023, 4, 1);

function refusal(value: unknown): string {
  try {
    readAnnotations(value, now);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as Error).message;
  }
  throw new Error('the file was accepted');
}

describe('reading Web Annotations from other tools', () => {
  it('reads Hypothesis’s JSON-LD: text, tags, quotes, dates; a page note targets the whole page', () => {
    const file = readAnnotations(fixture('hypothesis-annotations.jsonld'), now);
    expect(file).toMatchObject({ annotations: 3, findings: 0, wholePage: 0 });
    const [comment, highlight, pageNote] = file.notes;
    expect(comment).toMatchObject({
      body: 'Global News cites **two** unnamed sources. Compare with WION\'s "advised".',
      tags: ['Han Dong', 'sourcing'],
      colour: 'yellow',
      created: Date.parse('2023-03-23T14:02:11.482Z'),
      updated: Date.parse('2023-03-24T08:15:40.107Z'),
      target: {
        source: 'http://127.0.0.1:8127/bbc-han-dong.html',
        quote: { exact: 'Han Dong has been accused of lobbying a Chinese diplomat to keep two Canadians' },
      },
    });
    // Positions count characters of Hypothesis's copy of the page: the quote places the note instead.
    expect(JSON.stringify(comment)).not.toContain('412');
    expect(highlight).toMatchObject({
      body: '',
      tags: [],
      target: { quote: { exact: 'Mr Dong has denied the allegations against him.' } },
    });
    expect(pageNote).toMatchObject({
      target: { source: 'https://globalnews.ca/news/9570005/han-dong-china-two-michaels/' },
    });
    expect(pageNote?.target.quote).toBeUndefined();
  });

  it('reads Recogito’s export, keeping its links to authority files as lines of the note', () => {
    const file = readAnnotations(fixture('recogito-annotations.jsonld'), now);
    expect(file.notes).toHaveLength(2);
    expect(file.notes[0]).toMatchObject({
      body: 'Identifying: http://www.wikidata.org/entity/Q19560837\n\nThe MP at the centre of the story; the WION text calls him "Dong" throughout.',
      tags: ['Canadian politics'],
      target: {
        source: 'https://recogito.pelagios.org/document/4dqkwqbnk7oqtk/part/1',
        quote: { exact: 'Han Dong', prefix: '', suffix: '' },
      },
      // Recogito dates its bodies, not the annotation: the file's date stands in.
      created: Date.parse('2023-04-02T11:20:31.644Z'),
    });
  });

  it('gives an annotation the same note id every time, so importing twice adds nothing', () => {
    const once = readAnnotations(fixture('hypothesis-annotations.jsonld'), now).notes.map((note) => note.id);
    const twice = readAnnotations(fixture('hypothesis-annotations.jsonld'), now + 1000).notes.map((note) => note.id);
    expect(twice).toEqual(once);
    expect(new Set(once).size).toBe(3);
  });

  it('accepts a collection, a page, a list or a single annotation', () => {
    const annotation = {
      id: 'https://example.org/a/1',
      type: 'Annotation',
      target: 'https://news.example/story',
      bodyValue: 'Hi',
    };
    const context = 'http://www.w3.org/ns/anno.jsonld';
    for (const shape of [
      annotation,
      [annotation],
      { '@context': context, type: 'AnnotationPage', items: [annotation] },
      {
        '@context': context,
        id: 'https://example.org/c',
        type: 'AnnotationCollection',
        first: { type: 'AnnotationPage', items: [annotation] },
      },
    ]) {
      expect(looksLikeAnnotations(shape)).toBe(true);
      expect(readAnnotations(shape, now).notes).toMatchObject([
        { body: 'Hi', target: { source: 'https://news.example/story' } },
      ]);
    }
    expect(looksLikeAnnotations({ format: 'crosscheck-backup' })).toBe(false);
  });

  it('says where a file is wrong and what is wrong', () => {
    expect(
      refusal({ type: 'AnnotationCollection', id: 'https://x.example/c', first: 'https://x.example/c?page=1' }),
    ).toMatch(/^first: the annotations are not in this file, only the address of their page/);
    expect(refusal([{ type: 'Annotation', id: 'https://x.example/1' }])).toBe(
      '[0]: expected an annotation (an object with a target)',
    );
    expect(refusal([{ type: 'Annotation', target: { selector: { type: 'TextQuoteSelector', exact: 'x' } } }])).toBe(
      '[0].target: the target does not say which page it is on (it has no source)',
    );
    expect(refusal([{ type: 'Annotation', target: 'not an address' }])).toBe(
      '[0].target: expected an absolute address (IRI), found "not an address"',
    );
    expect(refusal([{ type: 'Annotation', target: 'https://a.example', created: 'last Tuesday' }])).toBe(
      '[0].created: expected an ISO 8601 date and time, found "last Tuesday"',
    );
    expect(refusal([{ type: 'Annotation', target: 'https://a.example', bodyValue: 'x'.repeat(100_001) }])).toBe(
      '[0].body: the note would be 100001 characters long; at most 100000 are allowed',
    );
    expect(refusal({ rows: [], total: 0 })).toMatch(/Hypothesis search results/);
    expect(refusal(42)).toMatch(/neither a Crosscheck backup nor Web Annotations/);
  });

  it('leaves out what Crosscheck’s own analysis exported, and keeps its notes', async () => {
    const db = freshDatabase();
    await readSeedsWithNotes(db);
    const exported = parseJson(annotationCollectionText(await exportDataOf(db)));
    const file = readAnnotations(exported, now);
    expect(file.notes).toHaveLength(4);
    expect(file.findings).toBe(file.annotations - 4);
  });
});

describe('importing annotations as notes', () => {
  it('imports an annotation that appears twice once, in its latest version, and counts what it wrote', async () => {
    const db = freshDatabase();
    const annotation = (body: string, modified: string) => ({
      type: 'Annotation',
      id: 'https://hypothes.is/a/abc123',
      modified,
      bodyValue: body,
      target: 'https://example.org/story',
    });
    const items = [
      annotation('second note', '2023-03-24T08:00:00Z'),
      annotation('first note', '2023-03-23T08:00:00Z'),
      annotation('third note', '2023-03-25T08:00:00Z'),
    ];
    const file = readAnnotations({ type: 'AnnotationCollection', first: { type: 'AnnotationPage', items } }, now);
    expect(file).toMatchObject({ annotations: 3, repeated: 2 });
    expect(file.notes.map((note) => note.body)).toEqual(['third note']);
    const sessions = new ImportSessions();
    const session = sessions.begin('annotations');
    for (const chunk of noteChunks(file.notes)) sessions.receive(session, chunk);
    const staged = sessions.take(session);
    const result = await importNotes(db, staged.kind === 'annotations' ? staged.notes : []);
    expect(result.notes).toMatchObject({ added: 1, updated: 0, unchanged: 0 });
    expect((await db.notes.toArray()).map((note) => note.body)).toEqual(['third note']);
  });

  it('files each note under the article it is on, the person or claim it is about, or waits for the article', async () => {
    const db = freshDatabase();
    await readSeedsWithNotes(db);
    const file = readAnnotations(fixture('hypothesis-annotations.jsonld'), now);
    const result = await importNotes(db, file.notes);
    expect(result.notes).toEqual({ added: 3, updated: 0, unchanged: 0, orphaned: 1 });
    const [comment, , pageNote] = await db.notes.bulkGet(file.notes.map((note) => note.id));
    expect(comment).toMatchObject({
      target: { kind: 'selection', source: bbc.address.url, selectors: { quote: { type: 'TextQuoteSelector' } } },
      orphaned: false,
    });
    expect(comment?.target.kind === 'selection' && comment.target.selectors.position).toBeUndefined();
    // Not read in Crosscheck yet: kept, orphaned, under the key reading it will give it.
    expect(pageNote).toMatchObject({
      target: { kind: 'source', source: 'https://globalnews.ca/news/9570005/han-dong-china-two-michaels' },
      orphaned: true,
    });
  });

  it('brings Crosscheck’s own notes back to their people and claims, and twice is once', async () => {
    const db = freshDatabase();
    const { notes } = await readSeedsWithNotes(db);
    const exported = parseJson(annotationCollectionText(await exportDataOf(db)));
    await db.notes.clear();
    const file = readAnnotations(exported, now);
    expect((await importNotes(db, file.notes)).notes.added).toBe(4);
    expect(await db.notes.get(notes.person.id)).toMatchObject({
      target: notes.person.target,
      body: notes.person.body,
      tags: notes.person.tags,
      colour: 'pink',
      created: notes.person.created,
    });
    expect(await db.notes.get(notes.claim.id)).toMatchObject({ target: notes.claim.target, colour: 'blue' });
    const before = await snapshot(db);
    expect((await importNotes(db, file.notes)).notes).toEqual({ added: 0, updated: 0, unchanged: 4, orphaned: 0 });
    expect(await snapshot(db)).toEqual(before);
  });

  it('keeps the page a stored note was written on when a newer version of it comes in', async () => {
    const db = freshDatabase();
    const { notes } = await readSeedsWithNotes(db);
    const file = readAnnotations(parseJson(annotationCollectionText(await exportDataOf(db))), now);
    // The store holds an older version: the file's is newer, and replaces its words, not where it was written.
    await db.notes.update(notes.person.id, { body: 'An older draft', updated: notes.person.created - 1 });
    expect((await importNotes(db, file.notes)).notes.updated).toBe(1);
    expect(await db.notes.get(notes.person.id)).toMatchObject({
      body: notes.person.body,
      writtenOn: notes.person.writtenOn,
    });
  });

  it('keeps a note about a person the store does not know, under that person’s address', async () => {
    const db = freshDatabase();
    await readSeedsWithNotes(db);
    const exported = parseJson(annotationCollectionText(await exportDataOf(db)));
    await forgetEverything(db);
    const file = readAnnotations(exported, now);
    expect((await importNotes(db, file.notes)).notes).toEqual({ added: 4, updated: 0, unchanged: 0, orphaned: 4 });
    const notes = await db.notes.toArray();
    expect(notes).toHaveLength(4);
    expect(notes.filter((note) => note.orphaned)).toHaveLength(4);
    expect(notes.some((note) => note.target.kind === 'source' && note.target.source.startsWith('urn:uuid:'))).toBe(
      true,
    );
    // Imported again: none of them newly left unattached, since none was written.
    expect((await importNotes(db, file.notes)).notes).toEqual({ added: 0, updated: 0, unchanged: 4, orphaned: 0 });
  });
});
