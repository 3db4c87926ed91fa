/**
 * The card's view as the content script holds it before it is loaded: the first card asked for
 * loads it, and is shown once it is there, as it stands by then (its content updated, its words
 * scrolled, or closed meanwhile). Should the load fail, the card does not open and the next one
 * asked for tries again.
 */
import type { PanelProps } from './card-panel.tsx';
import type { CardSurface, ShowOptions } from './card-surface.ts';

export type CardViewLoader = () => Promise<CardSurface>;

interface Waiting {
  panel: PanelProps;
  anchor: DOMRect;
  options: ShowOptions;
}

export class LazyCardView implements CardSurface {
  readonly #load: CardViewLoader;
  readonly #onProblem: (error: unknown) => void;
  #view: CardSurface | null = null;
  #loading = false;
  /** The card asked for while the view loads. */
  #waiting: Waiting | null = null;

  constructor(load: CardViewLoader, onProblem: (error: unknown) => void) {
    this.#load = load;
    this.#onProblem = onProblem;
  }

  get isShown(): boolean {
    return this.#view ? this.#view.isShown : this.#waiting !== null;
  }

  owns(event: Event): boolean {
    return this.#view?.owns(event) ?? false;
  }

  show(panel: PanelProps, anchor: DOMRect, options: ShowOptions): void {
    if (this.#view) return this.#view.show(panel, anchor, options);
    this.#waiting = { panel, anchor, options };
    if (this.#loading) return;
    this.#loading = true;
    this.#load()
      .then((view) => {
        this.#view = view;
        const waiting = this.#waiting;
        this.#waiting = null;
        if (waiting) view.show(waiting.panel, waiting.anchor, waiting.options);
      })
      .catch((error: unknown) => {
        this.#loading = false;
        this.#waiting = null;
        this.#onProblem(error);
      });
  }

  update(panel: PanelProps): void {
    if (this.#view) this.#view.update(panel);
    else if (this.#waiting) this.#waiting = { ...this.#waiting, panel };
  }

  reposition(anchor: DOMRect): void {
    if (this.#view) this.#view.reposition(anchor);
    else if (this.#waiting) this.#waiting = { ...this.#waiting, anchor };
  }

  hide(): void {
    this.#waiting = null;
    this.#view?.hide();
  }
}
