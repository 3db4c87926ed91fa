/**
 * Which of the reader's notes a page may change or delete: those on its own article (the article
 * itself, a selection in it) and those written on it. A page that names a person or a claim shows
 * the reader's notes about them in its cards, but may not rewrite or delete what the reader wrote in
 * the notebook or on another page. One rule for the background, which enforces it, and the hover card,
 * which offers Edit and Delete only where it holds; it imports nothing, so the content script can too.
 */
import type { NoteRecord } from './records.ts';

/** Whether the page whose stored source is `source` may change or delete `note`. */
export function pageMayChangeNote(note: Pick<NoteRecord, 'target' | 'writtenOn'>, source: string): boolean {
  const { target } = note;
  if ((target.kind === 'source' || target.kind === 'selection') && target.source === source) return true;
  return note.writtenOn === source;
}
