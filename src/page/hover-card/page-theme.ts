/**
 * Whether the page under the card is light or dark, from the first opaque background behind the
 * highlight. The card follows the page, not the system setting: a dark card on a white article
 * would glare, whatever the reader's operating system prefers.
 */
import type { Theme } from './card-panel.tsx';

export function pageTheme(from: Element | null): Theme {
  for (let element = from; element; element = element.parentElement) {
    const colour = parseRgb(getComputedStyle(element).backgroundColor);
    if (colour && colour.alpha > 0.5) return relativeLuminance(colour) < 0.3 ? 'dark' : 'light';
  }
  return 'light'; // The canvas behind an unstyled page is white.
}

interface Rgb {
  red: number;
  green: number;
  blue: number;
  alpha: number;
}

function parseRgb(value: string): Rgb | null {
  const match = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(value);
  if (!match) return null;
  const alpha = match[4] === undefined ? 1 : match[4].endsWith('%') ? parseFloat(match[4]) / 100 : Number(match[4]);
  return { red: Number(match[1]), green: Number(match[2]), blue: Number(match[3]), alpha };
}

function relativeLuminance({ red, green, blue }: Rgb): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue);
}
