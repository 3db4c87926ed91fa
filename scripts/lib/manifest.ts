/**
 * Derives each browser's manifest from the one source manifest at the repository root.
 * Chrome and Firefox disagree on three things: how the background is declared (a service worker
 * versus event-page scripts), which vendor keys they accept, and whether a web-accessible file's
 * address may change each session.
 */

export type Browser = 'chrome' | 'firefox';
export const browsers: readonly Browser[] = ['chrome', 'firefox'];

type Json = Record<string, unknown>;

interface SourceManifest extends Json {
  background: { service_worker: string };
  web_accessible_resources?: (Json & { use_dynamic_url?: boolean })[];
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
    // Firefox has no `use_dynamic_url`: its extension addresses hold a random id of each install already.
    manifest.web_accessible_resources = (source.web_accessible_resources ?? []).map(
      ({ use_dynamic_url: _chromeOnly, ...resource }) => resource,
    );
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
