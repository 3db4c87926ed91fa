/** What the reader can switch; the background decides from these whether a page is analysed. */
import * as v from 'valibot';

export const highlightModes = ['auto', 'on-demand', 'off'] as const;
export type HighlightMode = (typeof highlightModes)[number];

export interface Settings {
  mode: HighlightMode;
  /** Hostnames the reader switched off, whatever the global mode. */
  disabledSites: string[];
}

export const defaultSettings: Settings = { mode: 'auto', disabledSites: [] };

const hostname = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.minLength(1), v.maxLength(253));

/** Each setting on its own: a change names only some, and a stored value keeps what still parses. */
export const settingSchemas = {
  mode: v.picklist(highlightModes),
  disabledSites: v.pipe(
    v.array(hostname),
    v.maxLength(10_000),
    v.transform((sites) => [...new Set(sites)]),
  ),
} satisfies { [K in keyof Settings]: v.GenericSchema<unknown, Settings[K]> };

export function modeForUrl(settings: Settings, url: string): HighlightMode {
  const host = hostnameOf(url);
  if (host !== null && settings.disabledSites.includes(host)) return 'off';
  return settings.mode;
}

/** A URL's host name, or null when it is not a URL. */
export function hostnameOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}
