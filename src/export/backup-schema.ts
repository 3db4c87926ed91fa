/**
 * The JSON backup, version 1: every record of every table, as the store keeps it, under a header
 * that says what the file is. The schemas here are the one definition of the format: the exporter
 * writes each record through them (so the key order, and so the file, is the same every time), the
 * importer checks every record against them, and `npx tsx scripts/backup-schema.ts` turns them into
 * the JSON Schema published in docs/backup.schema.json.
 *
 * Everything is bounded (strings, lists, numbers) so that a hostile file is refused before any of
 * it is used, and objects are strict: a key the format does not have is an error, not a surprise
 * stored in the reader's database.
 */
import * as v from 'valibot';
import type { DiscrepancyKind } from '../analysis/types.ts';
import {
  allegationSchema,
  limits,
  mentionFormSchema,
  metadataSchema,
  personRoleSchema,
  stanceSchema,
} from '../messaging/analysis-schema.ts';
import { noteSchema, selectorsSchema } from '../messaging/contract.ts';
import type * as records from '../store/records.ts';
import { sourceSummaryKeys } from '../store/views.ts';
import { settingSchemas, type Settings } from '../settings.ts';

export const backupFormat = 'crosscheck-backup';
export const backupVersion = 1;

/** How many records of each kind a backup may hold: far beyond any reader's store, short of exhausting memory. */
export const backupLimits = {
  sources: 200_000,
  people: 1_000_000,
  appearances: 2_000_000,
  mentions: 10_000_000,
  allegations: 2_000_000,
  claims: 1_000_000,
  discrepancies: 2_000_000,
  notes: 1_000_000,
} as const;

export type BackupTable = keyof typeof backupLimits;
export const backupTables = Object.keys(backupLimits) as BackupTable[];

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const list = <S extends v.GenericSchema>(item: S, max: number) => v.pipe(v.array(item), v.maxLength(max));
const url = v.pipe(v.string(), v.maxLength(8192), v.url('expected an absolute URL'));
/** An address the reader follows (a link in the notebook): a web page's, never `javascript:` or `data:`. */
const webUrl = v.pipe(url, v.regex(/^https?:\/\//i, 'expected a web address (http:// or https://)'));
const name = text(limits.nameLength);
const recordId = v.pipe(v.string(), v.regex(/^[\w-]{1,64}$/, 'expected an id of 1 to 64 letters, digits, - or _'));
const localId = v.pipe(v.string(), v.minLength(1), v.maxLength(limits.idLength));
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));
/** Epoch milliseconds; dates before 1970 (an old article's publication) are negative. */
const time = v.pipe(v.number(), v.integer(), v.minValue(-8.64e15), v.maxValue(8.64e15));
const timestamp = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));
const offset = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(limits.textLength));

const discrepancyKinds: Record<DiscrepancyKind, true> = {
  'name-spelling': true,
  date: true,
  weekday: true,
  number: true,
  wording: true,
  attribution: true,
  stance: true,
};

const profileSchema = v.strictObject({
  name,
  variants: list(v.strictObject({ text: name, count }), limits.shortList * 10),
  titles: list(name, limits.shortList * 10),
  coMentioned: list(name, limits.people),
  role: personRoleSchema,
  forms: v.optional(list(mentionFormSchema, 5)),
});

export const sourceSchema = v.strictObject({
  url,
  href: webUrl,
  aliases: list(url, 1_000),
  // Absent from backups written before the store kept them, and where the article has none.
  copies: v.optional(list(url, 1_000)),
  site: text(253),
  outlet: text(limits.metadataLength),
  title: text(limits.metadataLength),
  byline: v.optional(text(limits.metadataLength)),
  published: v.optional(text(100)),
  modified: v.optional(text(100)),
  publishedTime: v.optional(time),
  firstRead: timestamp,
  lastRead: timestamp,
  contentHash: text(128),
  astralOffsets: v.optional(list(offset, limits.textLength / 2)),
}) satisfies v.GenericSchema<unknown, records.SourceRecord>;

/**
 * A copy of a source's summary. Not strict: backups written before summaries left out the time the
 * source was last read have it, and it is dropped (import copies every summary again either way).
 */
const sourceSummarySchema = v.object(v.pick(sourceSchema, sourceSummaryKeys).entries);

/** A copy of what a view shows of a claim (see `ClaimSummary`). */
const claimSummarySchema = v.strictObject({
  id: recordId,
  summary: text(limits.sentenceLength),
  accused: list(v.strictObject({ id: recordId, name }), limits.shortList),
  stances: list(stanceSchema, 20),
  sourceCount: count,
  firstReported: v.nullable(sourceSummarySchema),
});

export const personSchema = v.strictObject({
  id: recordId,
  name,
  profile: profileSchema,
  keys: list(text(limits.nameLength + 20), 10_000),
  firstSeen: timestamp,
  lastSeen: timestamp,
  // Absent from backups written before the store kept them; import counts them again either way.
  sourceCount: v.optional(count, 0),
  spellings: v.optional(
    list(
      v.strictObject({ text: name, sources: list(v.strictObject({ url, time }), limits.shortList) }),
      limits.shortList * 10,
    ),
    () => [],
  ),
  companions: v.optional(list(v.strictObject({ name, count, time }), limits.people), () => []),
  recent: v.optional(
    v.pipe(
      list(
        v.strictObject({
          url,
          time,
          spellings: list(name, limits.shortList * 10),
          source: v.optional(sourceSummarySchema),
        }),
        limits.shortList,
      ),
      // Backups written before the store copied each source's summary here have none; import counts
      // every person's latest sources again from their appearances either way.
      v.transform((entries) => entries.flatMap(({ source, ...entry }) => (source ? [{ ...entry, source }] : []))),
    ),
    () => [],
  ),
  // Absent from backups written before the store kept it; import lists every person's claims again either way.
  claims: v.optional(list(recordId, limits.shortList), () => []),
  // Absent from backups written before the store copied them; import copies every claim's summary again either way.
  claimSummaries: v.optional(list(claimSummarySchema, limits.shortList), () => []),
}) satisfies v.GenericSchema<unknown, records.PersonRecord>;

export const appearanceSchema = v.strictObject({
  source: url,
  person: recordId,
  local: localId,
  recency: time,
  name,
  role: personRoleSchema,
  variants: list(name, limits.mentionsPerPerson),
  titles: list(name, limits.shortList),
  mentionCount: count,
  profile: profileSchema,
}) satisfies v.GenericSchema<unknown, records.AppearanceRecord>;

export const mentionSchema = v.strictObject({
  source: url,
  index: count,
  person: recordId,
  text: name,
  form: mentionFormSchema,
  title: v.optional(name),
  selectors: selectorsSchema,
}) satisfies v.GenericSchema<unknown, records.MentionRecord>;

const claimReportSchema = v.strictObject({
  document: text(8192),
  metadata: metadataSchema,
  allegation: allegationSchema,
  allegationIndex: count,
  accused: list(name, limits.shortList),
  accusedIds: list(recordId, limits.shortList),
  mentionedIds: list(recordId, limits.people),
  focus: v.strictObject({ start: offset, end: offset }),
  context: text(limits.sentenceLength * 2),
  referenceDate: v.optional(text(100)),
  terms: list(text(limits.nameLength), limits.sentenceLength),
});

export const allegationRecordSchema = v.strictObject({
  source: url,
  index: count,
  allegation: allegationSchema,
  report: v.optional(claimReportSchema),
  accused: list(recordId, limits.shortList),
  stance: stanceSchema,
  cue: text(limits.sentenceLength),
  selectors: selectorsSchema,
  claim: v.optional(recordId),
}) satisfies v.GenericSchema<unknown, records.AllegationRecord>;

export const claimSchema = v.strictObject({
  id: recordId,
  accused: list(recordId, limits.shortList),
  accusedNames: list(name, limits.shortList),
  keys: list(text(100), limits.shortList),
  summary: text(limits.sentenceLength),
  stances: list(stanceSchema, 20),
  sources: list(url, backupLimits.sources),
  // Absent from backups written before the store kept it; import counts it again either way.
  sourceCount: v.optional(count, 0),
  // Absent from backups written before the store copied it; import restates it either way.
  firstReported: v.optional(sourceSummarySchema),
  members: list(v.tuple([url, count]), backupLimits.allegations),
  firstReportedTime: time,
  created: timestamp,
}) satisfies v.GenericSchema<unknown, records.ClaimRecord>;

export const discrepancySchema = v.strictObject({
  subject: v.pipe(v.string(), v.regex(/^(person|claim):[\w-]{1,64}$/, 'expected "person:" or "claim:" and an id')),
  index: count,
  kind: v.picklist(Object.keys(discrepancyKinds) as DiscrepancyKind[]),
  about: v.optional(text(limits.metadataLength)),
  values: list(v.strictObject({ source: url, text: text(limits.sentenceLength) }), backupLimits.sources),
}) satisfies v.GenericSchema<unknown, records.DiscrepancyRecord>;

export const backupNoteSchema = v.strictObject(noteSchema.entries) satisfies v.GenericSchema<
  unknown,
  records.NoteRecord
>;

export const backupSettingsSchema = v.strictObject(settingSchemas) satisfies v.GenericSchema<unknown, Settings>;

/** The schema each table's records are checked against. */
export const recordSchemas = {
  sources: sourceSchema,
  people: personSchema,
  appearances: appearanceSchema,
  mentions: mentionSchema,
  allegations: allegationRecordSchema,
  claims: claimSchema,
  discrepancies: discrepancySchema,
  notes: backupNoteSchema,
} satisfies Record<BackupTable, v.GenericSchema>;

export type BackupRecord<T extends BackupTable> = v.InferOutput<(typeof recordSchemas)[T]>;

/** Every table's records, as a backup holds them: the shape export reads and import writes. */
export type StoreRecords = { [T in BackupTable]: BackupRecord<T>[] };

const headerEntries = {
  format: v.literal(backupFormat),
  version: v.literal(backupVersion),
  /** When the backup was made (ISO 8601). */
  exported: v.pipe(v.string(), v.isoTimestamp('expected an ISO 8601 date and time')),
  /** The Crosscheck that made it: "Crosscheck 0.1.0". */
  generator: text(200),
  settings: backupSettingsSchema,
};

export function emptyRecords(): StoreRecords {
  return Object.fromEntries(backupTables.map((table) => [table, []])) as unknown as StoreRecords;
}

/** What a backup says about itself, with its tables' records still unchecked: checked before any record is read. */
export const backupHeaderSchema = v.strictObject({
  ...headerEntries,
  sources: list(v.unknown(), backupLimits.sources),
  people: list(v.unknown(), backupLimits.people),
  appearances: list(v.unknown(), backupLimits.appearances),
  mentions: list(v.unknown(), backupLimits.mentions),
  allegations: list(v.unknown(), backupLimits.allegations),
  claims: list(v.unknown(), backupLimits.claims),
  discrepancies: list(v.unknown(), backupLimits.discrepancies),
  notes: list(v.unknown(), backupLimits.notes),
});

/** The whole file: the header with every table's records in place. */
export const backupFileSchema = v.strictObject({
  ...headerEntries,
  sources: list(sourceSchema, backupLimits.sources),
  people: list(personSchema, backupLimits.people),
  appearances: list(appearanceSchema, backupLimits.appearances),
  mentions: list(mentionSchema, backupLimits.mentions),
  allegations: list(allegationRecordSchema, backupLimits.allegations),
  claims: list(claimSchema, backupLimits.claims),
  discrepancies: list(discrepancySchema, backupLimits.discrepancies),
  notes: list(backupNoteSchema, backupLimits.notes),
});

export type Backup = v.InferOutput<typeof backupFileSchema>;
