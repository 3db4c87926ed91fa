/**
 * The card's stylesheet, inside its closed shadow root: the page's CSS cannot reach in, and this
 * cannot leak out. Two themes follow the page under the card (light or dark), not the system,
 * because the card sits on the page. Colours meet WCAG AA on their backgrounds.
 */
import { noteColours } from '../../store/records.ts';
import { layerStyles, noteLayer } from '../highlight-layers.ts';

const swatches = noteColours
  .map((colour) => `.swatch--${colour} { background-color: ${layerStyles[noteLayer(colour)].backgroundColor}; }`)
  .join('\n');

const noteBorders = noteColours
  .map((colour) => {
    const line = /rgb\([^)]*\)$/.exec(layerStyles[noteLayer(colour)].textDecoration)?.[0] ?? 'currentColor';
    return `.note__body--${colour} { border-left-color: ${line}; }`;
  })
  .join('\n');

/** The height the card may take where it is placed: set on the host, read here (custom properties cross the root). */
export const cardRoomProperty = '--crosscheck-card-room';

export const cardCss = `
/* The host is a plain <div>: a page's rules for every div's ::before and ::after must not draw on the card. */
:host::before, :host::after { content: none !important; }
.panel {
  --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --border: #d0d7de; --surface: #f6f8fa;
  --accent: #0b5cad; --accent-fg: #ffffff; --problem: #b3261e; --allegation: #b3261e; --response: #1a7f37;
  box-sizing: border-box;
  width: 360px;
  max-width: 100%;
  /* The host says how tall the card may be where it is placed: within the window, scrolling inside. */
  max-height: min(70vh, 560px, var(${cardRoomProperty}, 100vh));
  overflow: auto;
  overscroll-behavior: contain;
  padding: 12px 14px;
  border: 1px solid var(--border);
  border-radius: 10px;
  background: var(--bg);
  color: var(--fg);
  box-shadow: 0 8px 28px rgb(0 0 0 / 0.22);
  font: 13px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  text-align: start;
  letter-spacing: normal;
  text-transform: none;
  white-space: normal;
}
.panel[data-theme='dark'] {
  --bg: #1c2128; --fg: #e6edf3; --muted: #9da7b3; --border: #444c56; --surface: #2d333b;
  --accent: #6cb6ff; --accent-fg: #0d1117; --problem: #ff938a; --allegation: #ff938a; --response: #6bd68a;
}
.panel--compact { width: auto; padding: 4px; border-radius: 8px; }
.panel:focus { outline: none; }
.panel:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
* { box-sizing: border-box; }
h2, h3, p, ul, blockquote, fieldset { margin: 0; padding: 0; border: 0; }
.card__header { display: grid; gap: 2px; margin-bottom: 8px; }
.card__kind { display: flex; align-items: center; gap: 6px; color: var(--muted); font-size: 11px; font-weight: 600;
  letter-spacing: 0.04em; text-transform: uppercase; }
.card__title { font-size: 16px; font-weight: 650; line-height: 1.3; }
.card__title--small { font-size: 14px; margin-bottom: 6px; }
.card__meta { color: var(--muted); }
.card__quote { padding-left: 8px; border-left: 3px solid var(--border); font-style: italic; }
.card__section { margin-top: 10px; }
.card__subtitle { margin-bottom: 4px; font-size: 12px; font-weight: 600; }
.card__status { color: var(--muted); font-style: italic; }
.card__status--problem { color: var(--problem); font-style: normal; }
.card__list { display: grid; gap: 6px; list-style: none; }
.card__actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.source, .claim, .discrepancy { display: flex; flex-wrap: wrap; align-items: baseline; column-gap: 6px;
  padding: 6px 8px; border-radius: 6px; background: var(--surface); }
.source__outlet { font-weight: 600; }
.source__date, .source__detail { color: var(--muted); }
.source__title, .source__quote, .claim__text { flex-basis: 100%; }
.claim__stances { display: inline-flex; gap: 4px; }
.discrepancy__label { flex-basis: 100%; font-weight: 600; }
.discrepancy__value { margin-right: 8px; }
.stance { padding: 0 6px; border: 1px solid currentColor; border-radius: 999px; font-size: 11px; font-weight: 600;
  text-transform: none; letter-spacing: normal; }
.stance--allegation { color: var(--allegation); }
.stance--response { color: var(--response); }
.note { list-style: none; }
.note__body { padding: 6px 8px; border-left: 4px solid var(--border); border-radius: 4px; background: var(--surface); }
.note__text { white-space: pre-wrap; overflow-wrap: anywhere; }
.note__tags { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 4px; }
.note__origin { margin-top: 6px; color: var(--muted); font-size: 12px; }
.tag { padding: 0 6px; border-radius: 999px; background: var(--border); font-size: 11px; }
.button { min-height: 28px; padding: 3px 10px; border: 1px solid var(--accent); border-radius: 6px;
  background: var(--accent); color: var(--accent-fg); font: inherit; font-weight: 600; cursor: pointer; }
.button--quiet { background: transparent; color: var(--accent); }
.button:disabled { opacity: 0.6; cursor: progress; }
.button:focus-visible, input:focus-visible, textarea:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.editor { display: grid; gap: 8px; }
.editor__label { display: grid; gap: 2px; font-weight: 600; font-size: 12px; }
.editor__hint { color: var(--muted); font-weight: 400; }
.editor__body, .editor__tags { width: 100%; padding: 6px 8px; border: 1px solid var(--border); border-radius: 6px;
  background: var(--bg); color: var(--fg); font: inherit; resize: vertical; }
.editor__colours { display: flex; align-items: center; gap: 8px; }
.editor__colours legend { float: left; margin-right: 4px; }
.editor__colour { display: inline-flex; align-items: center; cursor: pointer; }
.editor__colour input { position: absolute; opacity: 0; width: 1px; height: 1px; }
.editor__colour .swatch { width: 20px; height: 20px; border: 2px solid var(--border); }
.editor__colour input:checked + .swatch { border-color: var(--fg); box-shadow: 0 0 0 2px var(--bg) inset; }
.editor__colour input:focus-visible + .swatch { outline: 2px solid var(--accent); outline-offset: 2px; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 50%; }
${swatches}
${noteBorders}
.footer { margin-top: 10px; padding-top: 8px; border-top: 1px solid var(--border); color: var(--muted); font-size: 11px; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 10px; list-style: none; padding: 0; margin: 0 0 4px; }
.legend__item { display: inline-flex; align-items: center; gap: 4px; }
.legend__sample { padding: 0 2px; color: var(--fg); }
kbd { padding: 0 4px; border: 1px solid var(--border); border-radius: 4px; font: inherit; }
.add-note { display: block; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
