import { usePageState } from './use-page-state.ts';

export function CurrentPage() {
  const state = usePageState();
  return (
    <section class="current-page" aria-labelledby="current-page-heading" aria-busy={state.status === 'loading'}>
      <h2 id="current-page-heading" class="section-title">
        This page
      </h2>
      {state.status === 'loading' && <p class="empty-state">Looking at this page…</p>}
      {state.status === 'unavailable' && (
        <p class="empty-state">Crosscheck cannot read this page. Open a news article on a website.</p>
      )}
      {state.status === 'ready' && !state.page.isArticle && (
        <p class="empty-state">This page is not a news article, so Crosscheck leaves it alone.</p>
      )}
      {state.status === 'ready' && state.page.isArticle && (
        <div class="page-summary">
          <p class="page-summary__title">{state.page.title}</p>
          <p class="page-summary__mode">
            {state.mode === 'auto' && 'Highlighting automatically.'}
            {state.mode === 'on-demand' && 'Highlighting on demand: click the toolbar button.'}
            {state.mode === 'off' && 'Crosscheck is switched off for this site.'}
          </p>
        </div>
      )}
    </section>
  );
}
