/**
 * The one database: every table, index, version and upgrade. A schema change is a new version
 * below the others, with an upgrade that brings existing rows along; released versions are never
 * edited, because readers' databases were created from them.
 */
import { Dexie, type Table } from 'dexie';
import type {
  AllegationRecord,
  AppearanceRecord,
  ClaimMembersRecord,
  ClaimRecord,
  ClaimTermsRecord,
  DiscrepancyRecord,
  MentionRecord,
  NoteRecord,
  PersonRecord,
  SettingRecord,
  SourceMentionsRecord,
  SourceRecord,
} from './records.ts';
import { boundedMembership, claimTermsRecord, recountPeople, restateClaimMembers } from './linking.ts';
import { searchableTables, searchIndexMiddleware, withSearchTerms } from './search-index.ts';
import { groupMentions } from './source-mentions.ts';

export const databaseName = 'crosscheck';

/** Version 1: the schema the store was first released with. Kept whole so migrations can be tested from it. */
export const schemaV1 = {
  sources: 'url, *aliases, outlet, publishedTime, lastRead',
  people: 'id, *keys',
  // Keyed by source first: a source's rows are one range of primary keys, read or deleted in one request.
  appearances: '[source+person], [person+recency]',
  mentions: '[source+index], person',
  allegations: '[source+index], claim, *accused, stance',
  claims: 'id, *keys, *accused, *sources, firstReportedTime',
  discrepancies: '[subject+index]',
  notes: 'id, target.source, target.person, target.claim, *tags, created, updated',
  settings: 'key',
} as const;

/** Version 2: full-text search over sources, people, claims and notes (`*terms`, kept by search-index.ts). */
export const schemaV2 = {
  ...schemaV1,
  sources: `${schemaV1.sources}, *terms`,
  people: `${schemaV1.people}, *terms`,
  claims: `${schemaV1.claims}, *terms`,
  notes: `${schemaV1.notes}, *terms`,
} as const;

/**
 * Version 5: the allegations each claim's record keeps, whole, by claim (see `ClaimMembersRecord`);
 * and without the indexes no query reads (mentions by person, sources by date, claims by source or
 * by date), which every ingest wrote entries to.
 */
export const schemaV5 = {
  ...schemaV2,
  sources: 'url, *aliases, outlet, *terms',
  mentions: '[source+index]',
  claims: 'id, *keys, *accused, *terms',
  claimMembers: 'claim',
} as const;

/** Version 9: a source's mentions in one row of their own (see `SourceMentionsRecord`), not a row each. */
export const schemaV9 = {
  ...schemaV5,
  mentions: null,
  sourceMentions: 'source',
} as const;

/** Version 10: the terms linking compares of each claim's kept allegations, in a row of their own (see `ClaimTermsRecord`). */
export const schemaV10 = {
  ...schemaV9,
  claimTerms: 'claim',
} as const;

/** What a Dexie constructor needs to run somewhere other than a browser window (fake-indexeddb in Node). */
export type IndexedDbDependencies = { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange };

export class CrosscheckDatabase extends Dexie {
  sources!: Table<SourceRecord, string>;
  people!: Table<PersonRecord, string>;
  appearances!: Table<AppearanceRecord, [string, string]>;
  sourceMentions!: Table<SourceMentionsRecord, string>;
  allegations!: Table<AllegationRecord, [string, number]>;
  claims!: Table<ClaimRecord, string>;
  claimMembers!: Table<ClaimMembersRecord, string>;
  claimTerms!: Table<ClaimTermsRecord, string>;
  discrepancies!: Table<DiscrepancyRecord, [string, number]>;
  notes!: Table<NoteRecord, string>;
  settings!: Table<SettingRecord, string>;

  constructor(name = databaseName, dependencies?: IndexedDbDependencies) {
    super(name, dependencies);
    this.version(1).stores(schemaV1);
    this.version(2)
      .stores(schemaV2)
      .upgrade(async (transaction) => {
        for (const table of searchableTables) {
          await transaction
            .table(table)
            .toCollection()
            .modify((row: object) => {
              Object.assign(row, withSearchTerms(table, row));
            });
        }
      });
    // Version 3: what each person's record keeps of their appearances (see person-tallies.ts). Its
    // recount is version 5's upgrade, which every older database passes through.
    this.version(3).stores(schemaV2);
    // Version 4: the people most often named alongside each person, bounded, in place of every name ever seen,
    // and each claim's first and latest sources and reports, with how many there are, in place of all of them.
    this.version(4)
      .stores(schemaV2)
      .upgrade(async (transaction) => {
        await transaction
          .table<ClaimRecord, string>('claims')
          .toCollection()
          .modify((claim, reference) => {
            reference.value = boundedMembership(claim);
          });
      });
    // Version 5: each person's latest sources with their spellings, kept on their record for a page's lookup,
    // and their spelling discrepancies stated again from their record, which a lookup now computes them from;
    // and the allegations each claim's record keeps, whole, in a row of their own. Its recount is version
    // 6's upgrade, which every older database passes through.
    this.version(5).stores(schemaV5);
    // Version 6: what a lookup shows of a source (see `SourceSummary`), copied into each person's latest
    // sources and beside each claim's kept allegations, so a page's lookup reads no other source. Its
    // recount is version 7's upgrade, which every older database passes through.
    this.version(6).stores(schemaV5);
    // Version 7: the claims each person's record lists for a page's lookup (see `PersonRecord.claims`), and
    // each claim's discrepancies beside its kept allegations, so the lookup reads neither with a range read per
    // person or per claim; and what a lookup shows of a source without the time it was last read, which no
    // view shows and every read of an unchanged article would otherwise copy again. Its recount is version 8's
    // upgrade, which every older database passes through.
    this.version(7).stores(schemaV5);
    // Version 8: what a lookup shows of a claim (see `ClaimSummary`), copied into the records of the people who
    // list it and beside its kept allegations, so a page's lookup reads no claim's record: in a browser each
    // record read is a request of its own. The claims' rows first, since the people's copies are taken from
    // the claims their recount restates.
    this.version(8)
      .stores(schemaV5)
      .upgrade(async (transaction) => {
        const tables = {
          sources: transaction.table<SourceRecord, string>('sources'),
          claims: transaction.table<ClaimRecord, string>('claims'),
          discrepancies: transaction.table<DiscrepancyRecord, [string, number]>('discrepancies'),
        };
        await restateClaimMembers({
          ...tables,
          allegations: transaction.table<AllegationRecord, [string, number]>('allegations'),
          claimMembers: transaction.table<ClaimMembersRecord, string>('claimMembers'),
        });
        await recountPeople({
          ...tables,
          people: transaction.table<PersonRecord, string>('people'),
          appearances: transaction.table<AppearanceRecord, [string, string]>('appearances'),
        });
      });
    // Version 9: a source's mentions in one row (see `SourceMentionsRecord`): written with one request an
    // ingest instead of one a mention. The old table is read in primary key order, a source's rows together.
    this.version(9)
      .stores(schemaV9)
      .upgrade(async (transaction) => {
        await groupMentions(
          transaction.table<MentionRecord, [string, number]>('mentions'),
          transaction.table<SourceMentionsRecord, string>('sourceMentions'),
        );
      });
    // Version 10: what linking compares of each claim's kept allegations (see `ClaimTermsRecord`), so an
    // ingest reads whole only the kept allegations of the claims its source joins, not of every claim
    // about its people.
    this.version(10)
      .stores(schemaV10)
      .upgrade(async (transaction) => {
        const rows: ClaimTermsRecord[] = [];
        await transaction.table<ClaimMembersRecord, string>('claimMembers').each((members) => {
          rows.push(claimTermsRecord(members.claim, members.allegations));
        });
        await transaction.table<ClaimTermsRecord, string>('claimTerms').bulkPut(rows);
      });
    this.use(searchIndexMiddleware);
    // Dexie's observability records every key and index entry a write touches, for `liveQuery`, and
    // broadcasts them when the transaction commits. Nothing here queries live (views ask the background
    // through messages), and each person an ingest writes has a hundred index entries to record.
    this.unuse({ stack: 'dbcore', name: 'Observability' });
  }

  /** Every table but the settings: the reader's research, which an ingest or a forget changes as one. */
  researchTables() {
    return [
      this.sources,
      this.people,
      this.appearances,
      this.sourceMentions,
      this.allegations,
      this.claims,
      this.claimMembers,
      this.claimTerms,
      this.discrepancies,
      this.notes,
    ];
  }
}
