/**
 * What the store's queries answer with: the shapes the hover cards, the popup, the notebook and
 * export read. They are built from the records in `records.ts` and travel in messages.
 */
import type { DiscrepancyKind, PersonRole, Stance } from '../analysis/types.ts';
import type { NoteRecord, SourceRecord, TextSelectors } from './records.ts';

/**
 * What a view shows of a source. Not when it was last read: no view shows that, and a summary is
 * copied into the records that list its source, which every read of the article would then rewrite.
 */
export type SourceSummary = Pick<SourceRecord, (typeof sourceSummaryKeys)[number]>;

/** The fields of a source its summary holds: the one list the summaries and the backup's check of their copies follow. */
export const sourceSummaryKeys = [
  'url',
  'href',
  'outlet',
  'title',
  'published',
  'publishedTime',
  'firstRead',
] as const satisfies readonly (keyof SourceRecord)[];

/** A note as the views show it: with the outlet of the page it was written on, when a page wrote it. */
export interface NoteView extends NoteRecord {
  /** The outlet of the `writtenOn` source, with its site ("WION (wionews.com)"); the site alone once that article is forgotten. */
  writtenOnOutlet?: string;
}

export interface PersonRef {
  id: string;
  name: string;
}

export interface DiscrepancyView {
  kind: DiscrepancyKind;
  about?: string;
  values: { source: string; outlet: string; text: string }[];
}

/** One source's wording of an allegation. */
export interface ReportView {
  source: SourceSummary;
  index: number;
  text: string;
  stance: Stance;
  /** The words that made it an allegation or a response. */
  cue: string;
  accused: PersonRef[];
  attributedTo: string[];
  selectors: TextSelectors;
}

export interface ClaimSummary {
  id: string;
  summary: string;
  accused: PersonRef[];
  /** Every stance the sources report, in the order first seen. */
  stances: Stance[];
  sourceCount: number;
  /** The source that reported it first (by publication date, else by when it was read). */
  firstReported: SourceSummary | null;
}

/** The current page as the store knows it: each person and allegation with what other sources say. */
export interface PageView {
  source: SourceSummary & Pick<SourceRecord, 'byline' | 'modified'>;
  people: PagePerson[];
  allegations: PageAllegation[];
  /** Every claim the page's people and allegations belong to. */
  claims: ClaimSummary[];
  /** Notes on the page itself and on selections in it, orphaned ones included. */
  notes: NoteView[];
  /**
   * Answered to a page at an address that joined the article by its text alone (see
   * `SourceRecord.copies`): it may add or change no notes, so its card offers neither.
   */
  copy?: true;
}

export interface PagePerson {
  /** The person's id in the page's analysis. */
  local: string;
  id: string;
  name: string;
  role: PersonRole;
  /** Every spelling seen across sources. */
  variants: string[];
  mentionsHere: number;
  /** The most recent other sources that name them, up to `otherSourceLimit` (the person view has them all). */
  otherSources: { source: SourceSummary; spellings: string[] }[];
  otherSourceCount: number;
  /** Ids of claims about them across sources, up to `claimsPerPersonLimit` (the person view has them all). */
  claims: string[];
  discrepancies: DiscrepancyView[];
  notes: NoteView[];
}

/** A hover card lists a few; the count says how many there are. */
export const otherSourceLimit = 5;
export const claimsPerPersonLimit = 10;

export interface PageAllegation {
  /** The allegation's index in the page's analysis. */
  index: number;
  text: string;
  stance: Stance;
  accused: PersonRef[];
  attributedTo: string[];
  claim: string | null;
  /**
   * The same claim as other sources report it: those of its first and its latest sources (see
   * `claimReportLimit`); `otherSourceCount` says how many other sources report it in all.
   */
  otherReports: ReportView[];
  otherSourceCount: number;
  discrepancies: DiscrepancyView[];
  notes: NoteView[];
}

export interface PersonView {
  id: string;
  name: string;
  titles: string[];
  firstSeen: number;
  lastSeen: number;
  /** Each spelling, how often it was used and by which outlets. */
  spellings: { text: string; count: number; outlets: string[] }[];
  /** The sources that name them, the most recent first, up to `personSourceLimit`. */
  sources: { source: SourceSummary; spellings: string[]; mentionCount: number; role: PersonRole; titles: string[] }[];
  claims: { claim: ClaimSummary; reports: ReportView[] }[];
  discrepancies: DiscrepancyView[];
  notes: NoteView[];
}

export interface ClaimView {
  claim: ClaimSummary;
  /** Each outlet's wording, the first report first. */
  reports: ReportView[];
  discrepancies: DiscrepancyView[];
  notes: NoteView[];
}

export type SearchHit =
  | { kind: 'person'; person: PersonRef & { variants: string[]; sourceCount: number } }
  | { kind: 'claim'; claim: ClaimSummary }
  | { kind: 'source'; source: SourceSummary }
  /** `about` names what the note is attached to: a person, a claim's summary, an article's title. */
  | { kind: 'note'; note: NoteView; about: string };

export interface SearchResults {
  hits: SearchHit[];
  /** How many matched before the limit. */
  total: number;
}

export interface Facets {
  outlets: { outlet: string; count: number }[];
  tags: { tag: string; count: number }[];
}

export type StoreProblemKind = 'quota' | 'unavailable' | 'failed';

export interface StoreStatus {
  /** The last write that failed, until a write succeeds again. */
  problem: { kind: StoreProblemKind; message: string; since: number } | null;
  /** Whether the browser promised not to evict the data; null where it cannot say. */
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
  counts: { sources: number; people: number; claims: number; notes: number };
}

export interface IngestResult {
  outcome: 'added' | 'updated' | 'unchanged';
  view: PageView;
}
