import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings.ts';
import { changeSettings, readSettings } from './settings-store.ts';
import { freshDatabase } from './test-support.ts';

describe('settings in the database', () => {
  it('starts from the defaults and keeps what the reader changes', async () => {
    const db = freshDatabase();
    expect(await readSettings(db)).toEqual(defaultSettings);
    await changeSettings(db, { mode: 'on-demand' });
    expect(await changeSettings(db, { disabledSites: ['www.example.com'] })).toEqual({
      mode: 'on-demand',
      disabledSites: ['www.example.com'],
    });
    expect(await readSettings(db)).toEqual({ mode: 'on-demand', disabledSites: ['www.example.com'] });
  });

  it('falls back setting by setting when what is stored no longer fits', async () => {
    const db = freshDatabase();
    await db.settings.put({ key: 'settings', value: { mode: 'sometimes', disabledSites: ['news.example.org'] } });
    expect(await readSettings(db)).toEqual({ mode: 'auto', disabledSites: ['news.example.org'] });
    await db.settings.put({ key: 'settings', value: 'garbage' });
    expect(await readSettings(db)).toEqual(defaultSettings);
    await db.settings.put({ key: 'settings', value: JSON.parse('{"__proto__": {"mode": "off"}}') as unknown });
    expect(await readSettings(db)).toEqual(defaultSettings);
  });
});
