/** The reader's notes: written, changed, deleted and put back, each in one transaction. */
import type { CrosscheckDatabase } from './database.ts';
import type { NoteColour, NoteRecord, NoteTarget } from './records.ts';
import { noteOf } from './summaries.ts';

export interface NoteContent {
  body: string;
  tags: string[];
  colour: NoteColour;
}

/** A new note's content, and the stored source of the page it is written on (none in the notebook). */
export interface NewNote extends NoteContent {
  writtenOn?: string;
}

export async function createNote(
  db: CrosscheckDatabase,
  target: NoteTarget,
  content: NewNote,
  now = Date.now(),
): Promise<NoteRecord> {
  return db.transaction('rw', [db.notes, db.sources, db.people, db.claims], async () => {
    await assertTargetExists(db, target);
    const note: NoteRecord = {
      id: crypto.randomUUID(),
      target,
      ...content,
      created: now,
      updated: now,
      orphaned: false,
    };
    await db.notes.add(note);
    return note;
  });
}

export async function updateNote(
  db: CrosscheckDatabase,
  id: string,
  changes: Partial<NoteContent>,
  now = Date.now(),
): Promise<NoteRecord> {
  return db.transaction('rw', db.notes, async () => {
    const note = noteOf(await existingNote(db, id));
    const updated: NoteRecord = {
      ...note,
      ...(changes.body === undefined ? {} : { body: changes.body }),
      ...(changes.tags === undefined ? {} : { tags: changes.tags }),
      ...(changes.colour === undefined ? {} : { colour: changes.colour }),
      updated: now,
    };
    await db.notes.put(updated);
    return updated;
  });
}

/** Deletes a note and answers with it, so the reader can undo. */
export async function deleteNote(db: CrosscheckDatabase, id: string): Promise<NoteRecord> {
  return db.transaction('rw', db.notes, async () => {
    const note = noteOf(await existingNote(db, id));
    await db.notes.delete(id);
    return note;
  });
}

/**
 * Puts a deleted note back exactly as it was. Its target may have gone since (an article forgotten
 * in between): the note comes back anyway, because a note is never lost.
 */
export async function restoreNote(db: CrosscheckDatabase, note: NoteRecord): Promise<NoteRecord> {
  const restored = noteOf(note);
  await db.notes.put(restored);
  return restored;
}

export async function existingNote(db: CrosscheckDatabase, id: string): Promise<NoteRecord> {
  const note = await db.notes.get(id);
  if (!note) throw new Error('There is no such note: it may have been deleted.');
  return note;
}

/**
 * How many notes a page may add about one thing (its article, one person, one claim): far more than a
 * reader writes by hand, few enough that a page sending note after note (its renderer compromised)
 * cannot fill the disk or every card with them. The notebook, the reader's own page, has no such limit.
 */
export const pageNoteLimit = 1_000;

/** How many notes there are about what `target` is about: its source, person or claim. */
export function notesAbout(db: CrosscheckDatabase, target: NoteTarget): Promise<number> {
  switch (target.kind) {
    case 'source':
    case 'selection':
      return db.notes.where('target.source').equals(target.source).count();
    case 'person':
      return db.notes.where('target.person').equals(target.person).count();
    case 'claim':
      return db.notes.where('target.claim').equals(target.claim).count();
  }
}

/** Whether a note's target is about a source: the source itself, a selection in it, or a person or claim it reports. */
export async function targetConcernsSource(
  db: CrosscheckDatabase,
  target: NoteTarget,
  source: string,
): Promise<boolean> {
  switch (target.kind) {
    case 'source':
    case 'selection':
      return target.source === source;
    case 'person':
      return (await db.appearances.get([source, target.person])) !== undefined;
    case 'claim':
      return (
        (await db.allegations
          .where('source')
          .equals(source)
          .filter((a) => a.claim === target.claim)
          .count()) > 0
      );
  }
}

async function assertTargetExists(db: CrosscheckDatabase, target: NoteTarget): Promise<void> {
  switch (target.kind) {
    case 'source':
    case 'selection':
      if (!(await db.sources.get(target.source))) throw new Error('That article is not in the store: read it first.');
      return;
    case 'person':
      if (!(await db.people.get(target.person))) throw new Error('There is no such person in the store.');
      return;
    case 'claim':
      if (!(await db.claims.get(target.claim))) throw new Error('There is no such claim in the store.');
      return;
  }
}
