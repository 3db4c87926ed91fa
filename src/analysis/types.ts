/**
 * The analysis engine's public types: what goes in (an article as text blocks plus metadata) and
 * what comes out (people, allegations, and the links between several sources). The content script,
 * the background's store, the CLI and the exporters all speak these types, so change them with care:
 * add fields freely, rename or remove none without updating every user.
 *
 * Offsets are JavaScript string offsets (UTF-16 code units) into `DocumentAnalysis.text`.
 */

/** What a block of article text is; bylines and credits name people who are not the story's subjects. */
export type BlockKind = 'headline' | 'standfirst' | 'byline' | 'dateline' | 'caption' | 'credit' | 'paragraph';

export interface TextBlock {
  kind: BlockKind;
  text: string;
}

export interface ArticleMetadata {
  title?: string;
  /** The publication: "BBC News", "WION". */
  outlet?: string;
  url?: string;
  /** ISO 8601 date or date-time, as the page declares it. */
  published?: string;
  modified?: string;
  /** The byline as printed: "By Maya Lindqvist, BBC News, Toronto". */
  byline?: string;
}

export interface ArticleInput {
  blocks: TextBlock[];
  metadata: ArticleMetadata;
}

export interface Span {
  start: number;
  end: number;
}

/** The blocks' texts joined by a blank line ("\n\n"); each block keeps its span in that text. */
export interface BlockSpan extends Span {
  kind: BlockKind;
}

/** How a mention names its person. */
export type MentionForm =
  | 'full' // "Han Dong"
  | 'titled' // "Mr Dong", "Prime Minister Justin Trudeau" (the span covers the name, not the title)
  | 'surname' // "Dong", "Dong's" (the span covers "Dong")
  | 'given' // a given name used alone or as if it were a surname: "Mr Tao" for Han Tao
  | 'variant'; // a spelling variant of the canonical name: "Sparov" for Spavor

export interface Mention extends Span {
  /** The name as written in the text (no title, no possessive). */
  text: string;
  form: MentionForm;
  /** The title printed before the name, if any: "Mr", "Prime Minister". */
  title?: string;
}

/** Subjects are who the story is about; bylines and credits are the people who made it. */
export type PersonRole = 'subject' | 'byline' | 'credit';

export interface Person {
  /** Unique within one DocumentAnalysis ("p1", "p2", ...). */
  id: string;
  /** The fullest form of the name the document gives: "Han Dong". */
  name: string;
  role: PersonRole;
  mentions: Mention[];
  /** Distinct spellings seen in this document, canonical name first. */
  variants: string[];
  /** Roles the document gives the person: "MP", "consul general", "Prime Minister". */
  titles: string[];
}

/** A named group whose members the text names: "the Two Michaels". */
export interface PersonGroup {
  name: string;
  mentions: Mention[];
  /** Person ids. */
  members: string[];
}

export type AllegationStance = 'alleged' | 'accused' | 'charged' | 'suspected' | 'reported';
export type ResponseStance = 'denied' | 'rejected' | 'admitted' | 'confirmed' | 'cleared';
export type Stance = AllegationStance | ResponseStance;

export const responseStances: readonly ResponseStance[] = ['denied', 'rejected', 'admitted', 'confirmed', 'cleared'];

export function isResponse(stance: Stance): stance is ResponseStance {
  return (responseStances as readonly string[]).includes(stance);
}

/** One sentence that makes, reports or answers an allegation against named people. */
export interface Allegation extends Span {
  /** The sentence. */
  text: string;
  stance: Stance;
  /** The words that made it an allegation or a response: "accused of", "allegedly", "denied". */
  cue: Span;
  /** Person ids of the accused: in "Dubey accused Moitra of taking bribes", Moitra. */
  accused: string[];
  /** Who makes or reports it, as the text says: "Global News, citing two national security sources". */
  attributedTo: string[];
}

export interface DocumentAnalysis {
  text: string;
  blocks: BlockSpan[];
  people: Person[];
  groups: PersonGroup[];
  allegations: Allegation[];
}

/** One analysed source, as the cross-source linking sees it. */
export interface SourceDocument {
  /** The caller's key for the document: an index, a URL, a database id. */
  id: string;
  metadata: ArticleMetadata;
  analysis: DocumentAnalysis;
}

export type DiscrepancyKind =
  | 'name-spelling' // "Spavor" / "Sparov"
  | 'date' // "24 September" / "March 24"
  | 'weekday' // a weekday that does not fit the date given with it
  | 'number'
  | 'wording' // the same claim in different words
  | 'attribution' // who the claim is credited to
  | 'stance'; // one outlet says denied, another says admitted

export interface Discrepancy {
  kind: DiscrepancyKind;
  /** Each source's version; `document` is a SourceDocument id. */
  values: { document: string; text: string }[];
  /** What the difference is about, for a reader: "date of the Global News report". */
  about?: string;
}

/** One person across sources. */
export interface LinkedPerson {
  name: string;
  /** Every spelling seen across the sources. */
  variants: string[];
  members: { document: string; person: string }[];
  discrepancies: Discrepancy[];
}

/** One claim across sources: the same allegation reported by several outlets. */
export interface LinkedClaim {
  /** Linked person names of the accused. */
  accused: string[];
  /** Allegations (indexes into each document's `allegations`) that make up the claim. */
  members: { document: string; allegation: number }[];
  discrepancies: Discrepancy[];
}

export interface CrossSourceLinks {
  people: LinkedPerson[];
  claims: LinkedClaim[];
}

/**
 * What cross-source linking knows of one person: built from one document's Person, or merged
 * across every source already linked. The store keeps one per known person and links a new
 * document's people against the profiles that share a blocking key with them, so linking stays
 * incremental however many sources are stored.
 */
export interface PersonProfile {
  name: string;
  /** Every spelling seen, with how many mentions used it. */
  variants: { text: string; count: number }[];
  titles: string[];
  /** Names of the other people the sources mention alongside this one: the context that backs a fuzzy match. */
  coMentioned: string[];
  role: PersonRole;
  /** How the sources named the person: a name only ever seen after a title ("Mr Singh") links differently. */
  forms?: MentionForm[];
}

/** Why two people were judged the same. */
export type PersonMatchReason = 'exact' | 'alias' | 'title-stripped' | 'given-as-surname' | 'spelling-variant';

/** What claim linking compares of a report: what it says and whom it accuses (see `claimSimilarity`). */
export type ClaimTerms = Pick<ClaimReport, 'terms' | 'accusedIds'>;

/** One source's report of an allegation, as claim linking compares them. */
export interface ClaimReport {
  document: string;
  metadata: ArticleMetadata;
  allegation: Allegation;
  /** The allegation's index in its document's `allegations`. */
  allegationIndex: number;
  /** Linked (cross-source) names of the accused. */
  accused: string[];
  /**
   * The caller's stable keys for the linked people of `accused` (the store's person ids; linkSources
   * uses "person:<index>"). Claims are matched on these, so a linked person's name can change as
   * fuller spellings arrive without unlinking the claims about them.
   */
  accusedIds: string[];
  /** Keys of the other linked people the sentence names (the target, the go-between): part of what the claim says. */
  mentionedIds: string[];
  /**
   * The part of the sentence that belongs to this allegation: all of it, unless the sentence makes
   * several (then it is split halfway between their cues). Dates, counts and wording are read here.
   */
  focus: Span;
  /** The allegation's sentence with a little surrounding text: dates and numbers often sit next to it. */
  context: string;
  /**
   * The date (YYYY-MM-DD) that completes dates written without a year: the publication date, or when
   * the source gives none, the latest full date in its text.
   */
  referenceDate?: string;
  /**
   * What the allegation says, as comparable terms (word stems, synonyms merged, names and attribution
   * left out). Empty for a bare response such as "he denied the allegations", which says nothing of its own.
   */
  terms: string[];
}
