/**
 * A note as the reader types it, before it is saved: what the card's controller keeps between
 * openings of the editor (loaded with every page) and the editor itself (loaded with the card's
 * view, when a card first opens) both hold.
 */
import type { NoteColour } from '../../store/records.ts';

export interface NoteDraft {
  body: string;
  /** As typed: "follow up, Global News". */
  tags: string;
  colour: NoteColour;
}

export const emptyDraft: NoteDraft = { body: '', tags: '', colour: 'yellow' };

/** Tags as the store keeps them: trimmed, no empties, each once whatever its case, as first typed. */
export function parseTags(typed: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const tag of typed.split(',').map((part) => part.trim())) {
    if (tag === '' || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    tags.push(tag);
  }
  return tags;
}
