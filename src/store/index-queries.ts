/**
 * Index reads shaped for speed. Dexie answers `anyOf` with a cursor that jumps from key to key, one
 * request per step. Here each key's primary keys come from the index alone (no values are read or
 * cloned), and then every row is read once, whichever keys it is indexed under: a multi-entry index
 * (the blocking keys) holds a popular person under many of a new article's keys.
 */
import type { IndexableType, Table } from 'dexie';

export async function rowsWithAny<T, K extends IndexableType>(
  table: Table<T, K>,
  index: string,
  keys: Iterable<IndexableType>,
): Promise<T[]> {
  const batches = await Promise.all([...new Set(keys)].map((key) => table.where(index).equals(key).primaryKeys()));
  const primaryKeys = new Map<string, K>();
  for (const key of batches.flat()) primaryKeys.set(typeof key === 'string' ? key : JSON.stringify(key), key);
  const rows = await table.bulkGet([...primaryKeys.values()]);
  return rows.filter((row): row is NonNullable<typeof row> => row !== undefined);
}
