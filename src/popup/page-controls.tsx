/**
 * Crosscheck's controls for the current page and everywhere: highlight this page now (or remove
 * the highlights), run automatically, on demand or not at all, and switch this site off. What the
 * highlights mean, and the keyboard command, are shown alongside.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { errorMessage } from '../error-message.ts';
import type { HighlightAction } from '../messaging/contract.ts';
import { sendToBackground, sendToTab } from '../messaging/send.ts';
import { HighlightLegend } from '../page/highlight-legend.tsx';
import type { SessionReport } from '../page/article-session.ts';
import type { HighlightsState } from '../page/page-controller.ts';
import { type HighlightMode, highlightModes, type Settings } from '../settings.ts';
import { count, sentence } from './format.ts';
import type { TabPage } from './use-page-state.ts';

const modeLabels: Record<HighlightMode, string> = {
  auto: 'Automatically on news articles',
  'on-demand': 'Only when I ask',
  off: 'Off everywhere',
};

/** In words, what Crosscheck has done on the page. */
export function describeHighlights(state: HighlightsState): string[] {
  const session = state.session;
  if (!state.shown || !session) return ['No highlights on this page.'];
  switch (session.state) {
    case 'working':
      return ['Reading the article…'];
    case 'no-article':
      return ['No article text found on this page.'];
    case 'failed':
      return [sentence(`Crosscheck could not read this page: ${session.problem ?? 'unknown error'}`)];
    case 'highlighted': {
      const lines = [
        `${count(session.people, 'person', 'people')}, ${count(session.allegations, 'allegation')} and ` +
          `${count(session.responses, 'response')} highlighted.`,
      ];
      const earlier = earlierReadingNotice(session);
      if (earlier) lines.push(earlier);
      const { placed, orphaned } = session.notes;
      if (placed + orphaned > 0) {
        lines.push(
          orphaned === 0
            ? `${count(placed, 'note')} of yours in place.`
            : `${count(placed + orphaned, 'note')} of yours; ${orphaned} lost ${orphaned === 1 ? 'its' : 'their'} place in the text.`,
        );
      }
      if (session.store === 'unavailable') {
        lines.push(sentence(`Your other sources are not shown: ${session.storeProblem ?? 'the store did not answer'}`));
      }
      if (session.cardProblem) lines.push(sentence(`Cards could not open on this page: ${session.cardProblem}`));
      return lines;
    }
  }
}

/**
 * The highlights stand from an earlier reading when the page's new text could not be read (a live
 * page grown past the limit, say): where the popup says what is on the page, it says this too.
 */
export function earlierReadingNotice(session: SessionReport | null): string | null {
  if (session?.state !== 'highlighted' || !session.lastUpdateProblem) return null;
  return sentence(
    `Highlights are from an earlier reading of this page; its new text was not read: ${session.lastUpdateProblem}`,
  );
}

/** The reader's notes whose words the article no longer has: shown here, never on other words. */
function OrphanedNotes({ notes }: { notes: SessionReport['orphanedNotes'] }) {
  if (notes.length === 0) return null;
  return (
    <details class="page-controls__orphans">
      <summary>Notes whose words are no longer in the article</summary>
      <ul>
        {notes.map((note) => (
          <li key={note.id}>
            <q>{note.quote}</q> {note.body}
          </li>
        ))}
      </ul>
    </details>
  );
}

function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname : null;
  } catch {
    return null;
  }
}

/**
 * The controls follow the tab through the view's own `usePageState`, so that what they say about the
 * page is what the rest of the view says, from the same answers, as the reading goes on.
 */
export function PageControls({ tab }: { tab: TabPage }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [shortcut, setShortcut] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // No content script answers on a browser page, or one Crosscheck may not read: no page controls there.
  const page = tab.state.status === 'ready' ? tab.state : null;

  useEffect(() => {
    sendToBackground({ type: 'settings/get' }).then(setSettings, (error: unknown) => setProblem(errorMessage(error)));
    browser.commands.getAll().then(
      (commands) => setShortcut(commands.find((command) => command.name === 'toggle-highlights')?.shortcut || null),
      () => setShortcut(null),
    );
  }, []);

  const highlight = async (action: HighlightAction) => {
    if (!page) return;
    setBusy(true);
    setProblem(null);
    try {
      tab.showHighlights(await sendToTab(page.tabId, { type: 'tab/highlights', action }));
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const change = async (changes: Partial<Settings>) => {
    setProblem(null);
    // Shown at once: the radio or checkbox the reader clicked must not spring back while the save is
    // on its way (any render before the answer would otherwise redraw the old setting).
    const saved = settings;
    setSettings((current) => current && { ...current, ...changes });
    try {
      setSettings(await sendToBackground({ type: 'settings/set', changes }));
      tab.reask();
    } catch (error) {
      setSettings(saved);
      setProblem(`Your setting was not saved: ${errorMessage(error)}`);
    }
  };

  const host = page ? hostOf(page.page.url) : null;
  const siteOff = Boolean(host && settings?.disabledSites.includes(host));
  return (
    <section class="page-controls" aria-labelledby="page-controls-heading">
      <h2 id="page-controls-heading" class="section-title">
        Highlights
      </h2>
      {page && (
        <div class="page-controls__page">
          {describeHighlights(page.highlights).map((line) => (
            <p key={line} class="page-controls__status">
              {line}
            </p>
          ))}
          <OrphanedNotes notes={page.highlights.session?.orphanedNotes ?? []} />
          <button
            type="button"
            class="button"
            disabled={busy}
            onClick={() => void highlight(page.highlights.shown ? 'hide' : 'show')}
          >
            {page.highlights.shown ? 'Remove highlights' : 'Highlight this page'}
          </button>
          {shortcut && (
            <p class="page-controls__hint">
              Or press <kbd>{shortcut}</kbd> on the page.
            </p>
          )}
        </div>
      )}
      {settings && (
        <fieldset class="page-controls__modes">
          <legend>Run Crosscheck</legend>
          {highlightModes.map((mode) => (
            <label key={mode} class="page-controls__option">
              <input
                type="radio"
                name="mode"
                value={mode}
                checked={settings.mode === mode}
                onChange={() => void change({ mode })}
              />
              {modeLabels[mode]}
            </label>
          ))}
        </fieldset>
      )}
      {settings && host && (
        <label class="page-controls__option">
          <input
            type="checkbox"
            checked={!siteOff}
            onChange={() =>
              void change({
                disabledSites: siteOff
                  ? settings.disabledSites.filter((site) => site !== host)
                  : [...settings.disabledSites, host],
              })
            }
          />
          On {host}
        </label>
      )}
      <HighlightLegend />
      {problem && (
        <p class="page-controls__problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
