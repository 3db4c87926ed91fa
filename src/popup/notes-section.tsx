import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { emptyDraft, type NoteDraft, NoteEditor, parseTags } from '../page/hover-card/note-editor.tsx';
import type { NoteRecord, NoteTarget } from '../store/records.ts';
import { sendToBackground } from '../messaging/send.ts';
import { errorMessage } from '../error-message.ts';
import { NoteItem } from './note-item.tsx';

export interface NotesSectionProps {
  /** What a new note is attached to; none where the reader adds notes elsewhere (on the page). */
  target: NoteTarget | null;
  /** What the notes are about, for the reader: "Han Dong", "this claim". */
  about: string;
  notes: NoteRecord[];
  /** Said when there are no notes. */
  empty?: ComponentChildren;
}

/** The reader's notes on a person, a claim or an article: read, add, edit, delete. */
export function NotesSection({ target, about, notes, empty }: NotesSectionProps) {
  const [adding, setAdding] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingId = `notes-${about.replace(/\W+/g, '-')}`;

  const create = async (draft: NoteDraft) => {
    if (!target) return;
    setSaving(true);
    setError(null);
    try {
      await sendToBackground({
        type: 'notes/create',
        target,
        body: draft.body,
        tags: parseTags(draft.tags),
        colour: draft.colour,
      });
      setAdding(false);
    } catch (failure) {
      setError(`Not saved: ${errorMessage(failure)}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section class="section" aria-labelledby={headingId}>
      <div class="section__header">
        <h3 id={headingId} class="section__title">
          Your notes{notes.length > 0 && <span class="count"> {notes.length}</span>}
        </h3>
        {target && !adding && (
          <button type="button" class="button button--small" onClick={() => setAdding(true)}>
            Add note
          </button>
        )}
      </div>
      {adding && (
        <div class="note-editor">
          <NoteEditor
            heading={`New note about ${about}`}
            initial={emptyDraft}
            saving={saving}
            error={error}
            onChange={() => setError(null)}
            onSave={(draft) => void create(draft)}
            onCancel={() => setAdding(false)}
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
    </section>
  );
}
