/**
 * The named CSS Custom Highlight layers Crosscheck paints with. Highlights live in the document's
 * highlight registry, outside the DOM, so the page's markup is never touched. Their colours are in
 * extension/content.css.
 */
export const highlightLayers = ['person', 'allegation', 'response'] as const;
export type HighlightLayer = (typeof highlightLayers)[number];

export const layerRegistryName = (layer: HighlightLayer): string => `crosscheck-${layer}`;

/** Registers one empty Highlight per layer; all are removed when the signal aborts. */
export function registerHighlightLayers(signal: AbortSignal): Record<HighlightLayer, Highlight> {
  const layers = {} as Record<HighlightLayer, Highlight>;
  for (const layer of highlightLayers) {
    layers[layer] = new Highlight();
    CSS.highlights.set(layerRegistryName(layer), layers[layer]);
  }
  signal.addEventListener(
    'abort',
    () => {
      for (const layer of highlightLayers) CSS.highlights.delete(layerRegistryName(layer));
    },
    { once: true },
  );
  return layers;
}
