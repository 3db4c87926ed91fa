/**
 * The export as a Markdown report a reporter can paste into a draft or read as it is: the sources,
 * the people (their spellings, outlet by outlet), each claim with every outlet's wording side by
 * side and what the outlets disagree on, and the reader's notes. For one person it is that person's
 * dossier; for one claim, the story across outlets.
 *
 * Page text is data: every character Markdown (or the HTML a Markdown viewer allows) would read as
 * markup is escaped, so a page cannot put a link, an image or a script into the report.
 */
import { isResponse } from '../analysis/types.ts';
import { count } from '../popup/format.ts';
import { sourceTime } from '../store/source-time.ts';
import { discrepancySubject } from '../store/discrepancy-subject.ts';
import type { BackupRecord } from './backup-schema.ts';
import { compareStrings, type ExportData, ExportIndex, isoDay } from './export-data.ts';
import { groupBy } from '../group-by.ts';

type Source = BackupRecord<'sources'>;
type Note = BackupRecord<'notes'>;

/** The export's records grouped as the report reads them. */
interface ReportIndex extends ExportIndex {
  appearances: Map<string, BackupRecord<'appearances'>[]>;
  reports: Map<string, BackupRecord<'allegations'>[]>;
  /** By subject (`person:<id>`, `claim:<id>`). */
  discrepancies: Map<string, BackupRecord<'discrepancies'>[]>;
}

export function markdownReport(data: ExportData): string {
  const index: ReportIndex = Object.assign(new ExportIndex(data), {
    appearances: groupBy(data.appearances, (row) => row.person),
    reports: groupBy(data.allegations, (row) => row.claim),
    discrepancies: groupBy(data.discrepancies, (row) => row.subject),
  });
  const accused = new Set(data.claims.flatMap((claim) => claim.accused));
  const sources = [...data.sources].sort((a, b) => sourceTime(a) - sourceTime(b) || compareStrings(a.url, b.url));
  const lines: string[] = [];
  const title = data.scope.kind === 'everything' ? 'everything read' : data.label;
  lines.push(`# Crosscheck report: ${inline(title)}`, '');
  lines.push(
    `Exported ${isoDay(data.generated)} by ${inline(data.generator)}: ${count(sources.length, 'article')}, ` +
      `${count(data.people.length, 'person', 'people')}, ${count(data.claims.length, 'claim')}, ${count(data.notes.length, 'note')}.`,
    '',
  );

  if (sources.length > 0) {
    lines.push('## Sources', '', '| Date | Outlet | Article |', '| --- | --- | --- |');
    for (const source of sources)
      lines.push(`| ${dateOf(source)} | ${inline(source.outlet)} | ${link(source.title, source.href)} |`);
    lines.push('');
  }

  const notes = groupNotes(data.notes);
  const people = [...data.people]
    .filter((person) => data.scope.kind !== 'claim' || accused.has(person.id))
    .sort((a, b) => compareStrings(a.name, b.name));
  if (people.length > 0) {
    lines.push('## People', '');
    for (const person of people) lines.push(...personSection(person, index, notes.person.get(person.id) ?? []));
  }

  const claims = [...data.claims].sort(
    (a, b) => a.firstReportedTime - b.firstReportedTime || compareStrings(a.id, b.id),
  );
  if (claims.length > 0) {
    lines.push('## Claims', '');
    for (const claim of claims) lines.push(...claimSection(claim, index, notes.claim.get(claim.id) ?? []));
  }

  const onArticles = [...notes.source.entries()];
  if (onArticles.length > 0) {
    lines.push('## Notes on articles', '');
    for (const [url, articleNotes] of onArticles) {
      const source = index.sources.get(url);
      lines.push(`### ${source ? `${inline(source.title)} (${inline(source.outlet)})` : inline(url)}`, '');
      if (!source) lines.push('_Crosscheck no longer holds this article; its notes are kept._', '');
      for (const note of articleNotes) lines.push(...noteLines(note));
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function personSection(person: BackupRecord<'people'>, index: ReportIndex, notes: Note[]): string[] {
  const lines = [`### ${inline(person.name)}`, ''];
  const appearances = index.appearances.get(person.id) ?? [];
  if (person.profile.titles.length > 0) lines.push(`Roles: ${person.profile.titles.map(inline).join(', ')}.`, '');
  const spellings = new Map<string, Set<string>>();
  for (const appearance of appearances) {
    for (const variant of appearance.variants) {
      spellings.set(variant, (spellings.get(variant) ?? new Set()).add(index.outlet(appearance.source)));
    }
  }
  if (spellings.size > 1) {
    lines.push('Spellings:', '');
    for (const [spelling, outlets] of spellings)
      lines.push(`- “${inline(spelling)}”: ${[...outlets].map(inline).join(', ')}`);
    lines.push('');
  }
  if (appearances.length > 0) {
    lines.push('Named in:', '');
    for (const appearance of appearances) {
      const source = index.sources.get(appearance.source);
      const mentions = count(appearance.mentionCount, 'mention');
      lines.push(
        `- ${source ? `${inline(source.outlet)}, ${dateOf(source)}: ${link(source.title, source.href)}` : inline(appearance.source)} (${mentions})`,
      );
    }
    lines.push('');
  }
  return [
    ...lines,
    ...closingLines(index.discrepancies.get(discrepancySubject('person', person.id)) ?? [], notes, index),
  ];
}

function claimSection(claim: BackupRecord<'claims'>, index: ReportIndex, notes: Note[]): string[] {
  const lines = [`### ${inline(claim.summary || 'A claim no source reports any more')}`, ''];
  const accused = claim.accused.map((id) => index.personName(id)).filter((name) => name !== '');
  const reports = [...(index.reports.get(claim.id) ?? [])].sort((a, b) => {
    const time = (url: string) => {
      const source = index.sources.get(url);
      return source ? sourceTime(source) : Number.MAX_SAFE_INTEGER;
    };
    return time(a.source) - time(b.source) || compareStrings(a.source, b.source) || a.index - b.index;
  });
  const first = reports[0] && index.sources.get(reports[0].source);
  const facts = [
    accused.length > 0 ? `Accused: ${accused.map(inline).join(', ')}.` : '',
    first ? `First reported by ${inline(first.outlet)} (${dateOf(first)}).` : '',
    `${count(new Set(reports.map((report) => report.source)).size, 'source')}.`,
  ].filter((fact) => fact !== '');
  lines.push(facts.join(' '), '');
  if (reports.length > 0) {
    lines.push('| Outlet | Date | Stance | Wording | Attributed to |', '| --- | --- | --- | --- | --- |');
    for (const report of reports) {
      const source = index.sources.get(report.source);
      const stance = isResponse(report.stance) ? `${report.stance} (response)` : report.stance;
      lines.push(
        `| ${inline(source?.outlet ?? report.source)} | ${source ? dateOf(source) : ''} | ${stance} | ${inline(report.allegation.text)} | ${inline(report.allegation.attributedTo.join('; '))} |`,
      );
    }
    lines.push('');
  }
  return [
    ...lines,
    ...closingLines(index.discrepancies.get(discrepancySubject('claim', claim.id)) ?? [], notes, index),
  ];
}

/** What closes a person's or a claim's section: where the sources differ, and the reader's notes. */
function closingLines(discrepancies: BackupRecord<'discrepancies'>[], notes: Note[], index: ExportIndex): string[] {
  const lines = discrepancyLines(discrepancies, index);
  if (notes.length > 0) lines.push('Notes:', '', ...notes.flatMap(noteLines));
  return lines;
}

function discrepancyLines(rows: BackupRecord<'discrepancies'>[], index: ExportIndex): string[] {
  if (rows.length === 0) return [];
  const lines = ['Where the sources differ:', ''];
  for (const row of rows) {
    const values = row.values
      .map((value) => `${inline(index.outlet(value.source))}: “${inline(value.text)}”`)
      .join('; ');
    lines.push(`- ${row.kind.replace('-', ' ')}${row.about ? ` (${inline(row.about)})` : ''}: ${values}`);
  }
  lines.push('');
  return lines;
}

function noteLines(note: Note): string[] {
  const lines: string[] = [];
  const { target } = note;
  if (target.kind === 'selection') lines.push(`> “${inline(target.selectors.quote.exact)}”`, '>');
  for (const line of (note.body.trim() === '' ? '(no text)' : note.body).split(/\r?\n/))
    lines.push(`> ${lineStart(inline(line))}`);
  const facts = [
    note.tags.length > 0 ? `tags: ${note.tags.map((tag) => `#${inline(tag)}`).join(' ')}` : '',
    `written ${isoDay(note.created)}`,
    note.updated !== note.created ? `changed ${isoDay(note.updated)}` : '',
    note.orphaned ? 'its words are no longer in the article' : '',
  ].filter((fact) => fact !== '');
  lines.push('>', `> — ${facts.join(', ')}`, '');
  return lines;
}

function groupNotes(notes: Note[]) {
  const sorted = [...notes].sort((a, b) => a.created - b.created || compareStrings(a.id, b.id));
  return {
    person: groupBy(sorted, ({ target }) => (target.kind === 'person' ? target.person : undefined)),
    claim: groupBy(sorted, ({ target }) => (target.kind === 'claim' ? target.claim : undefined)),
    source: groupBy(sorted, ({ target }) =>
      target.kind === 'source' || target.kind === 'selection' ? target.source : undefined,
    ),
  };
}

function dateOf(source: Source): string {
  return source.published ? inline(source.published.slice(0, 10)) : `read ${isoDay(source.firstRead)}`;
}

/** Text on one line with every character Markdown or HTML could read as markup escaped. */
export function inline(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_{}[\]<>()#+!|~&"]/g, '\\$&');
}

/**
 * A line that would start a list, or that would be read as a rule or as the underline that makes the
 * line above it a heading (`---`, `===`); `inline` has already escaped `*`, `_`, `+` and `#`.
 */
function lineStart(text: string): string {
  return text.replace(/^(\s*)(-|\d+\.)(\s)/, '$1\\$2$3').replace(/^(\s*)([-=])(?=[-=\s]*$)/, '$1\\$2');
}

/** A link when the address is a web page; otherwise the title alone. */
function link(title: string, href: string): string {
  return /^https?:\/\//i.test(href)
    ? `[${inline(title)}](<${href.replace(/[<>\s]/g, encodeURIComponent)}>)`
    : inline(title);
}
