/**
 * Index reads shaped for speed. Dexie answers `anyOf` with a cursor that jumps from key to key, one
 * request per step. Here every key is read at once, in parallel: a single-valued index with one
 * `getAll` per key; a multi-entry index (the blocking keys) holds a popular row under many of the
 * keys, so its primary keys come from the index alone first (no values read or cloned), and each
 * row is then read once.
 */
import type { IndexableType, Table } from 'dexie';

export async function rowsWithAny<T, K extends IndexableType>(
  table: Table<T, K>,
  index: string,
  keys: Iterable<IndexableType>,
): Promise<T[]> {
  const distinct = [...new Set(keys)];
  if (!table.schema.idxByName[index]?.multi) {
    return (await Promise.all(distinct.map((key) => table.where(index).equals(key).toArray()))).flat();
  }
  const rows = await table.bulkGet(await primaryKeysWithAny(table, index, distinct));
  return rows.filter((row): row is NonNullable<typeof row> => row !== undefined);
}

/** The primary keys of the rows a multi-entry index holds under any of these keys, each once. */
export async function primaryKeysWithAny<T, K extends IndexableType>(
  table: Table<T, K>,
  index: string,
  keys: Iterable<IndexableType>,
): Promise<K[]> {
  const batches = await Promise.all([...new Set(keys)].map((key) => table.where(index).equals(key).primaryKeys()));
  const primaryKeys = new Map<string, K>();
  for (const key of batches.flat()) primaryKeys.set(typeof key === 'string' ? key : JSON.stringify(key), key);
  return [...primaryKeys.values()];
}
