// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { windowSize } from './window-size.ts';

/** jsdom lays nothing out: the root element and the body are each given the size a browser reports for them. */
function measured(html: string) {
  const page = new DOMParser().parseFromString(html, 'text/html');
  vi.spyOn(page.documentElement, 'clientHeight', 'get').mockReturnValue(400);
  vi.spyOn(page.documentElement, 'clientWidth', 'get').mockReturnValue(785);
  // In quirks mode the root element measures the whole document and the body the window.
  vi.spyOn(page.body, 'clientHeight', 'get').mockReturnValue(page.compatMode === 'BackCompat' ? 385 : 5200);
  vi.spyOn(page.body, 'clientWidth', 'get').mockReturnValue(page.compatMode === 'BackCompat' ? 785 : 760);
  return page;
}

afterEach(() => vi.restoreAllMocks());

describe('windowSize', () => {
  it('measures the window through the root element on a page with a doctype', () => {
    const page = measured('<!doctype html><p>Han Dong</p>');
    expect(page.compatMode).toBe('CSS1Compat');
    expect(windowSize(page)).toEqual({ width: 785, height: 400 });
  });

  it('measures the window through the body on a page without one (quirks mode)', () => {
    const page = measured('<p>Han Dong</p>');
    expect(page.compatMode).toBe('BackCompat');
    expect(windowSize(page)).toEqual({ width: 785, height: 385 });
  });
});
