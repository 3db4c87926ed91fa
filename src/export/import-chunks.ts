/**
 * An import's records cut into chunks for the background, each a JSON text well under the limit a
 * message may carry. Records are never split: a chunk closes before the record that would overflow it.
 */
import type { Settings } from '../settings.ts';
import { backupTables, type StoreRecords } from './backup-schema.ts';
import type { IncomingNote } from './web-annotation-import.ts';

/**
 * Small enough that handing a chunk to the browser's messaging, which copies and converts it on the
 * page's thread, never blocks the page for long (a 4 MB chunk did for up to 250 ms); a record larger
 * than this travels alone, within the message limit.
 */
const chunkBudget = 512 * 1024;

export function backupChunks(records: StoreRecords, settings: Settings, budget = chunkBudget): string[] {
  const chunks = new ChunkWriter(budget);
  chunks.add('settings', JSON.stringify(settings), false);
  for (const table of backupTables) for (const row of records[table]) chunks.add(table, JSON.stringify(row), true);
  return chunks.finish();
}

export function noteChunks(notes: IncomingNote[], budget = chunkBudget): string[] {
  const chunks = new ChunkWriter(budget);
  for (const note of notes) chunks.add('notes', JSON.stringify(note), true);
  return chunks.finish();
}

class ChunkWriter {
  readonly #budget: number;
  readonly #chunks: string[] = [];
  #parts = new Map<string, { list: boolean; items: string[] }>();
  #size = 2;

  constructor(budget: number) {
    this.#budget = budget;
  }

  add(key: string, json: string, list: boolean): void {
    const cost = json.length + key.length + 6;
    if (this.#size + cost > this.#budget && this.#parts.size > 0) this.#flush();
    const part = this.#parts.get(key) ?? { list, items: [] };
    part.items.push(json);
    this.#parts.set(key, part);
    this.#size += cost;
  }

  finish(): string[] {
    if (this.#parts.size > 0) this.#flush();
    return this.#chunks;
  }

  #flush(): void {
    const fields = [...this.#parts].map(
      ([key, { list, items }]) => `${JSON.stringify(key)}:${list ? `[${items.join(',')}]` : items[0]}`,
    );
    this.#chunks.push(`{${fields.join(',')}}`);
    this.#parts = new Map();
    this.#size = 2;
  }
}
