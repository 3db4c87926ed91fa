/** What every export format is written from: the records in scope, and what the export is. */
import type { ExportScope } from '../messaging/contract.ts';
import type { Settings } from '../settings.ts';
import type { BackupRecord, StoreRecords } from './backup-schema.ts';

export interface ExportData extends StoreRecords {
  scope: ExportScope;
  /** What the scope is, for a reader: a person's name, an article's title, "everything". */
  label: string;
  /** When the export was made, epoch milliseconds. */
  generated: number;
  /** The software and version that made it: "Crosscheck 0.1.0". */
  generator: string;
  /** The reader's settings: only a backup carries them. */
  settings?: Settings;
}

export const exportFormats = ['backup', 'w3c', 'csv', 'markdown'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** The records of an export, looked up by key. */
export class ExportIndex {
  readonly sources: Map<string, BackupRecord<'sources'>>;
  readonly people: Map<string, BackupRecord<'people'>>;
  readonly claims: Map<string, BackupRecord<'claims'>>;

  constructor(data: StoreRecords) {
    this.sources = new Map(data.sources.map((source) => [source.url, source]));
    this.people = new Map(data.people.map((person) => [person.id, person]));
    this.claims = new Map(data.claims.map((claim) => [claim.id, claim]));
  }

  personName(id: string): string {
    return this.people.get(id)?.name ?? '';
  }

  outlet(url: string): string {
    return this.sources.get(url)?.outlet ?? url;
  }
}

/** A calendar day for file names and reports: 2023-03-23. */
export function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** Strings in code unit order: the same order on every machine, whatever its language. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
