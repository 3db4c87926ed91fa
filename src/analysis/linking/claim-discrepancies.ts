/**
 * What the sources of one claim disagree on: how they word it, whom they credit it to, the dates
 * and counts they give, whether the accused denied or admitted it, and any weekday that does not
 * fit the date printed beside it (one source is enough to get that wrong).
 */
import { type ClaimReport, type Discrepancy, isResponse } from '../types.ts';
import { isBareReport } from './claim-match.ts';
import { meaningfulWords } from './claim-terms.ts';
import { findCounts } from '../facts/number-expressions.ts';
import { uniqueBy } from './unique-by.ts';
import { type DateExpression, findDates, formatDate, trueWeekday } from '../facts/date-expressions.ts';

export function claimDiscrepancies(reports: readonly ClaimReport[]): Discrepancy[] {
  const bySource = new Map<string, ClaimReport[]>();
  for (const report of reports) {
    const list = bySource.get(report.document);
    if (list) list.push(report);
    else bySource.set(report.document, [report]);
  }
  const sources = [...bySource].map(([document, members]) => ({ document, members }));
  return [
    ...wording(sources),
    ...attribution(sources),
    ...dates(sources),
    ...weekdays(reports),
    ...counts(sources),
    ...stances(sources),
  ];
}

interface Source {
  document: string;
  members: ClaimReport[];
}

/**
 * How each source words the claim: the words that say what is alleged, after the cue ("accused of
 * lobbying a Chinese diplomat…") or, when nothing follows it, the words before it ("spying charges").
 * Sentences differ around a claim in every report; the claim's own words differing is the discrepancy.
 */
function wording(sources: Source[]): Discrepancy[] {
  if (sources.length < 2) return [];
  const telling = sources.map(
    ({ members }) =>
      members.find((report) => !isResponse(report.allegation.stance) && !isBareReport(report)) ??
      (members[0] as ClaimReport),
  );
  const wordings = new Set(telling.map(claimWording));
  if (wordings.size < 2) return [];
  return [
    {
      kind: 'wording',
      values: telling.map((report) => ({ document: report.document, text: focusText(report) })),
      about: 'how each source words the claim',
    },
  ];
}

function claimWording(report: ClaimReport): string {
  const { allegation } = report;
  const text = focusText(report);
  const cueStart = allegation.cue.start - report.focus.start;
  const after = meaningfulWords(text.slice(allegation.cue.end - report.focus.start));
  if (after.length >= 2) return after.join(' ');
  return meaningfulWords(text.slice(0, Math.max(0, cueStart)))
    .slice(-3)
    .concat(after)
    .join(' ');
}

/** The words of the sentence that belong to this report's allegation. */
function focusText(report: ClaimReport): string {
  const { allegation, focus } = report;
  return allegation.text.slice(focus.start - allegation.start, focus.end - allegation.start).trim();
}

function attribution(sources: Source[]): Discrepancy[] {
  const credited = sources
    .map(({ document, members }) => ({
      document,
      phrases: uniqueBy(
        members.flatMap((report) => report.allegation.attributedTo),
        comparable,
      ),
    }))
    .filter((source) => source.phrases.length > 0);
  if (credited.length < 2) return [];
  const keys = credited.map((source) => [...new Set(source.phrases.flatMap(creditedSources))].sort().join('|'));
  if (new Set(keys).size < 2) return [];
  return [
    {
      kind: 'attribution',
      values: credited.map((source) => ({ document: source.document, text: source.phrases.join('; ') })),
      about: 'whom each source credits the claim to',
    },
  ];
}

/** The sources one attribution names: "Global News, citing two national security sources" names two. */
function creditedSources(phrase: string): string[] {
  return phrase
    .split(/,|;|\b(?:citing|quoting|speaking to|according to|via)\b/i)
    .map((part) =>
      comparable(part)
        .replace(/^(?:the|a|an|in a|in the)\s+/, '')
        .replace(/^(?:report|reports|article)\s+(?:by|from|in)\s+/, '')
        .replace(/\s+(?:report|reports)$/, '')
        .trim(),
    )
    .filter((part) => part.length > 0);
}

function dates(sources: Source[]): Discrepancy[] {
  const dated = sources
    .map(({ document, members }) => ({
      document,
      dates: members.flatMap((report) =>
        findDates(focusText(report), report.referenceDate).filter((date) => date.year !== undefined),
      ),
    }))
    .filter((source) => source.dates.length > 0);
  if (dated.length < 2) return [];
  // Dates agree when they name the same month: "24 September 2021" and "September 2021" do not conflict.
  const months = dated.map((source) => new Set(source.dates.map(monthOf)));
  const shared = [...(months[0] as Set<string>)].filter((month) => months.every((set) => set.has(month)));
  if (shared.length > 0) return [];
  return [
    {
      kind: 'date',
      values: dated.map((source) => ({
        document: source.document,
        text: [...new Set(source.dates.map((date) => date.text))].join('; '),
      })),
      about: 'the dates each source gives',
    },
  ];
}

function weekdays(reports: readonly ClaimReport[]): Discrepancy[] {
  const seen = new Set<string>();
  const found: Discrepancy[] = [];
  for (const report of reports) {
    for (const date of findDates(focusText(report), report.referenceDate)) {
      const actual = trueWeekday(date);
      const key = `${report.document}\u0000${date.text}`;
      if (!actual || seen.has(key)) continue;
      seen.add(key);
      found.push({
        kind: 'weekday',
        values: [{ document: report.document, text: date.text }],
        about: `${formatDate(date)} was a ${actual}`,
      });
    }
  }
  return found;
}

function counts(sources: Source[]): Discrepancy[] {
  const byUnit = new Map<string, { document: string; values: Set<number>; texts: Set<string> }[]>();
  for (const { document, members } of sources) {
    for (const count of members.flatMap((report) => findCounts(focusText(report)))) {
      const entries = byUnit.get(count.unit) ?? [];
      let entry = entries.find((candidate) => candidate.document === document);
      if (!entry) entries.push((entry = { document, values: new Set(), texts: new Set() }));
      entry.values.add(count.value);
      entry.texts.add(count.text);
      byUnit.set(count.unit, entries);
    }
  }
  const found: Discrepancy[] = [];
  for (const [unit, entries] of byUnit) {
    if (entries.length < 2) continue;
    const [first, ...rest] = entries as [(typeof entries)[number], ...typeof entries];
    const agreed = [...first.values].some((value) => rest.every((entry) => entry.values.has(value)));
    if (agreed) continue;
    found.push({
      kind: 'number',
      values: entries.map((entry) => ({ document: entry.document, text: [...entry.texts].join('; ') })),
      about: `the number of ${unit}`,
    });
  }
  return found;
}

const denials = new Set(['denied', 'rejected']);
const admissions = new Set(['admitted', 'confirmed']);

function stances(sources: Source[]): Discrepancy[] {
  const responding = sources
    .map(({ document, members }) => ({
      document,
      stances: [...new Set(members.map((report) => report.allegation.stance).filter(isResponse))],
    }))
    .filter((source) => source.stances.length > 0);
  const denying = responding.some((source) => source.stances.some((stance) => denials.has(stance)));
  const admitting = responding.some((source) => source.stances.some((stance) => admissions.has(stance)));
  if (!denying || !admitting) return [];
  return [
    {
      kind: 'stance',
      values: responding.map((source) => ({ document: source.document, text: source.stances.join(', ') })),
      about: 'whether the accused denied or admitted it',
    },
  ];
}

function monthOf(date: DateExpression): string {
  return `${date.year}-${date.month}`;
}

/** Text compared for sameness: case, punctuation and spacing are not wording. */
function comparable(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
