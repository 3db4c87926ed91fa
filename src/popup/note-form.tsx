import { useState } from 'preact/hooks';
import { errorMessage } from '../error-message.ts';
import type { NoteDraft } from '../page/hover-card/note-draft.ts';
import { NoteEditor } from '../page/hover-card/note-editor.tsx';

export interface NoteFormProps {
  heading: string;
  initial: NoteDraft;
  /** Stores the draft; a failure is shown in the form, and the draft stays as typed. */
  save: (draft: NoteDraft) => Promise<unknown>;
  /** After a save, or when the reader gives up. */
  close: () => void;
}

/** The hover card's note editor, saving through the background: a new note or changes to one. */
export function NoteForm({ heading, initial, save, close }: NoteFormProps) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (draft: NoteDraft) => {
    setSaving(true);
    setError(null);
    try {
      await save(draft);
      close();
    } catch (failure) {
      setError(`Not saved: ${errorMessage(failure)}`);
    } finally {
      setSaving(false);
    }
  };
  return (
    <NoteEditor
      heading={heading}
      initial={initial}
      saving={saving}
      error={error}
      onChange={() => setError(null)}
      onSave={(draft) => void submit(draft)}
      onCancel={close}
    />
  );
}
