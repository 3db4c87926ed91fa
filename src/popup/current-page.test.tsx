// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorMessage } from '../error-message.ts';
import { sendToBackground } from '../messaging/send.ts';
import type { SessionReport } from '../page/article-session.ts';
import { refuseWrites, seedPages, type SeedPage } from '../store/test-support.ts';
import { CurrentPage } from './current-page.tsx';
import {
  type FakeExtension,
  highlightedTab,
  installExtension,
  renderInApp,
  sessionReport,
  unmountAll,
} from './test-support.ts';

vi.mock('webextension-polyfill', () => import('./test-support.ts').then((support) => support.polyfill));

const [bbc, wion] = seedPages() as [SeedPage, SeedPage];
let extension: FakeExtension;

beforeEach(() => {
  extension = installExtension();
});
afterEach(unmountAll);

function onTab(page: SeedPage, isArticle = true, session?: SessionReport | null) {
  extension.tabs.set(1, highlightedTab(page.page, isArticle, session));
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

    // Switched off, or on demand and not asked: nothing was read, so the tab has no session.
    onTab(wion, true, null);
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
    expect(await screen.findByText(/has not read this article: choose “Highlight this page” below/)).toBeTruthy();
  });
});

describe('an article the store has no report on', () => {
  const says = async (text: string) => expect((await screen.findByText(text)).className).toContain('empty-state');

  it('says that saving was refused, and why, once the store refused to write it', async () => {
    const restore = refuseWrites();
    const problem = await extension.read(bbc).then(
      () => 'stored after all',
      (error: unknown) => errorMessage(error),
    );
    restore();
    expect(problem).toMatch(/^Your browser refused to store more: .* then read the page again\.$/);
    onTab(bbc, true, sessionReport({ store: 'unavailable', storeProblem: problem }));
    popup();
    await says(`Crosscheck could not save this article: ${problem}`);
    expect(await screen.findByText(`Your other sources are not shown: ${problem}`)).toBeTruthy();
    expect(document.body.textContent).not.toContain('still reading');
    expect(document.body.textContent).not.toContain('..');
  });

  it('says that no article text was found', async () => {
    onTab(bbc, true, sessionReport({ state: 'no-article', store: 'waiting' }));
    popup();
    await says('Crosscheck found no article text on this page.');
    expect(document.body.textContent).not.toContain('still reading');
  });

  it('says it could not read the article when the reading failed', async () => {
    onTab(bbc, true, sessionReport({ state: 'failed', problem: 'The page went away.' }));
    popup();
    await says('Crosscheck could not read this article: The page went away.');
  });

  it('says the article is too long to read, with its length and the limit', async () => {
    const tooLong = { length: 412_345, limit: 300_000 };
    onTab(bbc, true, sessionReport({ state: 'failed', problem: 'too long', tooLong }));
    popup();
    await says('This article is too long for Crosscheck to read: 412,345 characters, the limit is 300,000.');
  });

  it('says the highlights are from an earlier reading when the page’s new text was not read, here and in its controls', async () => {
    const grown = 'This article is too long for Crosscheck to read: 300,001 characters, the limit is 300,000.';
    const earlier = `Highlights are from an earlier reading of this page; its new text was not read: ${grown}`;
    onTab(
      bbc,
      true,
      sessionReport({ store: 'unavailable', storeProblem: 'The disk is full.', lastUpdateProblem: grown }),
    );
    popup();
    await says(`Crosscheck could not save this article: The disk is full. ${earlier}`);
    expect(await screen.findByText(earlier)).toBeTruthy();
    expect(document.body.textContent).not.toContain('could not read this');
  });

  it('says it is still reading only while it is', async () => {
    onTab(bbc, true, sessionReport({ state: 'working', store: 'waiting' }));
    popup();
    await says('Nothing found yet: Crosscheck is still reading this article.');
    // The reading ends with the store refusing the article: the popup, still open, says so.
    onTab(bbc, true, sessionReport({ store: 'unavailable', storeProblem: 'The disk is full.' }));
    await says('Crosscheck could not save this article: The disk is full.');
    expect(screen.queryByText(/still reading/)).toBeNull();
  });

  it('says the same as its page controls while reading and after: both follow one page state', async () => {
    onTab(bbc, true, sessionReport({ state: 'working', store: 'waiting' }));
    popup();
    await says('Nothing found yet: Crosscheck is still reading this article.');
    expect(await screen.findByText('Reading the article…')).toBeTruthy();
    onTab(bbc, true, sessionReport({ state: 'failed', problem: 'The page went away.' }));
    await says('Crosscheck could not read this article: The page went away.');
    expect(await screen.findByText('Crosscheck could not read this page: The page went away.')).toBeTruthy();
    expect(screen.queryByText('Reading the article…')).toBeNull();
  });

  it('shows the report once the reading it waited for is stored', async () => {
    onTab(wion, true, sessionReport({ store: 'waiting' }));
    popup();
    await says('Nothing found yet: Crosscheck is still reading this article.');
    await extension.read(wion);
    expect(await screen.findByRole('row', { name: /^Han Dong/ })).toBeTruthy();
  });

  it('says it has no record of an article it read and saved, since forgotten', async () => {
    onTab(bbc);
    popup();
    await says('Crosscheck has no record of this article: reload the page to read it again.');
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
