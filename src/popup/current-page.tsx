/**
 * The popup's first view: what Crosscheck found on the page in the current tab, with what the
 * other sources say, or, where there is nothing to show, what the reader can do about it.
 */
import { tooLongMessage } from '../messaging/snapshot-limits.ts';
import { modeForUrl } from '../settings.ts';
import { DataTransfer } from './data-transfer/data-transfer.tsx';
import { sentence } from './format.ts';
import { earlierReadingNotice, PageControls } from './page-controls.tsx';
import { QueryStatus } from './query-status.tsx';
import { ArticleMeta, PageReport } from './page-report.tsx';
import { type PageState, type ReadyPageState, stillReading, usePageState } from './use-page-state.ts';
import { useStoreQuery } from './use-store-query.ts';

export function CurrentPage() {
  const tab = usePageState();
  // The mode from the settings themselves, live: switching the site back on shows the report at once.
  const settings = useStoreQuery({ type: 'settings/get' }, ['settings']);
  const state: PageState =
    tab.state.status === 'ready' && settings.value
      ? { ...tab.state, mode: modeForUrl(settings.value, tab.state.page.url) }
      : tab.state;
  const article = state.status === 'ready' && state.page.isArticle && state.mode !== 'off' ? state : null;
  const url = article?.page.url ?? null;
  const query = useStoreQuery(url === null ? null : { type: 'store/page', url }, [
    'sources',
    'people',
    'claims',
    'notes',
  ]);
  const settled = url === null ? state.status !== 'loading' : query.value !== undefined || !query.loading;
  return (
    <section class="current-page" aria-labelledby="current-page-heading" aria-busy={state.status === 'loading'}>
      <h2 id="current-page-heading" class="visually-hidden">
        This page
      </h2>
      {article === null ? (
        <PageAdvice state={state} everywhere={settings.value?.mode === 'off'} />
      ) : query.value ? (
        <>
          <header class="article-heading">
            <ArticleMeta source={query.value.source} link={false} />
            <p class="article-heading__title">{query.value.source.title}</p>
          </header>
          <PageReport view={query.value} />
        </>
      ) : (
        <QueryStatus query={query} loading="Looking through your sources…" missing={whyNoReport(article)} />
      )}
      {/* Below the report, and only once it is there: their own requests would slow it down. */}
      {settled && (
        <>
          <PageControls tab={tab} />
          <DataTransfer
            layout="popup"
            {...(query.value && { page: { url: query.value.source.url, title: query.value.source.title } })}
          />
        </>
      )}
    </section>
  );
}

/** Why there is nothing to show for the tab, and what to do. */
function PageAdvice({ state, everywhere }: { state: PageState; everywhere: boolean }) {
  if (state.status === 'loading') return <p class="empty-state">Looking at this page…</p>;
  if (state.status === 'unavailable') {
    return (
      <div class="empty-state empty-state--large">
        <p class="empty-state__title">Crosscheck cannot read this tab.</p>
        <p>It works on web pages. Open a news article, then open Crosscheck again.</p>
      </div>
    );
  }
  if (!state.page.isArticle) {
    return (
      <div class="empty-state empty-state--large">
        <p class="empty-state__title">This page is not a news article.</p>
        <p>Crosscheck leaves it alone. On an article, the people and allegations it finds appear here.</p>
      </div>
    );
  }
  return (
    <div class="empty-state empty-state--large">
      <p class="empty-state__title">
        {everywhere ? 'Crosscheck is switched off.' : 'Crosscheck is switched off for this site.'}
      </p>
      <p>Switch it back on below to see the people and allegations in this article.</p>
    </div>
  );
}

/**
 * Why the store has no report on an article Crosscheck reads here: still reading (only while it is),
 * the article was too long to read, could not be saved (and why), no article text was found, or it
 * has not been read. Highlights that stand from an earlier reading are said to be.
 */
function whyNoReport(state: ReadyPageState): string {
  const why = reasonForNoReport(state);
  const earlier = earlierReadingNotice(state.highlights.session);
  return earlier ? `${why} ${earlier}` : why;
}

function reasonForNoReport(state: ReadyPageState): string {
  const session = state.highlights.session;
  if (session?.state === 'failed' && session.tooLong) return tooLongMessage(session.tooLong);
  if (session?.state === 'failed') {
    return sentence(`Crosscheck could not read this article: ${session.problem ?? 'unknown error'}`);
  }
  if (session?.state === 'no-article') return 'Crosscheck found no article text on this page.';
  if (session?.store === 'unavailable') {
    return sentence(`Crosscheck could not save this article: ${session.storeProblem ?? 'the store did not answer'}`);
  }
  if (stillReading(state.highlights)) {
    return 'Nothing found yet: Crosscheck is still reading this article.';
  }
  if (!session) {
    return state.mode === 'on-demand'
      ? 'Crosscheck reads articles here when you ask: choose “Highlight this page” below.'
      : 'Crosscheck has not read this article: choose “Highlight this page” below.';
  }
  return 'Crosscheck has no record of this article: reload the page to read it again.';
}
