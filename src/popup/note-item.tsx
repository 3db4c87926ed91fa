import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { parseTags } from '../page/hover-card/note-draft.ts';
import { layerStyles, noteLayer } from '../page/highlight-layers.ts';
import type { NoteRecord } from '../store/records.ts';
import type { NoteView } from '../store/views.ts';
import { sendToBackground } from '../messaging/send.ts';
import { errorMessage } from '../error-message.ts';
import { writtenAt } from './format.ts';
import { NoteForm } from './note-form.tsx';
import { TagList } from './tag-list.tsx';
import { useUndo } from './undo.tsx';

export interface NoteItemProps {
  note: NoteView;
  /** Move keyboard focus to this note's Delete button (it came back from an undo, or its neighbour was deleted). */
  takeFocus?: boolean;
  /** Focus has moved here as asked. */
  focusTaken?: () => void;
  /** The note was deleted; `restored` once an undo brought it back. */
  deleted?: (id: string) => void;
  restored?: (id: string) => void;
}

/** One of the reader's notes: its text, tags and colour, to edit or delete (with undo). */
export function NoteItem({ note, takeFocus = false, focusTaken, deleted, restored }: NoteItemProps) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const offerUndo = useUndo();
  const deleteButton = useRef<HTMLButtonElement>(null);

  useLayoutEffect(() => {
    if (!takeFocus) return;
    deleteButton.current?.focus(); // None while the note is being edited: focus stays in its form.
    focusTaken?.();
  }, [takeFocus, focusTaken]);

  const remove = async () => {
    setError(null);
    try {
      const record = await sendToBackground({ type: 'notes/delete', id: note.id });
      deleted?.(note.id);
      offerUndo({
        message: 'Note deleted.',
        undo: async () => {
          await sendToBackground({ type: 'notes/restore', note: record });
          restored?.(note.id);
        },
      });
    } catch (failure) {
      setError(`Not deleted: ${errorMessage(failure)}`);
    }
  };

  if (editing) {
    return (
      <li class="note note--editing">
        <NoteForm
          heading="Edit note"
          initial={{ body: note.body, tags: note.tags.join(', '), colour: note.colour }}
          save={(draft) =>
            sendToBackground({
              type: 'notes/update',
              id: note.id,
              changes: { body: draft.body, tags: parseTags(draft.tags), colour: draft.colour },
            })
          }
          close={() => setEditing(false)}
        />
      </li>
    );
  }
  const quote = note.target.kind === 'selection' ? note.target.selectors.quote.exact : null;
  return (
    <li class="note" style={{ borderInlineStartColor: stripeColour(note) }}>
      {note.orphaned && (
        <p class="note__orphaned">Its words are no longer in the article: the note is kept, unattached.</p>
      )}
      {quote && <blockquote class="note__quote">{quote}</blockquote>}
      <p class="note__body">{note.body || <span class="muted">No text, only tags.</span>}</p>
      <TagList tags={note.tags} />
      <div class="note__footer">
        <span class="note__time">
          {note.updated > note.created ? `Edited ${writtenAt(note.updated)}` : writtenAt(note.created)}
          {note.writtenOnOutlet && ` · written on ${note.writtenOnOutlet}`}
        </span>
        <span class="note__actions">
          <button type="button" class="button button--quiet button--small" onClick={() => setEditing(true)}>
            Edit
          </button>
          <button
            ref={deleteButton}
            type="button"
            class="button button--quiet button--small"
            onClick={() => void remove()}
          >
            Delete
          </button>
        </span>
      </div>
      {error && (
        <p class="problem" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

/** The note's colour as its highlight's underline on the page. */
function stripeColour(note: NoteRecord): string {
  return /rgb\([^)]*\)$/.exec(layerStyles[noteLayer(note.colour)].textDecoration)?.[0] ?? 'currentColor';
}
