/**
 * The JSON Schema of the backup format, generated from its valibot schemas (src/export/backup-schema.ts),
 * so the published schema and the importer's checks cannot drift apart. What JSON Schema cannot say
 * (a selection ends after it starts, keys are unique, findings name an article the backup holds) the
 * importer checks besides; docs/backup-format.md lists it.
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import { backupFileSchema } from '../../src/export/backup-schema.ts';

export const backupSchemaPath = 'docs/backup.schema.json';

export function backupJsonSchema(): object {
  const { $schema, ...schema } = toJsonSchema(backupFileSchema, { errorMode: 'ignore', target: 'draft-2020-12' });
  return {
    $schema,
    $id: 'https://crosscheck.invalid/schemas/backup-1.schema.json',
    title: 'Crosscheck backup, format version 1',
    description:
      'Every record of a Crosscheck store. See docs/backup-format.md for what each table holds and the rules this schema cannot express.',
    ...schema,
  };
}

export function backupJsonSchemaText(): string {
  return `${JSON.stringify(backupJsonSchema(), null, 2)}\n`;
}
