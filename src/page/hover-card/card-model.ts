/**
 * What a hover card says, worked out from the page's own analysis and the store's view of the page
 * across sources. Pure functions, so what the reader is told can be tested without a browser; the
 * components in cards.tsx only lay it out.
 */
import {
  type DiscrepancyKind,
  type DocumentAnalysis,
  isResponse,
  type Span,
  type Stance,
} from '../../analysis/types.ts';
import { describeSpan } from '../../anchoring/describe.ts';
import type { PageNoteTarget } from '../../messaging/contract.ts';
import { type NotingPage, pageMayChangeNote } from '../../store/page-note-rights.ts';
import type { NoteRecord } from '../../store/records.ts';
import type { DiscrepancyView, NoteView, PageView, SourceSummary } from '../../store/views.ts';
import type { HighlightTarget } from '../article-highlights.ts';

/** Whether the store's side of the card is there yet. */
export type CrossSource = { state: 'loading' } | { state: 'ready' } | { state: 'unavailable'; reason: string };

export interface SourceLine {
  outlet: string;
  title: string;
  /** As the outlet dated it, or when it was read. */
  date: string;
  href: string;
}

export interface DiscrepancyLine {
  label: string;
  values: { outlet: string; text: string }[];
}

export interface ClaimLine {
  text: string;
  stances: Stance[];
  /** How many sources report it. */
  sourceCount: number;
  /** The first source to report it; null when that is this page. */
  firstReported: SourceLine | null;
}

/** One of the reader's notes on a card about a person or an allegation. */
export interface CardNote {
  note: NoteView;
  /**
   * Where the note was written and where to change it, when this page may not change it (see
   * `pageMayChangeNote`): the card then offers no Edit or Delete. Null when the page may.
   */
  elsewhere: string | null;
}

interface CardBase {
  notes: CardNote[];
  /** What "Add note" attaches the note to; null on a copy of the article, which may add none (see `copyRefusal`). */
  noteTarget: PageNoteTarget | null;
  crossSource: CrossSource;
}

export interface PersonCard extends CardBase {
  kind: 'person';
  name: string;
  /** Other names the person goes by, here and in other sources. */
  aka: string[];
  titles: string[];
  mentionsHere: number;
  otherSources: (SourceLine & { spellings: string[] })[];
  otherSourceCount: number;
  claims: ClaimLine[];
  discrepancies: DiscrepancyLine[];
}

export interface AllegationCard extends CardBase {
  kind: 'allegation';
  text: string;
  stance: Stance;
  isResponse: boolean;
  accused: string[];
  attributedTo: string[];
  /** How many other sources report the claim; `otherReports` are its first and latest of them. */
  otherSourceCount: number;
  otherReports: { source: SourceLine; text: string; stance: Stance; attributedTo: string[] }[];
  discrepancies: DiscrepancyLine[];
}

export interface NoteCard {
  kind: 'note';
  note: NoteRecord;
  /** The words the note is attached to. */
  quote: string;
}

export type CardModel = PersonCard | AllegationCard | NoteCard;

export interface CardInputs {
  analysis: DocumentAnalysis;
  /** The store's view of this page, once it answered. */
  view: PageView | null;
  crossSource: CrossSource;
}

export function cardModel(target: HighlightTarget, span: Span, inputs: CardInputs): CardModel | null {
  switch (target.kind) {
    case 'person':
      return personCard(target.person, span, inputs);
    case 'allegation':
      return allegationCard(target.allegation, inputs);
    case 'note': {
      const note = inputs.view?.notes.find((candidate) => candidate.id === target.note);
      // It has a highlight, so it found its words on this page, whatever the store last concluded.
      return note
        ? { kind: 'note', note: { ...note, orphaned: false }, quote: inputs.analysis.text.slice(span.start, span.end) }
        : null;
    }
  }
}

function personCard(id: string, span: Span, { analysis, view, crossSource }: CardInputs): PersonCard | null {
  const person = analysis.people.find((candidate) => candidate.id === id);
  if (!person) return null;
  const stored = view?.people.find((candidate) => candidate.local === id);
  const name = stored?.name ?? person.name;
  const claimIds = new Set(stored?.claims ?? []);
  const claims: ClaimLine[] = (view?.claims ?? [])
    .filter((claim) => claimIds.has(claim.id))
    .map((claim) => ({
      text: claim.summary,
      stances: claim.stances,
      sourceCount: claim.sourceCount,
      firstReported:
        claim.firstReported && claim.firstReported.url !== view?.source.url ? sourceLine(claim.firstReported) : null,
    }));
  // Until the store answers (or when it cannot), the page's own allegations about them still show.
  if (!stored) {
    for (const allegation of analysis.allegations) {
      if (allegation.accused.includes(id)) {
        claims.push({ text: allegation.text, stances: [allegation.stance], sourceCount: 1, firstReported: null });
      }
    }
  }
  return {
    kind: 'person',
    name,
    aka: unique([...person.variants, ...(stored?.variants ?? [])]).filter((variant) => variant !== name),
    titles: person.titles,
    mentionsHere: person.mentions.length,
    otherSources: (stored?.otherSources ?? []).map(({ source, spellings }) => ({ ...sourceLine(source), spellings })),
    otherSourceCount: stored?.otherSourceCount ?? 0,
    claims,
    discrepancies: (stored?.discrepancies ?? []).map(discrepancyLine),
    notes: cardNotes(stored?.notes, view),
    noteTarget: view?.copy
      ? null
      : stored
        ? { kind: 'person', person: stored.id }
        : selectionTarget(analysis.text, span),
    crossSource,
  };
}

function allegationCard(index: number, { analysis, view, crossSource }: CardInputs): AllegationCard | null {
  const allegation = analysis.allegations[index];
  if (!allegation) return null;
  const stored = view?.allegations.find((candidate) => candidate.index === index);
  const names = new Map(analysis.people.map((person) => [person.id, person.name]));
  return {
    kind: 'allegation',
    text: allegation.text,
    stance: allegation.stance,
    isResponse: isResponse(allegation.stance),
    accused: stored?.accused.map((person) => person.name) ?? allegation.accused.map((id) => names.get(id) ?? id),
    attributedTo: allegation.attributedTo,
    otherSourceCount: stored?.otherSourceCount ?? 0,
    otherReports: (stored?.otherReports ?? []).map((report) => ({
      source: sourceLine(report.source),
      text: report.text,
      stance: report.stance,
      attributedTo: report.attributedTo,
    })),
    discrepancies: (stored?.discrepancies ?? []).map(discrepancyLine),
    notes: cardNotes(stored?.notes, view),
    noteTarget: view?.copy
      ? null
      : stored?.claim
        ? { kind: 'claim', claim: stored.claim }
        : selectionTarget(analysis.text, allegation),
    crossSource,
  };
}

function cardNotes(notes: NoteView[] | undefined, view: PageView | null): CardNote[] {
  if (!view) return [];
  const page: NotingPage = view.copy ? { source: view.source.url, copy: true } : { source: view.source.url };
  return (notes ?? []).map((note) => cardNote(note, page));
}

/**
 * Where the reader changes a note this page may not. The card has no button to open the notebook: that
 * would be one more `page/*` message, one any page could send to open tabs. So it names the way there.
 */
const changeElsewhere = 'change it in Crosscheck’s popup or notebook.';

/**
 * A note as the card on `page` shows it: changeable there, or where it was written. A note with no
 * `writtenOn` may be the notebook's or a page's from before notes kept it, so the card says only that
 * it was not written here, which is true of both. A copy of the article changes none of its notes.
 */
export function cardNote(note: NoteView, page: NotingPage): CardNote {
  if (pageMayChangeNote(note, page)) return { note, elsewhere: null };
  if (page.copy) return { note, elsewhere: `This page is a copy of the article; ${changeElsewhere}` };
  const written =
    note.writtenOn === undefined ? 'Not written on this page' : `Written on ${note.writtenOnOutlet ?? 'another page'}`;
  return { note, elsewhere: `${written}; ${changeElsewhere}` };
}

function selectionTarget(text: string, span: Span): PageNoteTarget {
  return { kind: 'selection', selectors: describeSpan(text, span) };
}

function sourceLine(source: SourceSummary): SourceLine {
  return { outlet: source.outlet, title: source.title, date: sourceDate(source), href: source.href };
}

export const discrepancyLabels: Record<DiscrepancyKind, string> = {
  'name-spelling': 'Spelling',
  date: 'Date',
  weekday: 'Day of the week',
  number: 'Number',
  wording: 'Wording',
  attribution: 'Attributed to',
  stance: 'Stance',
};

function discrepancyLine(discrepancy: DiscrepancyView): DiscrepancyLine {
  const label = discrepancyLabels[discrepancy.kind];
  return {
    label: discrepancy.about ? `${label}: ${discrepancy.about}` : label,
    values: discrepancy.values.map(({ outlet, text }) => ({ outlet, text })),
  };
}

const dateOptions: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
// Made when the first card shows a date, not when the content script starts: building a date format
// loads the locale's data, several milliseconds that every page would otherwise pay up front.
let dateFormats: { printed: Intl.DateTimeFormat; local: Intl.DateTimeFormat } | undefined;
function formats(): { printed: Intl.DateTimeFormat; local: Intl.DateTimeFormat } {
  dateFormats ??= {
    printed: new Intl.DateTimeFormat(undefined, { ...dateOptions, timeZone: 'UTC' }),
    local: new Intl.DateTimeFormat(undefined, dateOptions),
  };
  return dateFormats;
}

/**
 * The date the outlet printed: the calendar date written in its timestamp, not that instant in the
 * reader's time zone (an article published on the 24th in Delhi is dated the 24th, even in Toronto).
 */
export function sourceDate(source: Pick<SourceSummary, 'published' | 'firstRead'>): string {
  const printed = /^(\d{4})-(\d{2})-(\d{2})/.exec(source.published ?? '');
  if (printed)
    return formats().printed.format(Date.UTC(Number(printed[1]), Number(printed[2]) - 1, Number(printed[3])));
  return `read ${formats().local.format(source.firstRead)}`;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
