/** When an imported note and the store's copy of it are the same note in the same state. */
import type { NoteRecord } from '../store/records.ts';

/** Whether two versions of a note say different things: their target, text, tags or colour. */
export function notesDiffer(a: NoteRecord, b: NoteRecord): boolean {
  return (
    a.body !== b.body ||
    a.colour !== b.colour ||
    a.tags.length !== b.tags.length ||
    a.tags.some((tag, index) => tag !== b.tags[index]) ||
    JSON.stringify(a.target) !== JSON.stringify(b.target)
  );
}
