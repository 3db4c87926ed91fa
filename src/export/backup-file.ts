/**
 * The JSON backup as a file. Every record is written through its schema (backup-schema.ts): a
 * record the importer would refuse stops the export with what is wrong, rather than making a backup
 * that cannot be restored; and the keys come out in the schema's order, so exporting the same store
 * twice gives the same file. One record per line keeps a large backup readable and its diffs small.
 */
import * as v from 'valibot';
import type { Settings } from '../settings.ts';
import { backupFormat, backupSettingsSchema, backupTables, backupVersion, recordSchemas } from './backup-schema.ts';
import type { ExportData } from './export-data.ts';
import { describeProblem, problemOf } from './import-problems.ts';

/** A record in the store that a backup could not restore: a fault to report, never to write. */
export class ExportError extends Error {
  override name = 'ExportError';
}

export function backupText(data: ExportData & { settings: Settings }): string {
  const header = {
    format: backupFormat,
    version: backupVersion,
    exported: new Date(data.generated).toISOString(),
    generator: data.generator,
    settings: checked(backupSettingsSchema, data.settings, ['settings']),
  };
  const parts = [JSON.stringify(header, null, 2).replace(/\n}$/, '')];
  for (const table of backupTables) {
    const rows = (data[table] as unknown[]).map((row, index) =>
      JSON.stringify(checked(recordSchemas[table], row, [table, index])),
    );
    parts.push(rows.length === 0 ? `,\n  "${table}": []` : `,\n  "${table}": [\n    ${rows.join(',\n    ')}\n  ]`);
  }
  return `${parts.join('')}\n}\n`;
}

function checked<S extends v.GenericSchema>(schema: S, value: unknown, path: (string | number)[]): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const problem = problemOf(result.issues[0], path);
  throw new ExportError(
    `Crosscheck holds a record a backup could not restore, so no backup was made (${describeProblem(problem)}). Please report this.`,
  );
}
