/**
 * Gathering an export's records from the background: the plan (every key in scope), then the
 * records in batches small enough for one message each. The popup and notebook hand each batch to
 * the worker that writes the file as it arrives; the CLI and the tests keep them in memory.
 */
import type { ExportScope } from '../messaging/contract.ts';
import { backupTables, type StoreRecords } from './backup-schema.ts';
import type { ExportBatch, ExportPlan } from './export-selection.ts';

export interface ExportSource {
  plan(scope: ExportScope): Promise<ExportPlan>;
  records(scope: ExportScope, batch: ExportBatch): Promise<StoreRecords>;
}

/** Keys per batch, by kind: an article's findings are many records, a note is one. */
export const batchSizes = { sources: 25, people: 1_000, claims: 1_000, notes: 1_000 } as const;

/** Reads every batch of the scope's records, in order, handing each over; answers the plan. */
export async function collectExport(
  source: ExportSource,
  scope: ExportScope,
  onBatch: (records: StoreRecords, done: number, total: number) => void | Promise<void>,
): Promise<ExportPlan> {
  const plan = await source.plan(scope);
  const batches: ExportBatch[] = [];
  const empty: ExportBatch = { sources: [], people: [], claims: [], notes: [] };
  for (const kind of ['sources', 'people', 'claims', 'notes'] as const) {
    for (let start = 0; start < plan[kind].length; start += batchSizes[kind]) {
      batches.push({ ...empty, [kind]: plan[kind].slice(start, start + batchSizes[kind]) });
    }
  }
  for (const [index, batch] of batches.entries()) {
    await onBatch(await source.records(scope, batch), index + 1, batches.length);
  }
  return plan;
}

/** Adds a batch's records to those gathered so far. */
export function addRecords(into: StoreRecords, batch: StoreRecords): void {
  for (const table of backupTables) {
    const rows = into[table] as unknown[];
    for (const row of batch[table]) rows.push(row);
  }
}
