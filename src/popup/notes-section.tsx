import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { emptyDraft, parseTags } from '../page/hover-card/note-editor.tsx';
import { sendToBackground } from '../messaging/send.ts';
import type { NoteRecord, NoteTarget } from '../store/records.ts';
import { NoteForm } from './note-form.tsx';
import { NoteItem } from './note-item.tsx';
import { Section } from './section.tsx';

export interface NotesSectionProps {
  /** What a new note is attached to. */
  target: NoteTarget;
  /** What the notes are about, for the reader: "Han Dong", "this claim". */
  about: string;
  notes: NoteRecord[];
  /** Said when there are no notes. */
  empty?: ComponentChildren;
}

/** The reader's notes on a person, a claim or an article: read, add, edit, delete. */
export function NotesSection({ target, about, notes, empty }: NotesSectionProps) {
  const [adding, setAdding] = useState(false);
  return (
    <Section
      title="Your notes"
      {...(notes.length > 0 && { count: notes.length })}
      actions={
        !adding && (
          <button type="button" class="button button--small" onClick={() => setAdding(true)}>
            Add note
          </button>
        )
      }
    >
      {adding && (
        <div class="note-editor">
          <NoteForm
            heading={`New note about ${about}`}
            initial={emptyDraft}
            save={(draft) =>
              sendToBackground({
                type: 'notes/create',
                target,
                body: draft.body,
                tags: parseTags(draft.tags),
                colour: draft.colour,
              })
            }
            close={() => setAdding(false)}
          />
        </div>
      )}
      {notes.length > 0 ? (
        <ul class="notes">
          {notes.map((note) => (
            <NoteItem key={note.id} note={note} />
          ))}
        </ul>
      ) : (
        !adding && <p class="empty-state">{empty ?? `No notes about ${about} yet.`}</p>
      )}
    </Section>
  );
}
