// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { pageTheme } from './page-theme.ts';

function paragraphOn(backgrounds: string[]): Element {
  let parent: HTMLElement = document.body;
  parent.replaceChildren();
  for (const background of backgrounds) {
    const child = document.createElement('div');
    child.style.backgroundColor = background;
    parent.append(child);
    parent = child;
  }
  const paragraph = document.createElement('p');
  parent.append(paragraph);
  return paragraph;
}

describe('pageTheme', () => {
  it('reads the first opaque background behind the text', () => {
    expect(pageTheme(paragraphOn(['rgb(18, 18, 18)', 'transparent']))).toBe('dark');
    expect(pageTheme(paragraphOn(['rgb(18, 18, 18)', 'rgb(250, 250, 250)']))).toBe('light');
  });

  it('looks through translucent backgrounds', () => {
    expect(pageTheme(paragraphOn(['rgb(20, 24, 28)', 'rgba(255, 255, 255, 0.1)']))).toBe('dark');
  });

  it('is light when nothing is painted, as the browser’s canvas is', () => {
    expect(pageTheme(paragraphOn([]))).toBe('light');
    expect(pageTheme(null)).toBe('light');
  });
});
