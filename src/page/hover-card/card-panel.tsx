/** The card as a whole: what it shows (a card, the note editor, or the offer to note a selection), and its footer. */
import { shortcuts } from '../page-shortcuts.ts';
import type { CardModel } from './card-model.ts';
import { HighlightLegend } from '../highlight-legend.tsx';
import { Card, type CardActions, trusted } from './cards.tsx';
import type { NoteDraft } from './note-draft.ts';
import { NoteEditor } from './note-editor.tsx';

export type PanelState =
  /** `problem`: what went wrong with the reader's last action on the card. */
  | { view: 'card'; model: CardModel; problem?: string }
  | { view: 'editor'; heading: string; draft: NoteDraft; saving: boolean; error: string | null }
  | { view: 'selection' };

export type Theme = 'light' | 'dark';

export interface EditorActions {
  change: (draft: NoteDraft) => void;
  save: (draft: NoteDraft) => void;
  cancel: () => void;
}

export interface PanelProps {
  state: PanelState;
  theme: Theme;
  actions: CardActions;
  editor: EditorActions;
  noteSelection: () => void;
}

export function CardPanel({ state, theme, actions, editor, noteSelection }: PanelProps) {
  if (state.view === 'selection') {
    return (
      <div class="panel panel--compact" data-theme={theme}>
        <button type="button" class="button add-note" data-autofocus onClick={trusted(noteSelection)}>
          Add note <kbd>{shortcuts.note.label}</kbd>
        </button>
      </div>
    );
  }
  return (
    <div class="panel" role="dialog" aria-label={label(state)} tabIndex={-1} data-autofocus data-theme={theme}>
      {state.view === 'card' ? (
        <>
          {state.problem && (
            <p class="card__status card__status--problem" role="alert">
              {state.problem}
            </p>
          )}
          <Card model={state.model} actions={actions} />
        </>
      ) : (
        <NoteEditor
          key={state.heading}
          heading={state.heading}
          initial={state.draft}
          saving={state.saving}
          error={state.error}
          onChange={editor.change}
          onSave={editor.save}
          onCancel={editor.cancel}
        />
      )}
      <footer class="footer">
        <HighlightLegend />
        <p>
          <kbd>{shortcuts.next.label}</kbd> next highlight · <kbd>{shortcuts.previous.label}</kbd> previous ·{' '}
          <kbd>Esc</kbd> close
        </p>
      </footer>
    </div>
  );
}

function label(state: Exclude<PanelState, { view: 'selection' }>): string {
  if (state.view === 'editor') return state.heading;
  switch (state.model.kind) {
    case 'person':
      return `Crosscheck: ${state.model.name}`;
    case 'allegation':
      return state.model.isResponse ? 'Crosscheck: response' : 'Crosscheck: allegation';
    case 'note':
      return 'Crosscheck: your note';
  }
}
