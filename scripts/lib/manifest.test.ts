import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveManifest } from './manifest.ts';

const source = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'manifest.json'), 'utf8')) as Record<
  string,
  unknown
>;

describe('deriveManifest', () => {
  it('gives Chrome a service worker and no Gecko settings', () => {
    const chrome = deriveManifest(source, 'chrome', '1.2.3');
    expect(chrome.background).toEqual({ service_worker: 'background.js' });
    expect(chrome).not.toHaveProperty('browser_specific_settings');
    expect(chrome.version).toBe('1.2.3');
    expect(chrome.manifest_version).toBe(3);
  });

  it('gives Firefox background scripts and Gecko settings that declare no data collection', () => {
    const firefox = deriveManifest(source, 'firefox', '1.2.3');
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
    expect(firefox.browser_specific_settings).toMatchObject({
      gecko: {
        id: expect.any(String) as string,
        strict_min_version: expect.any(String) as string,
        data_collection_permissions: { required: ['none'] },
      },
    });
  });

  it('keeps everything else the same for both browsers', () => {
    const strip = ({
      background: _b,
      browser_specific_settings: _s,
      minimum_chrome_version: _m,
      web_accessible_resources: _w,
      ...rest
    }: Record<string, unknown>) => rest;
    expect(strip(deriveManifest(source, 'chrome', '1.0.0'))).toEqual(strip(deriveManifest(source, 'firefox', '1.0.0')));
  });

  it('lets only Chrome change the address of its web-accessible files each session', () => {
    const chrome = deriveManifest(source, 'chrome', '1.0.0');
    const firefox = deriveManifest(source, 'firefox', '1.0.0');
    expect(chrome.web_accessible_resources).toEqual(source.web_accessible_resources);
    expect(firefox.web_accessible_resources).toEqual(
      (source.web_accessible_resources as Record<string, unknown>[]).map(({ use_dynamic_url: _d, ...rest }) => rest),
    );
    expect(JSON.stringify(firefox)).not.toContain('use_dynamic_url');
  });

  it('refuses a source manifest that names its own version', () => {
    expect(() => deriveManifest({ ...source, version: '9.9.9' }, 'chrome', '1.0.0')).toThrow(/version/);
  });
});
