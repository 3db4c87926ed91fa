/** What each kind of highlight means, drawn with the highlights' own colours: in the hover card and the popup. */
import { layerStyles, legend } from './highlight-layers.ts';

export function HighlightLegend() {
  return (
    <ul class="legend" aria-label="What the highlights mean">
      {legend.map(({ layer, label }) => (
        <li key={layer} class="legend__item">
          <span
            class="legend__sample"
            aria-hidden="true"
            style={{
              backgroundColor: layerStyles[layer].backgroundColor,
              textDecoration: layerStyles[layer].textDecoration,
            }}
          >
            Abc
          </span>
          {label}
        </li>
      ))}
    </ul>
  );
}
