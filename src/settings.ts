/** What the reader can switch; the background decides from these whether a page is analysed. */
export type HighlightMode = 'auto' | 'on-demand' | 'off';

export interface Settings {
  mode: HighlightMode;
  /** Hostnames the reader switched off, whatever the global mode. */
  disabledSites: string[];
}

export const defaultSettings: Settings = { mode: 'auto', disabledSites: [] };

export function modeForUrl(settings: Settings, url: string): HighlightMode {
  const host = hostnameOf(url);
  if (host !== null && settings.disabledSites.includes(host)) return 'off';
  return settings.mode;
}

function hostnameOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}
