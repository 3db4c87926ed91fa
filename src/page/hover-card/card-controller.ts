/**
 * What the card shows and what its buttons do: a highlight's card, the offer to note a selection,
 * the note editor. The reader's features (hovering, stepping with the keyboard, selecting) ask it to
 * show things; the page session supplies the models and carries the notes to the store.
 */
import type { Span } from '../../analysis/types.ts';
import { errorMessage } from '../../error-message.ts';
import type { PageNoteTarget } from '../../messaging/contract.ts';
import type { NoteColour, NoteRecord } from '../../store/records.ts';
import type { PlacedHighlight } from '../article-highlights.ts';
import type { CardModel } from './card-model.ts';
import type { PanelProps, PanelState, Theme } from './card-panel.tsx';
import type { CardActions } from './cards.tsx';
import type { CardSurface } from './card-surface.ts';
import { type CardViewLoader, LazyCardView } from './lazy-card-view.ts';
import { emptyDraft, type NoteDraft, parseTags } from './note-draft.ts';
import { pageTheme } from './page-theme.ts';
import { liveRange } from '../text-map.ts';

export interface NoteContent {
  body: string;
  tags: string[];
  colour: NoteColour;
}

/** What the card needs from the page session. */
export interface CardContext {
  /** The card for a highlight as things stand now (the store's view may have arrived since). */
  modelFor(highlight: PlacedHighlight): CardModel | null;
  createNote(target: PageNoteTarget, content: NoteContent): Promise<NoteRecord>;
  updateNote(id: string, content: NoteContent): Promise<NoteRecord>;
  deleteNote(id: string): Promise<void>;
  /** Where a note is painted, once it is. */
  highlightOfNote(id: string): PlacedHighlight | null;
  /** The selectors for a span of the article text. */
  selectionTarget(span: Span): PageNoteTarget;
  /** The article text of a span, to quote it. */
  textOf(span: Span): string;
}

type Subject =
  | { kind: 'highlight'; highlight: PlacedHighlight }
  | { kind: 'selection'; span: Span; range: Range }
  | { kind: 'none' };

interface Editing {
  /** Where the draft is kept if the reader leaves the editor without saving. */
  key: string;
  target: PageNoteTarget | null;
  note: NoteRecord | null;
}

const quoteLength = 60;

export class CardController {
  readonly #host: CardSurface;
  readonly #context: CardContext;
  #state: PanelState | null = null;
  #subject: Subject = { kind: 'none' };
  #theme: Theme = 'light';
  #editing: Editing | null = null;
  readonly #drafts = new Map<string, NoteDraft>();

  constructor(host: CardSurface, context: CardContext) {
    this.#host = host;
    this.#context = context;
  }

  get isShown(): boolean {
    return this.#host.isShown;
  }

  /** The highlight the card is about, if it is about one. */
  get highlight(): PlacedHighlight | null {
    return this.#subject.kind === 'highlight' ? this.#subject.highlight : null;
  }

  /** Whether the reader is busy in the card (writing a note): hovering elsewhere must not take it away. */
  get isEditing(): boolean {
    return this.#state?.view === 'editor';
  }

  /** Whether the card is only offering to note the reader's selection. */
  get isOfferingSelectionNote(): boolean {
    return this.#state?.view === 'selection';
  }

  owns(event: Event): boolean {
    return this.#host.owns(event);
  }

  showHighlight(highlight: PlacedHighlight, anchor: DOMRect, options: { focus: boolean }): void {
    const model = this.#context.modelFor(highlight);
    if (!model) return;
    this.#subject = { kind: 'highlight', highlight };
    this.#editing = null;
    this.#theme = pageTheme(highlight.range.startContainer.parentElement);
    this.#show({ view: 'card', model }, anchor, options.focus);
  }

  /** Offers "Add note" beside the reader's selection. */
  offerSelectionNote(span: Span, range: Range): void {
    this.#subject = { kind: 'selection', span, range };
    this.#editing = null;
    this.#theme = pageTheme(range.startContainer.parentElement);
    this.#show({ view: 'selection' }, lastLineOf(range), false);
  }

  /** Opens the editor for the selection on offer. */
  noteSelection(): void {
    if (this.#subject.kind !== 'selection') return;
    const { span, range } = this.#subject;
    const quote = this.#context.textOf(span);
    const shortened = quote.length > quoteLength ? `${quote.slice(0, quoteLength - 1)}…` : quote;
    this.#edit(
      { key: `selection:${span.start}:${span.end}`, target: this.#context.selectionTarget(span), note: null },
      `Note on “${shortened}”`,
      emptyDraft,
      lastLineOf(range),
      true,
    );
  }

  /** Opens the note editor for what the shown card is about; false when no card is shown. */
  noteShownCard(): boolean {
    if (this.#state?.view === 'selection') {
      this.noteSelection();
      return true;
    }
    if (this.#state?.view !== 'card' || this.#state.model.kind === 'note') return false;
    const model = this.#state.model;
    // A copy of the article may add no notes: its card says so instead.
    if (!model.noteTarget) return false;
    this.#actions.addNote(model.noteTarget, model.kind === 'person' ? model.name : 'this allegation');
    return true;
  }

  /** The content changed (the store answered, a note was saved): show the same thing, brought up to date. */
  refresh(): void {
    if (this.#subject.kind !== 'highlight' || this.#state?.view !== 'card') return;
    const model = this.#context.modelFor(this.#subject.highlight);
    if (model) this.#render({ view: 'card', model });
    else this.close();
  }

  /**
   * The article was read again and highlighted anew: a card about an old highlight goes. A note
   * being written stays open (its target does not depend on the old highlights), and closes once
   * saved or cancelled.
   */
  articleChanged(): void {
    if (this.#state?.view === 'editor') this.#subject = { kind: 'none' };
    else this.close();
  }

  /** Keeps the card beside its words while the page scrolls. */
  reposition(): void {
    const anchor = this.#anchor();
    if (anchor) this.#host.reposition(anchor);
  }

  close(): void {
    if (this.#editing && this.#state?.view === 'editor') this.#drafts.set(this.#editing.key, this.#state.draft);
    this.#state = null;
    this.#subject = { kind: 'none' };
    this.#editing = null;
    this.#host.hide();
  }

  readonly #actions: CardActions = {
    addNote: (target, about) => {
      const key = JSON.stringify(target);
      this.#edit({ key, target, note: null }, `Note on ${about}`, this.#drafts.get(key) ?? emptyDraft, null, true);
    },
    editNote: (note) => {
      const draft = { body: note.body, tags: note.tags.join(', '), colour: note.colour };
      this.#edit(
        { key: `note:${note.id}`, target: null, note },
        'Edit note',
        this.#drafts.get(`note:${note.id}`) ?? draft,
        null,
        true,
      );
    },
    deleteNote: (note) => {
      this.#context.deleteNote(note.id).then(
        () => this.refresh(),
        (error: unknown) => this.#problem(error),
      );
    },
  };

  readonly #editorActions = {
    change: (draft: NoteDraft) => {
      if (this.#state?.view === 'editor') this.#state = { ...this.#state, draft };
    },
    save: (draft: NoteDraft) => void this.#save(draft),
    cancel: () => {
      if (this.#editing && this.#state?.view === 'editor') this.#drafts.set(this.#editing.key, this.#state.draft);
      this.#editing = null;
      if (this.#subject.kind === 'highlight') this.#backToCard();
      else this.close();
    },
  };

  #backToCard(): void {
    if (this.#subject.kind !== 'highlight') return;
    const model = this.#context.modelFor(this.#subject.highlight);
    if (model) this.#render({ view: 'card', model });
  }

  async #save(draft: NoteDraft): Promise<void> {
    const editing = this.#editing;
    if (!editing || this.#state?.view !== 'editor') return;
    this.#render({ ...this.#state, draft, saving: true, error: null });
    const content = { body: draft.body, tags: parseTags(draft.tags), colour: draft.colour };
    try {
      const saved = editing.note
        ? await this.#context.updateNote(editing.note.id, content)
        : await this.#context.createNote(editing.target as PageNoteTarget, content);
      this.#drafts.delete(editing.key);
      if (this.#editing !== editing) return; // The reader moved on while it saved.
      this.#editing = null;
      if (this.#subject.kind === 'selection') {
        const placed = this.#context.highlightOfNote(saved.id);
        if (placed) this.showHighlight(placed, firstLineOf(placed.range), { focus: true });
        else this.close();
        return;
      }
      if (this.#subject.kind === 'highlight') this.#backToCard();
      else this.close();
    } catch (error) {
      if (this.#editing !== editing || this.#state?.view !== 'editor') return;
      // The draft stays as typed: nothing the reader wrote is lost to a failed save.
      this.#render({ ...this.#state, draft, saving: false, error: errorMessage(error) });
    }
  }

  #problem(error: unknown): void {
    if (this.#state?.view === 'card') this.#render({ ...this.#state, problem: errorMessage(error) });
  }

  #edit(editing: Editing, heading: string, draft: NoteDraft, anchor: DOMRect | null, focus: boolean): void {
    this.#editing = editing;
    const state: PanelState = { view: 'editor', heading, draft, saving: false, error: null };
    if (anchor) this.#show(state, anchor, focus);
    else this.#render(state);
  }

  #show(state: PanelState, anchor: DOMRect, focus: boolean): void {
    this.#state = state;
    this.#host.show(this.#panel(state), anchor, { focus });
  }

  #render(state: PanelState): void {
    this.#state = state;
    this.#host.update(this.#panel(state));
  }

  #panel(state: PanelState): PanelProps {
    return {
      state,
      theme: this.#theme,
      actions: this.#actions,
      editor: this.#editorActions,
      noteSelection: () => this.noteSelection(),
    };
  }

  #anchor(): DOMRect | null {
    if (this.#subject.kind === 'highlight') return firstLineOf(this.#subject.highlight.range);
    if (this.#subject.kind === 'selection') return lastLineOf(this.#subject.range);
    return null;
  }
}

/**
 * A controller over the card's view loaded when the first card opens. Should the load fail, the
 * controller closes (no card stays half open, nothing waits as if the reader were writing; a draft
 * is kept), `onProblem` hears why, and the next card asked for tries the load again.
 */
export function cardsLoadedOnDemand(
  load: CardViewLoader,
  context: CardContext,
  onProblem: (error: unknown) => void,
): CardController {
  const controller: CardController = new CardController(
    new LazyCardView(load, (error) => {
      controller.close();
      onProblem(error);
    }),
    context,
  );
  return controller;
}

export function firstLineOf(range: StaticRange): DOMRect {
  const live = liveRange(range);
  return live.getClientRects()[0] ?? live.getBoundingClientRect();
}

function lastLineOf(range: Range): DOMRect {
  const rects = range.getClientRects();
  return rects[rects.length - 1] ?? range.getBoundingClientRect();
}
