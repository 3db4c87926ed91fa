/**
 * The notebook's search across people, claims, articles and notes, with its filters. What the reader
 * set is kept in the address, and the results follow the store as it changes.
 */
import { useEffect, useState } from 'preact/hooks';
import { count } from './format.ts';
import type { Route } from './routes.ts';
import { SearchFilters } from './search-filters.tsx';
import { SearchResults } from './search-results.tsx';
import { isFiltered, parseSearchState, searchQueryString, searchRequest, type SearchState } from './search-state.ts';
import { useDebounced } from './use-debounced.ts';
import { useStoreQuery } from './use-store-query.ts';

const pageSize = 50;
const maxResults = 500;
const typingPause = 150;

export function SearchPanel({ current }: { current: Route }) {
  const [state, setState] = useState<SearchState>(() => parseSearchState(location.search));
  const [limit, setLimit] = useState(pageSize);
  const settled = useDebounced(state, typingPause);
  const facets = useStoreQuery({ type: 'store/facets' }, ['sources', 'notes']);
  const results = useStoreQuery(
    { type: 'store/search', search: searchRequest(settled, limit) },
    ['sources', 'people', 'claims', 'notes'],
    { keepPrevious: true },
  );

  useEffect(() => {
    history.replaceState(history.state, '', `${location.pathname}${searchQueryString(settled)}${location.hash}`);
  }, [settled]);

  const change = (changes: Partial<SearchState>) => {
    setState((previous) => ({ ...previous, ...changes }));
    setLimit(pageSize);
  };
  const found = results.value;

  return (
    <section class="search" aria-labelledby="search-heading">
      <h2 id="search-heading" class="visually-hidden">
        Search
      </h2>
      <form class="search__form" role="search" onSubmit={(event) => event.preventDefault()}>
        <label class="visually-hidden" for="search-words">
          Search people, claims, articles and notes
        </label>
        <input
          id="search-words"
          class="search__input"
          type="search"
          placeholder="Search people, claims, articles, notes…"
          autoComplete="off"
          value={state.query}
          onInput={(event) => change({ query: event.currentTarget.value })}
        />
      </form>
      <SearchFilters state={state} facets={facets.value} onChange={change} />
      <p class="search__summary" role="status" aria-live="polite">
        {results.error
          ? `The search failed: ${results.error}`
          : found === undefined
            ? 'Searching…'
            : found.total === 0
              ? nothingFound(settled)
              : found.total > found.hits.length
                ? `Showing ${found.hits.length.toLocaleString()} of ${count(found.total, 'result')}`
                : count(found.total, 'result')}
      </p>
      {found && <SearchResults hits={found.hits} current={current} />}
      {found && found.total > found.hits.length && limit < maxResults && (
        <button type="button" class="button button--quiet search__more" onClick={() => setLimit(limit + pageSize)}>
          Show more
        </button>
      )}
    </section>
  );
}

/** Why a search found nothing, and what to try: an empty store is not a search that missed. */
function nothingFound(state: SearchState): string {
  const words = state.query.trim();
  if (isFiltered(state)) return 'Nothing matches these filters. Clear some of them, or search for fewer words.';
  if (words !== '')
    return `Nothing matches “${words}”. The search finds words by their beginnings: try fewer or shorter ones.`;
  return 'Nothing here yet. Read a news article with Crosscheck on: its people, claims and your notes appear here.';
}
