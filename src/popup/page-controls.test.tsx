// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HighlightsState } from '../page/page-controller.ts';
import type { SessionReport } from '../page/article-session.ts';

const sendToTab = vi.fn<(tab: number, request: { type: string; action?: string }) => Promise<unknown>>();
const sendToBackground = vi.fn();
vi.mock('../messaging/send.ts', () => ({ sendToTab, sendToBackground }));
vi.mock('webextension-polyfill', () => ({
  default: {
    commands: { getAll: () => Promise.resolve([{ name: 'toggle-highlights', shortcut: 'Alt+Shift+H' }]) },
    tabs: { query: () => Promise.resolve([{ id: 4 }]) },
  },
}));

const { PageControls, describeHighlights } = await import('./page-controls.tsx');
const { usePageState } = await import('./use-page-state.ts');

/** The controls as a view shows them: following the tab through the view's page state. */
function Controls() {
  return <PageControls tab={usePageState()} />;
}

const report: SessionReport = {
  state: 'highlighted',
  people: 6,
  allegations: 3,
  responses: 1,
  notes: { placed: 2, orphaned: 1 },
  orphanedNotes: [{ id: 'n3', quote: 'on 24 September, 2021', body: 'Check the date against WION.' }],
  store: 'saved',
  timeToHighlightsMs: 80,
  phases: { snapshotMs: 1, paintMs: 1, extractMs: 10, analyseMs: 5 },
};
const mainThread = { busyMs: 20, longestSliceMs: 9, slices: 6, articleCheckMs: 0.4, scriptEvaluationMs: 1.2 };
const shown: HighlightsState = { shown: true, session: report, mainThread };
const hidden: HighlightsState = { shown: false, session: null, mainThread };

describe('describeHighlights', () => {
  it('says what was highlighted, where the notes are, and what is missing', () => {
    expect(describeHighlights(shown)).toEqual([
      '6 people, 3 allegations and 1 response highlighted.',
      '3 notes of yours; 1 lost its place in the text.',
    ]);
    expect(
      describeHighlights({ ...shown, session: { ...report, store: 'unavailable', storeProblem: 'quota exceeded' } }),
    ).toContain('Your other sources are not shown: quota exceeded.');
    const refused = 'Your browser refused to store more: the space it gives Crosscheck is full.';
    expect(
      describeHighlights({ ...shown, session: { ...report, store: 'unavailable', storeProblem: refused } }),
    ).toContain(`Your other sources are not shown: ${refused}`);
    expect(
      describeHighlights({ ...shown, session: { ...report, state: 'failed', problem: 'The tab closed.' } }),
    ).toEqual(['Crosscheck could not read this page: The tab closed.']);
    expect(describeHighlights(hidden)).toEqual(['No highlights on this page.']);
    const grown = 'This article is too long for Crosscheck to read: 300,001 characters, the limit is 300,000.';
    expect(describeHighlights({ ...shown, session: { ...report, lastUpdateProblem: grown } })).toEqual([
      '6 people, 3 allegations and 1 response highlighted.',
      `Highlights are from an earlier reading of this page; its new text was not read: ${grown}`,
      '3 notes of yours; 1 lost its place in the text.',
    ]);
    const unreachable = 'TypeError: Failed to fetch dynamically imported module';
    expect(describeHighlights({ ...shown, session: { ...report, cardProblem: unreachable } })).toContain(
      `Cards could not open on this page: ${unreachable}.`,
    );
    expect(describeHighlights({ ...shown, session: { ...report, state: 'no-article' } })).toEqual([
      'No article text found on this page.',
    ]);
  });
});

describe('PageControls', () => {
  /** What the tab's content script answers to `tab/page-state`: changed by a test as the reading goes on. */
  let onTab: HighlightsState;
  beforeEach(() => {
    onTab = shown;
    sendToTab.mockImplementation((_tab, request) => {
      if (request.type === 'tab/highlights') onTab = request.action === 'hide' ? hidden : shown;
      return Promise.resolve(
        request.type === 'tab/page-state'
          ? {
              page: { url: 'https://www.bbc.co.uk/news/x', title: 'X', isArticle: true },
              mode: 'auto',
              highlights: onTab,
            }
          : onTab,
      );
    });
    sendToBackground.mockImplementation((request: { type: string; changes?: object }) =>
      Promise.resolve({ mode: 'auto', disabledSites: [], ...request.changes }),
    );
  });
  afterEach(() => {
    cleanup();
    vi.clearAllMocks();
  });

  const status = () => [...document.querySelectorAll('.page-controls__status')].map((line) => line.textContent);
  const pageStateQuestions = () => sendToTab.mock.calls.filter(([, request]) => request.type === 'tab/page-state');

  async function mount() {
    render(<Controls />);
    await screen.findByRole('radio', { name: 'Automatically on news articles' });
    await vi.waitFor(() => expect(status()).not.toEqual([]));
  }

  /** Clicks, and lets the answers the click waits for arrive. */
  async function click(element: HTMLElement) {
    await act(async () => {
      fireEvent.click(element);
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }

  it('shows what is highlighted on the tab, the reader’s mode, this site’s switch and the shortcut', async () => {
    await mount();
    expect(status()).toEqual([
      '6 people, 3 allegations and 1 response highlighted.',
      '3 notes of yours; 1 lost its place in the text.',
    ]);
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Automatically on news articles' }).checked).toBe(true);
    expect(screen.getByRole('checkbox', { name: 'On www.bbc.co.uk' })).toBeTruthy();
    expect(document.querySelector('kbd')?.textContent).toBe('Alt+Shift+H');
    expect(document.querySelector('.page-controls__orphans')?.textContent).toContain(
      'on 24 September, 2021 Check the date against WION.',
    );
  });

  it('follows the reading to its outcome, from the view’s one page state, and stops asking then', async () => {
    onTab = { ...shown, session: { ...report, state: 'working', store: 'waiting' } };
    await mount();
    expect(status()).toEqual(['Reading the article…']);
    onTab = { ...shown, session: { ...report, state: 'failed', problem: 'The page went away.' } };
    await vi.waitFor(() => expect(status()).toEqual(['Crosscheck could not read this page: The page went away.']), {
      timeout: 5000,
    });
    const asked = pageStateQuestions().length;
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(pageStateQuestions()).toHaveLength(asked);
  });

  it('follows a reading it started: “Highlight this page” shows the outcome, not “Reading…” for good', async () => {
    onTab = hidden;
    await mount();
    expect(status()).toEqual(['No highlights on this page.']);
    sendToTab.mockImplementationOnce(() => {
      onTab = { ...shown, session: { ...report, state: 'highlighted', store: 'saved' } };
      return Promise.resolve({ ...shown, session: { ...report, state: 'working', store: 'waiting' } });
    });
    await click(screen.getByRole('button', { name: 'Highlight this page' }));
    expect(sendToTab).toHaveBeenCalledWith(4, { type: 'tab/highlights', action: 'show' });
    expect(status()).toEqual(['Reading the article…']);
    await vi.waitFor(() => expect(status()[0]).toBe('6 people, 3 allegations and 1 response highlighted.'), {
      timeout: 5000,
    });
  });

  it('removes the highlights from the tab on request', async () => {
    await mount();
    await click(screen.getByRole('button', { name: 'Remove highlights' }));
    expect(sendToTab).toHaveBeenCalledWith(4, { type: 'tab/highlights', action: 'hide' });
    expect(screen.getByRole('button', { name: 'Highlight this page' })).toBeTruthy();
    expect(status()).toEqual(['No highlights on this page.']);
  });

  it('switches the site off, and the mode, through the settings, then asks the tab again', async () => {
    await mount();
    const asked = pageStateQuestions().length;
    await click(screen.getByRole('checkbox', { name: 'On www.bbc.co.uk' }));
    expect(sendToBackground).toHaveBeenCalledWith({
      type: 'settings/set',
      changes: { disabledSites: ['www.bbc.co.uk'] },
    });
    await vi.waitFor(() => expect(pageStateQuestions()).toHaveLength(asked + 1));
    await click(screen.getByRole('radio', { name: 'Only when I ask' }));
    expect(sendToBackground).toHaveBeenCalledWith({ type: 'settings/set', changes: { mode: 'on-demand' } });
  });

  it('says so when a setting could not be saved, and shows the setting still in force', async () => {
    await mount();
    sendToBackground.mockRejectedValueOnce(new Error('the store refused the write'));
    await click(screen.getByRole('radio', { name: 'Off everywhere' }));
    expect(screen.getByRole('alert').textContent).toBe('Your setting was not saved: the store refused the write');
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Automatically on news articles' }).checked).toBe(true);
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Off everywhere' }).checked).toBe(false);
  });

  it('keeps the clicked mode checked while it is being saved, whatever else renders meanwhile', async () => {
    await mount();
    let answer: (settings: object) => void = () => undefined;
    sendToBackground.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const onDemand = () => screen.getByRole<HTMLInputElement>('radio', { name: 'Only when I ask' });
    await click(onDemand());
    // Another render before the answer (here: the highlights removed from the tab).
    await click(screen.getByRole('button', { name: 'Remove highlights' }));
    expect(screen.getByRole('button', { name: 'Highlight this page' })).toBeTruthy();
    expect(onDemand().checked).toBe(true);
    await act(async () => {
      answer({ mode: 'on-demand', disabledSites: [] });
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(onDemand().checked).toBe(true);
  });
});
