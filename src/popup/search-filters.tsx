/** The notebook's filters: what to look for, outlets, tags, stances, a date range and the order. */
import type { Facets } from '../store/views.ts';
import { stances } from '../messaging/analysis-schema.ts';
import { FilterMenu } from './filter-menu.tsx';
import { isFiltered, type SearchKind, type SearchSort, type SearchState } from './search-state.ts';

const kindLabels: Record<SearchKind, string> = {
  person: 'People',
  claim: 'Claims',
  source: 'Articles',
  note: 'Notes',
};

const sortLabels: Record<SearchSort, string> = {
  relevance: 'Best match',
  newest: 'Newest first',
  oldest: 'Oldest first',
  name: 'A to Z',
};

export function SearchFilters({
  state,
  facets,
  onChange,
}: {
  state: SearchState;
  facets: Facets | undefined;
  onChange: (changes: Partial<SearchState>) => void;
}) {
  return (
    <div class="filters" role="group" aria-label="Filters">
      <FilterMenu
        label="Show"
        options={(Object.keys(kindLabels) as SearchKind[]).map((kind) => ({ value: kind, label: kindLabels[kind] }))}
        chosen={state.kinds}
        onChange={(kinds) => onChange({ kinds })}
        empty=""
      />
      <FilterMenu
        label="Outlets"
        options={(facets?.outlets ?? []).map(({ outlet, count }) => ({ value: outlet, label: outlet, count }))}
        chosen={state.outlets}
        onChange={(outlets) => onChange({ outlets })}
        empty="No articles read yet."
      />
      <FilterMenu
        label="Tags"
        options={(facets?.tags ?? []).map(({ tag, count }) => ({ value: tag, label: tag, count }))}
        chosen={state.tags}
        onChange={(tags) => onChange({ tags })}
        empty="No tagged notes yet."
      />
      <FilterMenu
        label="Stance"
        options={stances.map((stance) => ({ value: stance, label: stance }))}
        chosen={state.stances}
        onChange={(chosen) => onChange({ stances: chosen })}
        empty=""
      />
      <label class="filters__date">
        From
        <input
          type="date"
          value={state.from}
          max={state.to || undefined}
          onChange={(event) => onChange({ from: event.currentTarget.value })}
        />
      </label>
      <label class="filters__date">
        To
        <input
          type="date"
          value={state.to}
          min={state.from || undefined}
          onChange={(event) => onChange({ to: event.currentTarget.value })}
        />
      </label>
      <label class="filters__sort">
        Order
        <select value={state.sort} onChange={(event) => onChange({ sort: event.currentTarget.value as SearchSort })}>
          {(Object.keys(sortLabels) as SearchSort[]).map((sort) => (
            <option key={sort} value={sort}>
              {sortLabels[sort]}
            </option>
          ))}
        </select>
      </label>
      {isFiltered(state) && (
        <button
          type="button"
          class="button button--quiet button--small"
          onClick={() => onChange({ kinds: [], outlets: [], tags: [], stances: [], from: '', to: '' })}
        >
          Clear filters
        </button>
      )}
    </div>
  );
}
