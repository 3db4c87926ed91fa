/** The reader's note, written or edited in the card: a body, tags and a colour. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { noteColours } from '../../store/records.ts';
import { trusted } from './cards.tsx';
import { type NoteDraft, parseTags } from './note-draft.ts';

// The store refuses more than this; saying so here keeps the reader's text in the form.
const maxBodyLength = 100_000;
const maxTagLength = 64;
const maxTags = 50;

/** Why a draft cannot be saved, in words for the reader, or null when it can. */
export function draftProblem(draft: NoteDraft): string | null {
  if (draft.body.length > maxBodyLength) {
    return `The note is ${draft.body.length.toLocaleString()} characters long; the most is ${maxBodyLength.toLocaleString()}.`;
  }
  const tags = parseTags(draft.tags);
  if (tags.length > maxTags) return `That is ${tags.length} tags; the most is ${maxTags}.`;
  const long = tags.find((tag) => tag.length > maxTagLength);
  if (long) return `The tag “${long.slice(0, 20)}…” is longer than ${maxTagLength} characters.`;
  if (draft.body.trim() === '' && tags.length === 0) return 'Write something or add a tag first.';
  return null;
}

export interface NoteEditorProps {
  heading: string;
  initial: NoteDraft;
  saving: boolean;
  /** What went wrong with the last save; the draft stays as it was. */
  error: string | null;
  onChange: (draft: NoteDraft) => void;
  onSave: (draft: NoteDraft) => void;
  onCancel: () => void;
}

export function NoteEditor({ heading, initial, saving, error, onChange, onSave, onCancel }: NoteEditorProps) {
  const [draft, setDraft] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const body = useRef<HTMLTextAreaElement>(null);
  useEffect(() => body.current?.focus(), []);

  const update = (changes: Partial<NoteDraft>) => {
    const next = { ...draft, ...changes };
    setDraft(next);
    setProblem(null);
    onChange(next);
  };
  const save = () => {
    const found = draftProblem(draft);
    setProblem(found);
    if (!found) onSave(draft);
  };
  const message = problem ?? error;

  return (
    <form
      class="editor"
      aria-label={heading}
      onSubmit={trusted((event: Event) => {
        event.preventDefault();
        save();
      })}
    >
      <h2 class="card__title card__title--small">{heading}</h2>
      <label class="editor__label">
        Note
        <textarea
          ref={body}
          class="editor__body"
          rows={4}
          value={draft.body}
          onInput={(event) => update({ body: event.currentTarget.value })}
          onKeyDown={trusted((event: KeyboardEvent) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              save();
            }
          })}
        />
      </label>
      <label class="editor__label">
        Tags <span class="editor__hint">separated by commas</span>
        <input
          class="editor__tags"
          type="text"
          value={draft.tags}
          onInput={(event) => update({ tags: event.currentTarget.value })}
        />
      </label>
      <fieldset class="editor__colours">
        <legend class="editor__label">Colour</legend>
        {noteColours.map((colour) => (
          <label key={colour} class="editor__colour" title={colour}>
            <input
              type="radio"
              name="colour"
              value={colour}
              checked={draft.colour === colour}
              onChange={() => update({ colour })}
            />
            <span class={`swatch swatch--${colour}`} aria-hidden="true" />
            <span class="visually-hidden">{colour}</span>
          </label>
        ))}
      </fieldset>
      {message && (
        <p class="card__status card__status--problem" role="alert">
          {message}
        </p>
      )}
      <p class="card__actions">
        <button type="submit" class="button" disabled={saving}>
          {saving ? 'Saving…' : 'Save note'}
        </button>
        <button type="button" class="button button--quiet" onClick={trusted(onCancel)}>
          Cancel
        </button>
      </p>
    </form>
  );
}
