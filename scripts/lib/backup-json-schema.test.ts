import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { backupText } from '../../src/export/backup-file.ts';
import { exportDataOf, readSeedsWithNotes } from '../../src/export/test-support.ts';
import { freshDatabase } from '../../src/store/test-support.ts';
import { backupJsonSchema, backupSchemaPath } from './backup-json-schema.ts';
import { repoRoot } from './paths.ts';

describe('the published backup schema', () => {
  it('is the one the backup format defines (regenerate it with `npx tsx scripts/backup-schema.ts`)', () => {
    // Compared as JSON: the file is formatted by Prettier with the rest of the repository.
    expect(JSON.parse(readFileSync(join(repoRoot, backupSchemaPath), 'utf8'))).toEqual(backupJsonSchema());
  });

  it('accepts a backup Crosscheck makes, and refuses one with a record out of shape', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(repoRoot, backupSchemaPath), 'utf8')) as object);
    const db = freshDatabase();
    await readSeedsWithNotes(db);
    const data = await exportDataOf(db);
    const backup = JSON.parse(backupText({ ...data, settings: { mode: 'auto', disabledSites: [] } })) as {
      notes: Record<string, unknown>[];
    };
    expect(validate(backup), ajv.errorsText(validate.errors)).toBe(true);
    expect(validate({ ...backup, notes: [{ ...backup.notes[0], colour: 'teal' }] })).toBe(false);
    expect(validate({ ...backup, notes: [{ ...backup.notes[0], extra: 1 }] })).toBe(false);
    expect(validate({ ...backup, version: 2 })).toBe(false);
  });
});
