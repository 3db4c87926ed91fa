/** Writes docs/backup.schema.json from the backup format's schemas: `npx tsx scripts/backup-schema.ts`. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { backupJsonSchemaText, backupSchemaPath } from './lib/backup-json-schema.ts';
import { repoRoot } from './lib/paths.ts';

writeFileSync(join(repoRoot, backupSchemaPath), backupJsonSchemaText());
console.log(`wrote ${backupSchemaPath}`);
