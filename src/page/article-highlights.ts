/**
 * What is highlighted in the article and where: each highlight knows what it stands for (a person's
 * mention, an allegation, a response, a reader's note), its span of the article text, and its
 * range of the page, painted in one of the highlight layers. The hover cards, keyboard stepping and hit testing
 * all ask this index; nothing here touches the page's DOM.
 */
import { type DocumentAnalysis, isResponse, type Span } from '../analysis/types.ts';
import type { NoteColour } from '../store/records.ts';
import { type HighlightLayer, type HighlightRegistry, noteLayer } from './highlight-layers.ts';
import type { TextMap } from './text-map.ts';

export type HighlightTarget =
  { kind: 'person'; person: string } | { kind: 'allegation'; allegation: number } | { kind: 'note'; note: string };

export interface PlacedHighlight {
  target: HighlightTarget;
  span: Span;
  layer: HighlightLayer;
  /** Static (see text-map.ts): `liveRange` makes a live one where the words' boxes are needed. */
  range: StaticRange;
}

// Where two highlights cover the same words, the reader most likely means the more specific one.
const specificity: Record<HighlightTarget['kind'], number> = { note: 0, person: 1, allegation: 2 };

/** How many ranges are placed between two pauses. */
const placementsPerStep = 250;

export class ArticleHighlights {
  readonly #layers: HighlightRegistry;
  readonly #map: TextMap;
  #placed: PlacedHighlight[] = [];
  #focused: PlacedHighlight | null = null;

  constructor(layers: HighlightRegistry, map: TextMap) {
    this.#layers = layers;
    this.#map = map;
  }

  /**
   * Paints the story's people (not bylines or credits: they made the story, they are not in it),
   * its allegations and the responses to them, in steps.
   */
  *placeAnalysis(analysis: DocumentAnalysis): Generator<void, void> {
    let placed = 0;
    for (const person of analysis.people) {
      if (person.role !== 'subject') continue;
      for (const mention of person.mentions) {
        this.#place({ kind: 'person', person: person.id }, mention, 'person');
        if (++placed % placementsPerStep === 0) yield;
      }
    }
    for (const [index, allegation] of analysis.allegations.entries()) {
      const layer = isResponse(allegation.stance) ? 'response' : 'allegation';
      this.#place({ kind: 'allegation', allegation: index }, allegation, layer);
      if (++placed % placementsPerStep === 0) yield;
    }
  }

  placeNote(note: string, colour: NoteColour, span: Span): PlacedHighlight | null {
    this.removeNote(note);
    return this.#place({ kind: 'note', note }, span, noteLayer(colour));
  }

  removeNote(note: string): void {
    for (const highlight of this.#placed) {
      if (highlight.target.kind === 'note' && highlight.target.note === note) {
        this.#layers[highlight.layer].delete(highlight.range);
        if (this.#focused === highlight) this.focus(null);
      }
    }
    this.#placed = this.#placed.filter((h) => !(h.target.kind === 'note' && h.target.note === note));
  }

  /** Every highlight, in reading order. */
  get all(): readonly PlacedHighlight[] {
    return this.#placed;
  }

  get focused(): PlacedHighlight | null {
    return this.#focused;
  }

  /**
   * The highlights touching a caret position (a point between two characters): those covering the
   * character before it or the one after, most specific first.
   */
  around(caret: number): PlacedHighlight[] {
    return this.#placed
      .filter((highlight) => highlight.span.start <= caret && caret <= highlight.span.end)
      .sort(
        (a, b) =>
          a.span.end - a.span.start - (b.span.end - b.span.start) ||
          specificity[a.target.kind] - specificity[b.target.kind],
      );
  }

  /** The next highlight after the focused one (or the first), wrapping around; `-1` steps back. */
  step(direction: 1 | -1): PlacedHighlight | null {
    if (this.#placed.length === 0) return null;
    const current = this.#focused ? this.#placed.indexOf(this.#focused) : -1;
    const next =
      current === -1
        ? direction === 1
          ? 0
          : this.#placed.length - 1
        : (current + direction + this.#placed.length) % this.#placed.length;
    return this.#placed[next] ?? null;
  }

  /** Marks one highlight as the one the reader is looking at (hovered, or stepped to). */
  focus(highlight: PlacedHighlight | null): void {
    const layer = this.#layers.focus;
    layer.clear();
    this.#focused = highlight;
    if (highlight) layer.add(highlight.range);
  }

  #place(target: HighlightTarget, span: Span, layer: HighlightLayer): PlacedHighlight | null {
    const range = this.#map.rangeFor(span);
    if (!range || range.collapsed) return null;
    const highlight: PlacedHighlight = { target, span: { start: span.start, end: span.end }, layer, range };
    this.#layers[layer].add(range);
    const at = this.#insertionPoint(span.start);
    this.#placed.splice(at, 0, highlight);
    return highlight;
  }

  /** Keeps reading order: by start; highlights that start together stay in the order they were placed. */
  #insertionPoint(start: number): number {
    let low = 0;
    let high = this.#placed.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.#placed[middle] as PlacedHighlight).span.start <= start) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
