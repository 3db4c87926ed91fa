/** One stored article, as Crosscheck read it, with the reader's way to forget it. */
import { sendToBackground } from '../messaging/send.ts';
import { DataTransfer } from './data-transfer/data-transfer.tsx';
import { useLayout } from './layout.ts';
import { ArticleMeta, PageReport } from './page-report.tsx';
import { QueryStatus } from './query-status.tsx';
import { routeHash } from './routes.ts';
import { useUndo } from './undo.tsx';
import { useStoreQuery } from './use-store-query.ts';
import { ViewHeading } from './view-heading.tsx';
import { Section } from './section.tsx';

export function SourceView({ url }: { url: string }) {
  const notebook = useLayout() === 'tab';
  const query = useStoreQuery({ type: 'store/page', url }, ['sources', 'people', 'claims', 'notes']);
  const offerUndo = useUndo();
  const view = query.value;
  if (!view) {
    return (
      <QueryStatus
        query={query}
        missing="This article is no longer in your sources."
        loading="Reading what Crosscheck found…"
      />
    );
  }
  // Forgetting cannot be reversed in the store, so it waits until the chance to undo it has passed.
  const forget = () => {
    location.hash = routeHash({ view: 'home' });
    offerUndo({
      message: `“${view.source.title}” will be forgotten.`,
      undo: () => {
        location.hash = routeHash({ view: 'source', url });
        return Promise.resolve();
      },
      commit: () => sendToBackground({ type: 'store/forget-source', url }),
    });
  };
  return (
    <article class="view" aria-labelledby="source-heading">
      <ViewHeading kind="Article" id="source-heading">
        {view.source.title || view.source.href}
      </ViewHeading>
      <ArticleMeta source={view.source} />
      <PageReport view={view} />
      {notebook && <DataTransfer layout="tab" page={{ url: view.source.url, title: view.source.title }} />}
      {notebook && (
        <Section title="Forget this article" danger>
          <p class="section__aside">
            Removes the article and what was found in it from your sources. Your notes on it are kept.
          </p>
          <button type="button" class="button button--danger" onClick={forget}>
            Forget this article
          </button>
        </Section>
      )}
    </article>
  );
}
