import { useState } from 'preact/hooks';
import { type NoteDraft, NoteEditor, parseTags } from '../page/hover-card/note-editor.tsx';
import { layerStyles, noteLayer } from '../page/highlight-layers.ts';
import type { NoteRecord } from '../store/records.ts';
import { sendToBackground } from '../messaging/send.ts';
import { errorMessage } from '../error-message.ts';
import { writtenAt } from './format.ts';
import { useUndo } from './undo.tsx';

/** One of the reader's notes: its text, tags and colour, to edit or delete (with undo). */
export function NoteItem({ note }: { note: NoteRecord }) {
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const offerUndo = useUndo();

  const save = async (draft: NoteDraft) => {
    setSaving(true);
    setError(null);
    try {
      await sendToBackground({
        type: 'notes/update',
        id: note.id,
        changes: { body: draft.body, tags: parseTags(draft.tags), colour: draft.colour },
      });
      setEditing(false);
    } catch (failure) {
      setError(`Not saved: ${errorMessage(failure)}`);
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    setError(null);
    try {
      const deleted = await sendToBackground({ type: 'notes/delete', id: note.id });
      offerUndo({ message: 'Note deleted.', undo: () => sendToBackground({ type: 'notes/restore', note: deleted }) });
    } catch (failure) {
      setError(`Not deleted: ${errorMessage(failure)}`);
    }
  };

  if (editing) {
    return (
      <li class="note note--editing">
        <NoteEditor
          heading="Edit note"
          initial={{ body: note.body, tags: note.tags.join(', '), colour: note.colour }}
          saving={saving}
          error={error}
          onChange={() => setError(null)}
          onSave={(draft) => void save(draft)}
          onCancel={() => setEditing(false)}
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
      {note.tags.length > 0 && (
        <ul class="tags" aria-label="Tags">
          {note.tags.map((tag) => (
            <li key={tag} class="tag">
              {tag}
            </li>
          ))}
        </ul>
      )}
      <div class="note__footer">
        <span class="note__time">
          {note.updated > note.created ? `Edited ${writtenAt(note.updated)}` : writtenAt(note.created)}
        </span>
        <span class="note__actions">
          <button type="button" class="button button--quiet button--small" onClick={() => setEditing(true)}>
            Edit
          </button>
          <button type="button" class="button button--quiet button--small" onClick={() => void remove()}>
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
