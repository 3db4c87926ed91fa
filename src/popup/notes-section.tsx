import type { ComponentChildren } from 'preact';
import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { emptyDraft, parseTags } from '../page/hover-card/note-draft.ts';
import { sendToBackground } from '../messaging/send.ts';
import type { NoteTarget } from '../store/records.ts';
import type { NoteView } from '../store/views.ts';
import { NoteForm } from './note-form.tsx';
import { NoteItem } from './note-item.tsx';
import { Section } from './section.tsx';

export interface NotesSectionProps {
  /** What a new note is attached to. */
  target: NoteTarget;
  /** What the notes are about, for the reader: "Han Dong", "this claim". */
  about: string;
  notes: NoteView[];
  /** Said when there are no notes. */
  empty?: ComponentChildren;
}

/**
 * Where keyboard focus goes once the list shows a deletion or an undo: a note's Delete button, or
 * the section's "Add note" when no note is left. It waits until the store's answer changes the list.
 */
interface FocusPlan {
  note: string | null;
  ready: (notes: NoteView[]) => boolean;
}

/** The reader's notes on a person, a claim or an article: read, add, edit, delete. */
export function NotesSection({ target, about, notes, empty }: NotesSectionProps) {
  const [adding, setAdding] = useState(false);
  const [focusPlan, setFocusPlan] = useState<FocusPlan | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const due = focusPlan?.ready(notes) ? focusPlan : null;
  const focusTaken = useCallback(() => setFocusPlan(null), []);

  // Focus follows a deleted note to its neighbour (the next, else the previous), never to the page's body.
  const deleted = (id: string) => {
    const at = notes.findIndex((note) => note.id === id);
    const neighbour = notes[at + 1] ?? notes[at - 1] ?? null;
    setFocusPlan({ note: neighbour?.id ?? null, ready: (now) => !now.some((note) => note.id === id) });
  };
  // An undone deletion: focus goes back to the note, once it is in the list again.
  const restored = (id: string) => setFocusPlan({ note: id, ready: (now) => now.some((note) => note.id === id) });

  useLayoutEffect(() => {
    if (!due) return;
    if (due.note === null || !notes.some((note) => note.id === due.note)) {
      addButton.current?.focus();
      setFocusPlan(null);
    }
  }, [due, notes]);

  return (
    <Section
      title="Your notes"
      {...(notes.length > 0 && { count: notes.length })}
      actions={
        !adding && (
          <button ref={addButton} type="button" class="button button--small" onClick={() => setAdding(true)}>
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
            <NoteItem
              key={note.id}
              note={note}
              takeFocus={due?.note === note.id}
              focusTaken={focusTaken}
              deleted={deleted}
              restored={restored}
            />
          ))}
        </ul>
      ) : (
        !adding && <p class="empty-state">{empty ?? `No notes about ${about} yet.`}</p>
      )}
    </Section>
  );
}
