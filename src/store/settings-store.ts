/** The reader's settings, kept in the database so they outlive the background and the browser session. */
import * as v from 'valibot';
import { defaultSettings, type Settings, settingSchemas } from '../settings.ts';
import type { CrosscheckDatabase } from './database.ts';

const settingsKey = 'settings';

export async function readSettings(db: CrosscheckDatabase): Promise<Settings> {
  return settingsFrom((await db.settings.get(settingsKey))?.value);
}

/** Applies the settings a change names, leaving the others as they are. */
export async function changeSettings(db: CrosscheckDatabase, changes: Partial<Settings>): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const next: Settings = { ...(await readSettings(db)) };
    if (changes.mode !== undefined) next.mode = changes.mode;
    if (changes.disabledSites !== undefined) next.disabledSites = changes.disabledSites;
    await db.settings.put({ key: settingsKey, value: next });
    return next;
  });
}

/**
 * The stored settings, each one that is missing or no longer valid (written by an older version,
 * or damaged) falling back to its default rather than taking the others down with it.
 */
function settingsFrom(stored: unknown): Settings {
  const record = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const setting = <K extends keyof Settings>(key: K): Settings[K] => {
    const parsed = v.safeParse(settingSchemas[key], Object.hasOwn(record, key) ? record[key] : undefined);
    return parsed.success ? (parsed.output as Settings[K]) : defaultSettings[key];
  };
  return { mode: setting('mode'), disabledSites: setting('disabledSites') };
}
