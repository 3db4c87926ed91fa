/**
 * Which of the reader's notes a page may change or delete: those on its own article (the article
 * itself, a selection in it) and those written on it. A page that names a person or a claim shows
 * the reader's notes about them in its cards, but may not rewrite or delete what the reader wrote in
 * the notebook or on another page. One rule for the background, which enforces it, and the hover card,
 * which offers Edit and Delete only where it holds; it imports nothing, so the content script can too.
 * A page at a copy's address may change none (see `NotingPage`).
 */
import type { NoteRecord } from './records.ts';

/**
 * The page asking: its stored source, and whether it is at a copy's address (`SourceRecord.copies`).
 * A copy finds the article, the notes on it shown, but may add, change or delete none: another writer's
 * page that copies an article's text is not the article, and what it wrote would read as written there.
 */
export interface NotingPage {
  source: string;
  copy?: true;
}

/** Why a page at a copy's address is refused a note, and where the reader writes one instead. */
export const copyRefusal =
  'This page is a copy of an article Crosscheck knows at another address; add notes there or in the notebook.';

/** Whether `page` may change or delete `note`. */
export function pageMayChangeNote(note: Pick<NoteRecord, 'target' | 'writtenOn'>, page: NotingPage): boolean {
  if (page.copy) return false;
  const { source } = page;
  const { target } = note;
  if ((target.kind === 'source' || target.kind === 'selection') && target.source === source) return true;
  return note.writtenOn === source;
}
