/** The notebook's filters: what to look for, outlets, tags, stances, a date range and the order. */
import type { Facets } from '../store/views.ts';
import { stances } from '../messaging/analysis-schema.ts';
import { FilterMenu, type FilterOption as Option } from './filter-menu.tsx';
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
  // Each multiple-choice filter: the field of the search it sets, and its choices.
  const menus: { field: 'kinds' | 'outlets' | 'tags' | 'stances'; label: string; options: Option[]; empty: string }[] =
    [
      {
        field: 'kinds',
        label: 'Show',
        options: (Object.keys(kindLabels) as SearchKind[]).map((kind) => ({ value: kind, label: kindLabels[kind] })),
        empty: '',
      },
      {
        field: 'outlets',
        label: 'Outlets',
        options: (facets?.outlets ?? []).map(({ outlet, count }) => ({ value: outlet, label: outlet, count })),
        empty: 'No articles read yet.',
      },
      {
        field: 'tags',
        label: 'Tags',
        options: (facets?.tags ?? []).map(({ tag, count }) => ({ value: tag, label: tag, count })),
        empty: 'No tagged notes yet.',
      },
      {
        field: 'stances',
        label: 'Stance',
        options: stances.map((stance) => ({ value: stance, label: stance })),
        empty: '',
      },
    ];
  const bounds = [
    { field: 'from', label: 'From', limit: { max: state.to || undefined } },
    { field: 'to', label: 'To', limit: { min: state.from || undefined } },
  ] as const;
  return (
    <div class="filters" role="group" aria-label="Filters">
      {menus.map(({ field, label, options, empty }) => (
        <FilterMenu
          key={field}
          label={label}
          options={options}
          chosen={state[field]}
          // The choices are the field's own values, so the search stays well typed.
          onChange={(chosen) => onChange({ [field]: chosen })}
          empty={empty}
        />
      ))}
      {bounds.map(({ field, label, limit }) => (
        <label key={field} class="filters__date">
          {label}
          <input
            type="date"
            value={state[field]}
            {...limit}
            onChange={(event) => onChange({ [field]: event.currentTarget.value })}
          />
        </label>
      ))}
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
