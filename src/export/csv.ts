/**
 * The export as CSV for spreadsheets: one row per annotation (person mention, allegation, note),
 * written as RFC 4180 says (quotes doubled, CRLF between records), UTF-8 with a byte order mark so
 * that spreadsheets read it as such.
 *
 * Page text and notes are data, never formulas: a cell that a spreadsheet would evaluate (one that
 * starts with =, +, -, @, a tab or a carriage return, even after spaces) gets a leading apostrophe,
 * as OWASP recommends against CSV injection.
 *
 * Excel in German, French, Spanish, Italian or Dutch opens a `.csv` with `;` as the separator, and
 * page text such as `diplomat;=1+1` then starts a new cell with a formula. Every text cell is quoted,
 * so a reader that splits on `;` but honours quotes keeps it whole. Quoting alone is not enough,
 * though: such a reader sees this file's fields as `"allegation","questioning",…` run together, so its cells
 * do not start with a quote, and it takes the quotes inside them for text (Python's csv module with
 * `delimiter=';'` does). A formula start after a `;`, a tab or a line break inside a cell (the places
 * where such a reader starts a cell or a row) is therefore defused with an apostrophe too.
 */
import { type ExportAnnotation, exportAnnotations } from './annotations.ts';
import type { ExportData } from './export-data.ts';

const columns: { header: string; cell: (annotation: ExportAnnotation) => string | number | undefined }[] = [
  { header: 'kind', cell: (a) => a.kind },
  { header: 'motivation', cell: (a) => a.motivation },
  { header: 'article', cell: (a) => a.target.article?.title },
  { header: 'outlet', cell: (a) => a.target.article?.outlet },
  { header: 'published', cell: (a) => a.target.article?.published },
  { header: 'address', cell: (a) => a.target.source },
  { header: 'quote', cell: (a) => a.target.quote?.exact },
  { header: 'prefix', cell: (a) => a.target.quote?.prefix },
  { header: 'suffix', cell: (a) => a.target.quote?.suffix },
  { header: 'start', cell: (a) => a.target.position?.start },
  { header: 'end', cell: (a) => a.target.position?.end },
  { header: 'people', cell: (a) => a.people.map((person) => person.name).join('; ') },
  { header: 'stance', cell: (a) => a.stance },
  { header: 'attributed to', cell: (a) => a.attributedTo.join('; ') },
  { header: 'claim', cell: (a) => a.claim?.name },
  { header: 'note', cell: (a) => a.note?.body },
  { header: 'tags', cell: (a) => a.note?.tags.join('; ') },
  { header: 'colour', cell: (a) => a.note?.colour },
  { header: 'note about', cell: (a) => a.note?.about },
  { header: 'orphaned', cell: (a) => (a.note ? String(a.note.orphaned) : undefined) },
  { header: 'created', cell: (a) => (a.note ? new Date(a.note.created).toISOString() : undefined) },
  { header: 'modified', cell: (a) => (a.note ? new Date(a.note.updated).toISOString() : undefined) },
  { header: 'person ids', cell: (a) => a.people.map((person) => person.iri).join(' ') },
  { header: 'claim id', cell: (a) => a.claim?.iri },
  { header: 'id', cell: (a) => a.id },
];

export function csvText(data: ExportData): string {
  // The headers are ours and hold no separator, quote or formula: left bare, for scripts that match them.
  const rows = [columns.map((column) => column.header)];
  for (const annotation of exportAnnotations(data))
    rows.push(columns.map((column) => csvField(column.cell(annotation))));
  return `\ufeff${rows.map((row) => row.join(',')).join('\r\n')}\r\n`;
}

/** Where a reader that splits on `;`, tabs or lines would start a cell with a formula. */
const formulaAfterSeparator = /(?<=[;\t\r\n])(?=[^\S\t\r\n]*[=+\-@\t\r])/g;

/** A value as a field of the file: text defused if a spreadsheet would take it for a formula, and quoted. */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = (/^\s*[=+\-@\t\r]/.test(value) ? `'${value}` : value).replace(formulaAfterSeparator, "'");
  return `"${text.replaceAll('"', '""')}"`;
}
