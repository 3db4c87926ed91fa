import type { QueryState } from './use-store-query.ts';

/** What a view says while its data is on its way, when it failed, or when there is none. */
export function QueryStatus<T>({
  query,
  loading,
  missing,
}: {
  query: QueryState<T | null>;
  loading: string;
  missing: string;
}) {
  if (query.error) {
    return (
      <p class="problem" role="alert">
        Crosscheck could not read your sources: {query.error}
      </p>
    );
  }
  if (query.loading && query.value === undefined) {
    return (
      <p class="empty-state" aria-busy="true">
        {loading}
      </p>
    );
  }
  return <p class="empty-state">{missing}</p>;
}
