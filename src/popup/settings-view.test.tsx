// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sendToBackground } from '../messaging/send.ts';
import { refuseWrites, type SeedPage, seedPages } from '../store/test-support.ts';
import { SettingsView } from './settings-view.tsx';
import { type FakeExtension, installExtension, readSeeds, renderInApp, unmountAll } from './test-support.ts';

vi.mock('webextension-polyfill', () => import('./test-support.ts').then((support) => support.polyfill));

const notice = readFileSync(join(import.meta.dirname, '..', '..', 'NOTICE'), 'utf8');

let extension: FakeExtension;

beforeEach(() => {
  extension = installExtension();
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await unmountAll();
});

const part = (name: string) => screen.getByRole('region', { name });
const settings = () => renderInApp(<SettingsView />);

describe('the settings’ sites switched off', () => {
  it('lists each site the reader switched off, to switch back on, and says so when there is none', async () => {
    await sendToBackground({ type: 'settings/set', changes: { disabledSites: ['bbc.co.uk', 'wionews.com'] } });
    settings();
    const sites = part('Sites switched off');
    await within(sites).findByText('bbc.co.uk');
    fireEvent.click(within(within(sites).getByText('bbc.co.uk').closest('li') as HTMLElement).getByRole('button'));
    await waitFor(() => expect(within(sites).queryByText('bbc.co.uk')).toBeNull());
    expect(within(sites).getByText('wionews.com')).toBeTruthy();
    expect((await sendToBackground({ type: 'settings/get' })).disabledSites).toEqual(['wionews.com']);

    fireEvent.click(within(sites).getByRole('button', { name: 'Switch on' }));
    expect(await within(sites).findByText(/^None\. Switch a site off from the popup/)).toBeTruthy();
  });
});

describe('the settings’ account of the store', () => {
  it('counts what is stored, and follows the store', async () => {
    settings();
    const stored = part('Your sources');
    const figure = (label: string) => within(stored).getByText(label).nextElementSibling?.textContent;
    await waitFor(() => expect(figure('Articles')).toBe('0'));
    await readSeeds(extension);
    await waitFor(() => expect(figure('Articles')).toBe('2'));
    expect(Number(figure('People'))).toBeGreaterThan(5);
    expect(figure('Notes')).toBe('0');
    expect(within(stored).queryByRole('alert')).toBeNull();
  });

  it('tells the reader, once, when the browser refused to save', async () => {
    const [bbc, wion] = seedPages() as [SeedPage, SeedPage];
    await extension.read(bbc);
    const restore = refuseWrites();
    try {
      await expect(extension.read(wion)).rejects.toThrow(/full/);
    } finally {
      restore();
    }
    extension.announce(['status']);
    settings();
    const alert = await within(part('Your sources')).findByRole('alert');
    expect(alert.textContent).toMatch(/^Your browser refused to store more: the space it gives Crosscheck is full\./);
    expect(alert.textContent?.match(/Nothing stored before was changed/g)).toHaveLength(1);
    expect(within(part('Your sources')).getByText('Articles').nextElementSibling?.textContent).toBe('1');
  });
});

describe('deleting everything', () => {
  it('asks first, keeps everything when the reader changes their mind, and deletes it all when confirmed', async () => {
    await readSeeds(extension);
    settings();
    const danger = part('Delete everything');
    fireEvent.click(within(danger).getByRole('button', { name: 'Delete everything…' }));
    fireEvent.click(within(danger).getByRole('button', { name: 'Keep everything' }));
    expect(await extension.db.sources.count()).toBe(2);

    fireEvent.click(within(danger).getByRole('button', { name: 'Delete everything…' }));
    fireEvent.click(within(danger).getByRole('button', { name: 'Yes, delete everything' }));
    expect(await within(danger).findByRole('status')).toHaveProperty('textContent', 'Everything was deleted.');
    expect(await extension.db.sources.count()).toBe(0);
    expect(await extension.db.people.count()).toBe(0);
  });
});

describe('about Crosscheck', () => {
  it('names the licences of the code and of the names model, and shows the package’s NOTICE as text', async () => {
    const fetched = vi.fn((url: string) =>
      Promise.resolve(new Response(url.endsWith('/NOTICE') ? `${notice}<b>as text</b>` : 'MIT License')),
    );
    vi.stubGlobal('fetch', fetched);
    settings();
    const about = part('About');
    expect(about.textContent).toContain('Crosscheck 0.1.0');
    expect(about.textContent).toContain('MIT licence');
    expect(about.textContent).toMatch(/person-name model .* is licensed under CC BY-SA 4\.0/);
    expect(within(about).getByRole('link', { name: 'CC BY-SA 4.0' }).getAttribute('href')).toBe(
      'https://creativecommons.org/licenses/by-sa/4.0/',
    );

    const credits = within(about).getByText('Credits and licences (NOTICE)').closest('details') as HTMLDetailsElement;
    credits.open = true;
    fireEvent(credits, new Event('toggle'));
    const text = (await within(about).findByText(/WikiGold/)).closest('pre') as HTMLElement;
    expect(fetched).toHaveBeenCalledWith('chrome-extension://crosscheck-test/NOTICE');
    expect(text.textContent).toBe(`${notice}<b>as text</b>`);
    expect(text.querySelector('b')).toBeNull();
  });

  it('says where the file is when it cannot be read', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('', { status: 404, statusText: 'Not Found' })));
    settings();
    const license = within(part('About'))
      .getByText('The code’s licence (LICENSE)')
      .closest('details') as HTMLDetailsElement;
    license.open = true;
    fireEvent(license, new Event('toggle'));
    expect((await within(part('About')).findByRole('alert')).textContent).toBe(
      'LICENSE could not be read from the package (404 Not Found). It is at chrome-extension://crosscheck-test/LICENSE.',
    );
  });
});
