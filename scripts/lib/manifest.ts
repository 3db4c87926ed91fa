/**
 * Derives each browser's manifest from the one source manifest at the repository root.
 * Chrome and Firefox disagree on two things: how the background is declared (a service worker
 * versus event-page scripts) and which vendor keys they accept.
 */

export type Browser = 'chrome' | 'firefox';
export const browsers: readonly Browser[] = ['chrome', 'firefox'];

type Json = Record<string, unknown>;

interface SourceManifest extends Json {
  background: { service_worker: string };
  browser_specific_settings: { gecko: Json };
}

export function deriveManifest(source: Json, browser: Browser, version: string): Json {
  assertSourceManifest(source);
  const { background, browser_specific_settings, minimum_chrome_version, ...common } = source;
  const manifest: Json = { ...common, version };
  if (browser === 'chrome') {
    manifest.background = { service_worker: background.service_worker };
    manifest.minimum_chrome_version = minimum_chrome_version;
  } else {
    // Firefox runs MV3 backgrounds as event pages and ignores `service_worker`.
    manifest.background = { scripts: [background.service_worker] };
    manifest.browser_specific_settings = browser_specific_settings;
  }
  return manifest;
}

function assertSourceManifest(source: Json): asserts source is SourceManifest {
  const background = source.background as Json | undefined;
  if (typeof background?.service_worker !== 'string') {
    throw new Error('manifest.json: background.service_worker must name the background bundle');
  }
  const gecko = (source.browser_specific_settings as Json | undefined)?.gecko as Json | undefined;
  if (typeof gecko?.id !== 'string') {
    throw new Error('manifest.json: browser_specific_settings.gecko.id is required for Firefox');
  }
  if ('version' in source) {
    throw new Error('manifest.json: leave out "version"; the build takes it from package.json');
  }
}
