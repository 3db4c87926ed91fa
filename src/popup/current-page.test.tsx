// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sendToBackground } from '../messaging/send.ts';
import { seedPages, type SeedPage } from '../store/test-support.ts';
import { CurrentPage } from './current-page.tsx';
import { type FakeExtension, highlightedTab, installExtension, renderInApp, unmountAll } from './test-support.ts';

vi.mock('webextension-polyfill', () => import('./test-support.ts').then((support) => support.polyfill));

const [bbc, wion] = seedPages() as [SeedPage, SeedPage];
let extension: FakeExtension;

beforeEach(() => {
  extension = installExtension();
});
afterEach(unmountAll);

function onTab(page: SeedPage, isArticle = true) {
  extension.tabs.set(1, highlightedTab(page.page, isArticle));
}

const popup = () => renderInApp(<CurrentPage />);

/** What a row of the people table says in its cells: mentions here, other sources. */
const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);

describe('the current page', () => {
  it('shows the people here with their mentions and other sources, and the allegations with stance, accused and attribution', async () => {
    await extension.read(bbc);
    await extension.read(wion);
    onTab(wion);
    popup();

    const people = await screen.findByRole('table');
    const hanDong = within(people).getByRole('row', { name: /^Han Dong/ });
    expect(cells(hanDong)).toEqual(['10', '1']);
    expect(within(people).getByRole('link', { name: 'Han Dong' }).getAttribute('href')).toMatch(/^#\/person\//);
    const jagmeet = within(people).getByRole('row', { name: /^Jagmeet Singh/ });
    expect(cells(jagmeet)).toEqual(['1', 'none yet']);
    expect(within(people).getByRole('row', { name: /^Michael Spavor/ }).textContent).toContain('1 difference');

    const allegations = screen.getByRole('region', { name: /Allegations and responses/ });
    const report = within(allegations).getByRole('link', {
      name: /two national security sources said that Han Dong allegedly/,
    });
    expect(report.getAttribute('href')).toMatch(/^#\/claim\//);
    expect(report.textContent).toContain('alleged');
    expect(report.textContent).toContain('According to two national security sources; Global news');
    expect(report.textContent).toContain('also in 1 other source');

    const differences = screen.getByRole('region', { name: /Where your sources differ/ });
    expect(differences.textContent).toContain('Sparov');
    expect(differences.textContent).toContain('March 24, 2023 was a Friday');
  });

  it('follows the store: a source read while the popup is open shows without a reload', async () => {
    await extension.read(wion);
    onTab(wion);
    popup();
    const hanDong = await screen.findByRole('row', { name: /^Han Dong/ });
    expect(cells(hanDong)[1]).toBe('none yet');

    await extension.read(bbc);
    await waitFor(() => expect(cells(screen.getByRole('row', { name: /^Han Dong/ }))[1]).toBe('1'));
  });

  it('says what to do where there is nothing to show', async () => {
    popup();
    expect(await screen.findByText('Crosscheck cannot read this tab.')).toBeTruthy();
    cleanup();

    onTab(wion, false);
    popup();
    expect(await screen.findByText('This page is not a news article.')).toBeTruthy();
    cleanup();

    onTab(wion);
    await sendToBackground({ type: 'settings/set', changes: { mode: 'off' } });
    popup();
    expect(await screen.findByText('Crosscheck is switched off.')).toBeTruthy();
    cleanup();

    await sendToBackground({ type: 'settings/set', changes: { mode: 'on-demand' } });
    popup();
    expect(await screen.findByText(/reads articles here when you ask/)).toBeTruthy();
    cleanup();

    await sendToBackground({ type: 'settings/set', changes: { mode: 'auto' } });
    popup();
    expect(await screen.findByText(/Nothing found yet/)).toBeTruthy();
    await extension.read(wion);
    expect(await screen.findByRole('row', { name: /^Han Dong/ })).toBeTruthy();
  });
});

describe('text from the page', () => {
  it('is shown as text, never as markup', async () => {
    const markup = '<img src="x" onerror="globalThis.pwned = true"> <b>Han Dong</b> quits';
    const hostile = { ...wion, article: { ...wion.article, metadata: { ...wion.article.metadata, title: markup } } };
    await extension.read(hostile);
    onTab(hostile);
    popup();
    expect(await screen.findByText(markup)).toBeTruthy();
    expect(document.querySelector('img[src="x"], b')).toBeNull();
    expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
  });
});

describe('the current page and the reader’s settings', () => {
  it('shows the report as soon as the reader switches the site back on', async () => {
    await extension.read(wion);
    onTab(wion);
    await sendToBackground({ type: 'settings/set', changes: { disabledSites: ['127.0.0.1'] } });
    popup();
    expect(await screen.findByText('Crosscheck is switched off for this site.')).toBeTruthy();
    await sendToBackground({ type: 'settings/set', changes: { disabledSites: [] } });
    expect(await screen.findByRole('row', { name: /^Han Dong/ })).toBeTruthy();
  });
});
