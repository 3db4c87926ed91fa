/**
 * What the database holds, one interface per table. These shapes are persisted: change them only
 * with a new schema version and an upgrade in `database.ts`. Times are epoch milliseconds.
 */
import type {
  Allegation,
  ClaimReport,
  ClaimTerms,
  DiscrepancyKind,
  MentionForm,
  PersonProfile,
  PersonRole,
  Stance,
} from '../analysis/types.ts';
import type { TextSelectors as AnchoringSelectors } from '../anchoring/selectors.ts';
import type { ClaimSummary, SourceSummary } from './views.ts';

/** Where a quote sits in its article's text, by W3C Web Annotation selectors (both of them, always). */
export type TextSelectors = Required<AnchoringSelectors>;

/**
 * A note's selection: always the quote; the position once Crosscheck has placed the quote in its
 * own reading of the article. A note imported from another annotation tool has none until then,
 * because that tool counted characters in its own copy of the page.
 */
export type NoteSelectors = AnchoringSelectors;

/** One article, under its canonical URL. */
export interface SourceRecord {
  /** The canonical URL: the key every variant of the article (AMP, mobile, print, utm-tagged) shares. */
  url: string;
  /** Where a reader goes back to it: the canonical link as the page gave it, tracking stripped. */
  href: string;
  /** Every address the article was read at, canonicalised; the current page is found through these. */
  aliases: string[];
  /**
   * Those of `aliases` that joined the article by its text alone (see `declared-address.ts`): pages
   * elsewhere on its site that declare its address and hold its very text, a copy on another writer's
   * pages as much as a variant read after it. They find the article, but have no say in it and may
   * add or change no notes (see `page-note-rights.ts`). Absent when there are none; unindexed.
   */
  copies?: string[];
  /** The registrable domain ("bbc.co.uk"), or the host when there is none (an IP address). */
  site: string;
  /** The publication's name, or the site when the page does not say. */
  outlet: string;
  title: string;
  byline?: string;
  /** As the page declares them (ISO 8601). */
  published?: string;
  modified?: string;
  /** `published` as a time, for sorting and date filters; absent when the page's date does not parse. */
  publishedTime?: number;
  firstRead: number;
  lastRead: number;
  /** SHA-256 of the analysed text: an unchanged article is not ingested twice. */
  contentHash: string;
  /**
   * Where the analysed text's astral characters (two UTF-16 units each) start: what converts the
   * selectors' JavaScript offsets to the code points W3C positions count. Absent for sources stored
   * before it was kept, until they are read again.
   */
  astralOffsets?: number[];
}

/** One person across every source, as linking has merged them. */
export interface PersonRecord {
  id: string;
  /** The fullest form of the name seen. */
  name: string;
  /** Merged over every appearance: what the next source's people are matched against. */
  profile: PersonProfile;
  /** The linking engine's blocking keys for `profile`: only people sharing one are compared. */
  keys: string[];
  firstSeen: number;
  lastSeen: number;
  /**
   * How many sources name them, kept by ingest, forget and import: counting their appearances
   * would walk an index range as long as the list of sources naming them, on every lookup.
   */
  sourceCount: number;
  /**
   * Each spelling of the name (the profile's variants) with the first sources to use it, at most
   * `spellingSourceLimit` of them: what the spelling discrepancies are found from, kept with
   * `sourceCount` so that neither grows with the number of sources naming the person.
   */
  spellings: SpellingRecord[];
  /**
   * The people named most often alongside them, at most `companionLimit`, the most frequent first:
   * the context that backs a fuzzy match, and `profile.coMentioned` as the store keeps it. Every
   * name ever seen next to a much-reported person would make their record grow with each source,
   * and every ingest that compares them and every lookup that shows them read it all.
   */
  companions: CompanionRecord[];
  /**
   * The latest sources to name them, at most `recentSourceLimit`, the latest first, with the
   * spellings each used: what a page's lookup lists of the person's other sources, read with the
   * person rather than from an index range per person.
   */
  recent: RecentSourceRecord[];
  /**
   * The ids of the claims about them that the `accused` index lists first, at most
   * `claimsPerPersonLimit`: what a page's lookup lists of their claims, read with the person rather
   * than from an index range per person. Kept by ingest, an edit, a forget, an import and an upgrade.
   */
  claims: string[];
  /**
   * What a lookup shows of each of those claims, in the same order: copied from the claims' records,
   * so a page's lookup reads none of its people's claims. Restated wherever a claim or a person's list
   * of claims changes (ingest, an edit, a forget, a source's new title) and counted again by an
   * upgrade or an import.
   */
  claimSummaries: ClaimSummary[];
}

export interface RecentSourceRecord {
  url: string;
  /** The source's time (see `sourceTime`). */
  time: number;
  /** The spellings that source used (its appearance's `variants`). */
  spellings: string[];
  /**
   * What a lookup shows of the source, copied from its record so a page's lookup reads none of
   * its people's other sources. Kept with the source: restated wherever it is copied when the
   * source is read again, edited or forgotten, and counted again by an upgrade or an import.
   */
  source: SourceSummary;
}

export interface CompanionRecord {
  name: string;
  /** How many of the person's sources name them. */
  count: number;
  /** The latest of those sources' times (see `sourceTime`): of two as frequent, the more recent is kept. */
  time: number;
}

export interface SpellingRecord {
  text: string;
  /** The oldest first, by the source's time (see `sourceTime`). */
  sources: { url: string; time: number }[];
}

/** A person as one source presents them: the link between a document's people and a stored person. */
export interface AppearanceRecord {
  source: string;
  person: string;
  /** The person's id in that source's analysis ("p1"); linking pairs people one to one. */
  local: string;
  /**
   * Minus the time of the source (its publication, else when it was first read): in index order a
   * person's most recent sources come first, which one IndexedDB read can then take.
   */
  recency: number;
  name: string;
  role: PersonRole;
  /** Spellings this source used, canonical first, including every mention's. */
  variants: string[];
  titles: string[];
  mentionCount: number;
  /** This source's contribution to the person's merged profile, kept so an edited source can be taken back out. */
  profile: PersonProfile;
}

/**
 * One mention of a person in a source, as backups and exports list them. The store keeps a source's
 * mentions together, in one row (`SourceMentionsRecord`).
 */
export interface MentionRecord {
  source: string;
  /** Its place among the source's mentions. */
  index: number;
  person: string;
  text: string;
  form: MentionForm;
  title?: string;
  selectors: TextSelectors;
}

/**
 * Every mention of a person in one source, in one row: they are only ever read, written and taken out
 * with their source, and in a browser each row written is a request of its own (twenty an article).
 */
export interface SourceMentionsRecord {
  source: string;
  mentions: Omit<MentionRecord, 'source'>[];
}

export interface AllegationRecord {
  source: string;
  /** Position in the source's analysis, which with the source makes the key. */
  index: number;
  /** The allegation as the analysis reported it. */
  allegation: Allegation;
  /** How claim linking compares it with other sources' reports; absent when it accuses no one. */
  report?: ClaimReport;
  /** Stored person ids of the accused. */
  accused: string[];
  stance: Stance;
  /** The words that made it an allegation or a response. */
  cue: string;
  selectors: TextSelectors;
  /** The claim it belongs to, once linked. */
  claim?: string;
}

/** The same allegation across sources. */
export interface ClaimRecord {
  id: string;
  /** Stored person ids of the accused. */
  accused: string[];
  /** Their names when the claim was last linked, for lists and search. */
  accusedNames: string[];
  /** The linking engine's blocking keys: only claims sharing one are compared with a new report. */
  keys: string[];
  /** The earliest report's sentence, to name the claim in lists. */
  summary: string;
  /** Every stance its reports take, in the order the sources reported them. */
  stances: Stance[];
  /**
   * The first sources to report it and the latest, the first first: at most `claimReportLimit` of
   * each, so that a much-reported claim's record, read by every lookup of a page about its subject,
   * does not grow with each source. The claim view lists them all (the `claim` index finds them).
   */
  sources: string[];
  /** How many sources report it. */
  sourceCount: number;
  /**
   * What a lookup shows of its first source (`sources[0]`), copied as `RecentSourceRecord.source`
   * is and kept the same way, so listing a person's claims reads no source; absent when it has none.
   */
  firstReported?: SourceSummary;
  /**
   * The keys of those sources' allegations of it, the first reported first: what a new source's
   * reports are compared with (a claim's reports say the same thing, so these represent it).
   */
  members: [string, number][];
  /** When the first source to report it was published (or read, when it gives no date). */
  firstReportedTime: number;
  /** When the store first linked it: of two equally good matches, the older claim wins. */
  created: number;
}

/**
 * The allegations a claim's record keeps (those of its first and latest sources, see `members`),
 * whole and the first reported first: what a page's lookup shows of the claim elsewhere, and what a
 * new source that joins the claim is kept with (linking compares only their terms, see
 * `ClaimTermsRecord`), read in one request per claim rather than one per allegation. Derived: kept with the claim's record, and stated again from the allegations by a
 * schema upgrade or an import.
 */
export interface ClaimMembersRecord {
  claim: string;
  allegations: AllegationRecord[];
  /**
   * What a lookup shows of those allegations' sources, one per source in the allegations' order
   * (copied as `RecentSourceRecord.source` is, and kept the same way).
   */
  sources: SourceSummary[];
  /**
   * The claim's discrepancies, as the discrepancies table holds them (found from these allegations):
   * copied here so a page's lookup reads them with the allegations, not with a range read per claim.
   */
  discrepancies: DiscrepancyRecord[];
  /** What a lookup shows of the claim, copied from its record and kept with it (see `claimSummary`). */
  claimSummary: ClaimSummary;
}

/**
 * What linking compares a new source's reports with, of the allegations a claim's record keeps (see
 * `ClaimMembersRecord`): each one's terms and accused, without the rest. Every stored claim about a
 * new source's people is compared, and only the claims the source joins are needed whole: a claim
 * reported often keeps tens of kilobytes of allegations. Derived: written with the claim's kept
 * allegations, and stated again with them by a schema upgrade or an import.
 */
export interface ClaimTermsRecord {
  claim: string;
  reports: ClaimTerms[];
}

/** A difference between sources about one person or one claim. */
export interface DiscrepancyRecord {
  /** What it is about: `person:<id>` or `claim:<id>` (see `discrepancySubject`). */
  subject: string;
  /** Its place among the subject's discrepancies, which with the subject makes the key. */
  index: number;
  kind: DiscrepancyKind;
  about?: string;
  values: { source: string; text: string }[];
}

export const noteColours = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type NoteColour = (typeof noteColours)[number];

export type NoteTarget =
  | { kind: 'source'; source: string }
  | { kind: 'person'; person: string }
  | { kind: 'claim'; claim: string }
  | { kind: 'selection'; source: string; selectors: NoteSelectors };

/** The reader's own note. */
export interface NoteRecord {
  id: string;
  target: NoteTarget;
  body: string;
  tags: string[];
  colour: NoteColour;
  created: number;
  updated: number;
  /** A selection note whose text the current version of its article no longer contains. */
  orphaned: boolean;
  /**
   * The stored source (canonical URL) of the page the note was written on, set by the background from
   * the page that asked; absent for a note written in the notebook or the popup, and for notes stored
   * before it was kept, which are treated as the notebook's. No index: nothing queries by it.
   */
  writtenOn?: string;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}
