/**
 * Keeps the full-text index current whoever writes: a middleware gives every row written to a
 * searchable table its `terms` (the indexed words of its texts), so no writer, now or later
 * (import, migrations), can store a row search would miss.
 */
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import type { ClaimRecord, NoteRecord, PersonRecord, SourceRecord } from './records.ts';
import { searchTerms } from './search-terms.ts';

const searchableTexts = {
  sources: (row: SourceRecord) => [row.title, row.outlet, row.byline, row.site],
  people: (row: PersonRecord) => [
    row.name,
    ...row.profile.variants.map((variant) => variant.text),
    ...row.profile.titles,
  ],
  claims: (row: ClaimRecord) => [row.summary, ...row.accusedNames],
  notes: (row: NoteRecord) => [row.body, ...row.tags],
};

export type SearchableTable = keyof typeof searchableTexts;
export const searchableTables = Object.keys(searchableTexts) as SearchableTable[];

function isSearchable(table: string): table is SearchableTable {
  return Object.hasOwn(searchableTexts, table);
}

/** The row with its `terms`, as the index wants it. */
export function withSearchTerms<T extends object>(table: SearchableTable, row: T): T & { terms: string[] } {
  const texts = (searchableTexts[table] as (row: T) => (string | undefined)[])(row);
  return { ...row, terms: searchTerms(texts) };
}

export const searchIndexMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'search-terms',
  create: (down) => ({
    ...down,
    table(name) {
      const table = down.table(name);
      if (!isSearchable(name)) return table;
      return {
        ...table,
        mutate(request: DBCoreMutateRequest) {
          if (request.type !== 'add' && request.type !== 'put') return table.mutate(request);
          const values = request.values.map((row: object) => withSearchTerms(name, row));
          return table.mutate({ ...request, values });
        },
      };
    },
  }),
};
