/**
 * The notebook's search as the reader set it: words, filters and order. It lives in the address's
 * query string, so a reload or the back button keeps it, and becomes a `store/search` request.
 */
import type { Stance } from '../analysis/types.ts';
import { stances } from '../messaging/analysis-schema.ts';
import { type SearchRequest, searchKinds, searchSorts } from '../messaging/contract.ts';

export type SearchKind = (typeof searchKinds)[number];
export type SearchSort = (typeof searchSorts)[number];

export interface SearchState {
  query: string;
  kinds: SearchKind[];
  outlets: string[];
  tags: string[];
  stances: Stance[];
  /** Calendar days (YYYY-MM-DD), inclusive, as a date input gives them; '' for no bound. */
  from: string;
  to: string;
  sort: SearchSort;
}

export const emptySearch: SearchState = {
  query: '',
  kinds: [],
  outlets: [],
  tags: [],
  stances: [],
  from: '',
  to: '',
  sort: 'relevance',
};

const day = /^\d{4}-\d{2}-\d{2}$/;

export function parseSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const only = <T extends string>(values: string[], allowed: readonly T[]) =>
    values.filter((value): value is T => (allowed as readonly string[]).includes(value));
  const date = (value: string | null) => (value && day.test(value) && dayStart(value) !== null ? value : '');
  const sort = params.get('sort');
  return {
    query: params.get('q') ?? '',
    kinds: only(params.getAll('kind'), searchKinds),
    outlets: params.getAll('outlet'),
    tags: params.getAll('tag'),
    stances: only(params.getAll('stance'), stances),
    from: date(params.get('from')),
    to: date(params.get('to')),
    sort: only(sort === null ? [] : [sort], searchSorts)[0] ?? emptySearch.sort,
  };
}

/** The query string for a search; what is at its default is left out. */
export function searchQueryString(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const kind of state.kinds) params.append('kind', kind);
  for (const outlet of state.outlets) params.append('outlet', outlet);
  for (const tag of state.tags) params.append('tag', tag);
  for (const stance of state.stances) params.append('stance', stance);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.sort !== emptySearch.sort) params.set('sort', state.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function searchRequest(state: SearchState, limit: number): SearchRequest {
  const from = state.from ? dayStart(state.from) : null;
  const to = state.to ? dayStart(state.to) : null;
  return {
    query: state.query,
    ...(state.kinds.length > 0 && { kinds: state.kinds }),
    ...(state.outlets.length > 0 && { outlets: state.outlets }),
    ...(state.tags.length > 0 && { tags: state.tags }),
    ...(state.stances.length > 0 && { stances: state.stances }),
    ...(from !== null && { from }),
    // The whole of the last day.
    ...(to !== null && { to: to + 86_400_000 - 1 }),
    sort: state.sort,
    limit,
  };
}

/** Whether any filter narrows the search (the words aside). */
export function isFiltered(state: SearchState): boolean {
  return (
    state.kinds.length + state.outlets.length + state.tags.length + state.stances.length > 0 ||
    state.from !== '' ||
    state.to !== ''
  );
}

/** Midnight at the start of a calendar day, in the reader's time zone. */
function dayStart(value: string): number | null {
  const [year, month, date] = value.split('-').map(Number) as [number, number, number];
  const time = new Date(year, month - 1, date).getTime();
  return Number.isNaN(time) || new Date(time).getDate() !== date ? null : time;
}
