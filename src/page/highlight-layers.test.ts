import { describe, expect, it } from 'vitest';
import { highlightLayers, highlightStylesheet, layerRegistryName, layerStyles } from './highlight-layers.ts';

/** Every `::highlight(name) { ... }` rule of a stylesheet, as property → value. */
function highlightRules(css: string): Map<string, Record<string, string>> {
  const rules = new Map<string, Record<string, string>>();
  for (const [, name, body] of css.matchAll(/::highlight\(([\w-]+)\)\s*\{([^}]*)\}/g)) {
    const declarations: Record<string, string> = {};
    for (const [, property, value] of (body ?? '').matchAll(/([\w-]+)\s*:\s*([^;]+);/g)) {
      declarations[property as string] = (value as string).trim();
    }
    rules.set(name as string, declarations);
  }
  return rules;
}

type Rgba = [number, number, number, number];

function parseColour(text: string): Rgba {
  const match = /rgb\((\d+) (\d+) (\d+)(?: \/ ([\d.]+))?\)/.exec(text);
  if (!match) throw new Error(`not an rgb() colour: ${text}`);
  return [Number(match[1]), Number(match[2]), Number(match[3]), match[4] === undefined ? 1 : Number(match[4])];
}

function over([r, g, b, a]: Rgba, [br, bg, bb]: Rgba): Rgba {
  return [r * a + br * (1 - a), g * a + bg * (1 - a), b * a + bb * (1 - a), 1];
}

function luminance([r, g, b]: Rgba): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

// Typical pages: dark text on white, light text on a dark theme.
const lightPage = { background: parseColour('rgb(255 255 255)'), text: parseColour('rgb(20 20 20)') };
const darkPage = { background: parseColour('rgb(18 18 18)'), text: parseColour('rgb(230 230 230)') };

describe('highlight styles', () => {
  const rules = highlightRules(highlightStylesheet());

  it('gives every layer the page paints a rule in the page stylesheet, with the values the legends draw', () => {
    expect([...rules.keys()].sort()).toEqual(highlightLayers.map(layerRegistryName).sort());
    for (const layer of highlightLayers) {
      expect(rules.get(layerRegistryName(layer))).toEqual({
        'background-color': layerStyles[layer].backgroundColor,
        'text-decoration': layerStyles[layer].textDecoration,
      });
    }
  });

  it.each(highlightLayers)('keeps the page text legible under %s, on light and dark pages', (layer) => {
    const fill = parseColour(layerStyles[layer].backgroundColor);
    for (const page of [lightPage, darkPage]) {
      expect(contrast(page.text, over(fill, page.background))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it.each(highlightLayers)('draws the %s underline visibly on light and dark pages', (layer) => {
    const line = parseColour(layerStyles[layer].textDecoration.replace(/^.*?(rgb\(.*\))$/, '$1'));
    for (const page of [lightPage, darkPage]) {
      expect(contrast(line, page.background)).toBeGreaterThanOrEqual(3);
    }
  });
});
