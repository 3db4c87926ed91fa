import { sourceDate } from '../page/hover-card/card-model.ts';
import type { SourceSummary } from '../store/views.ts';
import { routeHash } from './routes.ts';

/**
 * One article: its outlet and date, its title (which opens what Crosscheck found in it) and a link
 * to the article itself, in a new tab.
 */
export function SourceLine({ source, detail }: { source: SourceSummary; detail?: string }) {
  return (
    <div class="source-line">
      <p class="source-line__meta">
        <span class="source-line__outlet">{source.outlet}</span>
        <span class="source-line__date">{sourceDate(source)}</span>
        {detail && <span class="source-line__detail">{detail}</span>}
      </p>
      <p class="source-line__title">
        <a href={routeHash({ view: 'source', url: source.url })}>{source.title || source.href}</a>{' '}
        <a class="external" href={source.href} target="_blank" rel="noopener noreferrer">
          <span aria-hidden="true">↗</span>
          <span class="visually-hidden">Open the article on {source.outlet}</span>
        </a>
      </p>
    </div>
  );
}
