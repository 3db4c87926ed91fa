/**
 * The named CSS Custom Highlight layers Crosscheck paints with, and how each looks. Highlights live
 * in the document's highlight registry, outside the DOM, so the page's markup is never touched.
 *
 * The page sees these styles through content.css, which the build writes from `layerStyles` (a
 * `::highlight()` rule per layer); the hover card's legend and the popup's draw their samples from
 * the same values. Fills are translucent and decorations mid-toned, so they read on light and dark
 * pages alike without changing the page's own text colour.
 */
import { type NoteColour, noteColours } from '../store/records.ts';

export type NoteLayer = `note-${NoteColour}`;
export type HighlightLayer = 'allegation' | 'response' | 'person' | NoteLayer | 'focus';

/** Lowest first: a later layer paints over an earlier one where they overlap. */
export const highlightLayers: readonly HighlightLayer[] = [
  'allegation',
  'response',
  'person',
  ...noteColours.map((colour): NoteLayer => `note-${colour}`),
  'focus',
];

export const noteLayer = (colour: NoteColour): NoteLayer => `note-${colour}`;

export const layerRegistryName = (layer: HighlightLayer): string => `crosscheck-${layer}`;

export interface LayerStyle {
  backgroundColor: string;
  textDecoration: string;
}

export const layerStyles: Record<HighlightLayer, LayerStyle> = {
  allegation: { backgroundColor: 'rgb(239 83 80 / 0.16)', textDecoration: 'underline dotted 2px rgb(211 47 47)' },
  response: { backgroundColor: 'rgb(67 160 71 / 0.2)', textDecoration: 'underline dashed 2px rgb(46 125 50)' },
  person: { backgroundColor: 'rgb(255 193 7 / 0.28)', textDecoration: 'underline solid 2px rgb(200 125 0)' },
  'note-yellow': { backgroundColor: 'rgb(255 235 59 / 0.32)', textDecoration: 'underline solid 3px rgb(160 140 0)' },
  'note-green': { backgroundColor: 'rgb(118 255 3 / 0.3)', textDecoration: 'underline solid 3px rgb(56 142 60)' },
  'note-blue': { backgroundColor: 'rgb(64 196 255 / 0.3)', textDecoration: 'underline solid 3px rgb(2 119 189)' },
  'note-pink': { backgroundColor: 'rgb(255 64 129 / 0.25)', textDecoration: 'underline solid 3px rgb(216 27 96)' },
  'note-purple': { backgroundColor: 'rgb(179 136 255 / 0.3)', textDecoration: 'underline solid 3px rgb(126 87 194)' },
  focus: { backgroundColor: 'rgb(33 150 243 / 0.35)', textDecoration: 'underline solid 3px rgb(21 101 192)' },
};

/** The stylesheet the manifest injects into every page: one `::highlight()` rule per layer. */
export function highlightStylesheet(): string {
  const rules = highlightLayers.map((layer) => {
    const { backgroundColor, textDecoration } = layerStyles[layer];
    return `::highlight(${layerRegistryName(layer)}) { background-color: ${backgroundColor}; text-decoration: ${textDecoration}; }`;
  });
  return `/* Crosscheck's highlights. Generated from src/page/highlight-layers.ts by the build. */\n${rules.join('\n')}\n`;
}

/** What the legend says each kind of highlight is. */
export const legend: { layer: HighlightLayer; label: string }[] = [
  { layer: 'person', label: 'Person' },
  { layer: 'allegation', label: 'Allegation' },
  { layer: 'response', label: 'Response: denial, admission…' },
  { layer: 'note-yellow', label: 'Your note' },
];

export type HighlightRegistry = Record<HighlightLayer, Highlight>;

/** Registers one empty Highlight per layer; all are removed when the signal aborts. */
export function registerHighlightLayers(signal: AbortSignal): HighlightRegistry {
  const layers = {} as HighlightRegistry;
  highlightLayers.forEach((layer, priority) => {
    const highlight = new Highlight();
    highlight.priority = priority;
    layers[layer] = highlight;
    CSS.highlights.set(layerRegistryName(layer), highlight);
  });
  signal.addEventListener(
    'abort',
    () => {
      for (const layer of highlightLayers) {
        layers[layer].clear();
        CSS.highlights.delete(layerRegistryName(layer));
      }
    },
    { once: true },
  );
  return layers;
}
