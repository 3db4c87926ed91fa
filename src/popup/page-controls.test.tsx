// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HighlightsState } from '../page/page-controller.ts';
import type { SessionReport } from '../page/article-session.ts';

const sendToTab = vi.fn();
const sendToBackground = vi.fn();
vi.mock('../messaging/send.ts', () => ({ sendToTab, sendToBackground }));
vi.mock('webextension-polyfill', () => ({
  default: {
    commands: { getAll: () => Promise.resolve([{ name: 'toggle-highlights', shortcut: 'Alt+Shift+H' }]) },
    tabs: { query: () => Promise.resolve([{ id: 4 }]) },
  },
}));

const { PageControls, describeHighlights } = await import('./page-controls.tsx');

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
    expect(describeHighlights({ ...shown, session: { ...report, state: 'no-article' } })).toEqual([
      'No article text found on this page.',
    ]);
  });
});

describe('PageControls', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
    sendToTab.mockImplementation((_tab: number, request: { type: string; action?: string }) =>
      Promise.resolve(
        request.type === 'tab/page-state'
          ? {
              page: { url: 'https://www.bbc.co.uk/news/x', title: 'X', isArticle: true },
              mode: 'auto',
              highlights: shown,
            }
          : request.action === 'hide'
            ? hidden
            : shown,
      ),
    );
    sendToBackground.mockImplementation((request: { type: string; changes?: object }) =>
      Promise.resolve({ mode: 'auto', disabledSites: [], ...request.changes }),
    );
  });
  afterEach(() => {
    render(null, root);
    root.remove();
    vi.clearAllMocks();
  });

  async function mount() {
    await act(() => render(<PageControls />, root));
    await vi.waitFor(() => expect(root.querySelector('.page-controls__status')).not.toBeNull());
  }

  it('shows what is highlighted on the tab, the reader’s mode, this site’s switch and the shortcut', async () => {
    await mount();
    expect(root.textContent).toContain('6 people, 3 allegations and 1 response highlighted.');
    expect(root.querySelector<HTMLInputElement>('input[value="auto"]')?.checked).toBe(true);
    expect(root.textContent).toContain('On www.bbc.co.uk');
    expect(root.querySelector('kbd')?.textContent).toBe('Alt+Shift+H');
    expect(root.querySelector('.page-controls__orphans')?.textContent).toContain(
      'on 24 September, 2021 Check the date against WION.',
    );
  });

  it('removes the highlights from the tab on request', async () => {
    await mount();
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Remove highlights');
    await act(async () => {
      button?.click();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(sendToTab).toHaveBeenCalledWith(4, { type: 'tab/highlights', action: 'hide' });
    expect(root.textContent).toContain('Highlight this page');
  });

  it('switches the site off, and the mode, through the settings', async () => {
    await mount();
    await act(async () => {
      root.querySelector<HTMLInputElement>('input[type="checkbox"]')?.click();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(sendToBackground).toHaveBeenCalledWith({
      type: 'settings/set',
      changes: { disabledSites: ['www.bbc.co.uk'] },
    });
    await act(async () => {
      root.querySelector<HTMLInputElement>('input[value="on-demand"]')?.click();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(sendToBackground).toHaveBeenCalledWith({ type: 'settings/set', changes: { mode: 'on-demand' } });
  });

  it('says so when a setting could not be saved, and shows the setting still in force', async () => {
    await mount();
    sendToBackground.mockRejectedValueOnce(new Error('the store refused the write'));
    await act(async () => {
      root.querySelector<HTMLInputElement>('input[value="off"]')?.click();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(
      'Your setting was not saved: the store refused the write',
    );
    expect(root.querySelector<HTMLInputElement>('input[value="auto"]')?.checked).toBe(true);
    expect(root.querySelector<HTMLInputElement>('input[value="off"]')?.checked).toBe(false);
  });

  it('keeps the clicked mode checked while it is being saved, whatever else renders meanwhile', async () => {
    await mount();
    let answer: (settings: object) => void = () => undefined;
    sendToBackground.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    await act(async () => {
      root.querySelector<HTMLInputElement>('input[value="on-demand"]')?.click();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    // Another render before the answer (here: the highlights removed from the tab).
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Remove highlights');
    await act(async () => {
      button?.click();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(root.textContent).toContain('Highlight this page');
    expect(root.querySelector<HTMLInputElement>('input[value="on-demand"]')?.checked).toBe(true);
    await act(async () => {
      answer({ mode: 'on-demand', disabledSites: [] });
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(root.querySelector<HTMLInputElement>('input[value="on-demand"]')?.checked).toBe(true);
  });
});
