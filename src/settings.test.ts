import { describe, expect, it } from 'vitest';
import { defaultSettings, modeForUrl } from './settings.ts';

describe('modeForUrl', () => {
  it('uses the global mode unless the site is switched off', () => {
    const settings = { ...defaultSettings, disabledSites: ['www.example.com'] };
    expect(modeForUrl(settings, 'https://news.example.org/a')).toBe('auto');
    expect(modeForUrl(settings, 'https://www.example.com/a')).toBe('off');
    expect(modeForUrl({ ...settings, mode: 'on-demand' }, 'https://news.example.org/a')).toBe('on-demand');
  });

  it('treats an unparseable URL by the global mode', () => {
    expect(modeForUrl(defaultSettings, 'not a url')).toBe('auto');
  });
});
