import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../store/test-support.ts';
import { exportAnnotations } from './annotations.ts';
import { csvCell, csvText } from './csv.ts';
import { exportDataOf, readSeedsWithNotes } from './test-support.ts';

/** RFC 4180, read strictly: records end in CRLF, quoted fields double their quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let at = 0;
  while (at < text.length) {
    let cell = '';
    if (text[at] === '"') {
      at++;
      for (;;) {
        const quote = text.indexOf('"', at);
        if (quote < 0) throw new Error('unterminated quoted field');
        cell += text.slice(at, quote);
        at = quote + 1;
        if (text[at] !== '"') break;
        cell += '"';
        at++;
      }
    } else {
      const end = text.slice(at).search(/,|\r\n/);
      cell = end < 0 ? text.slice(at) : text.slice(at, at + end);
      if (/["\r\n]/.test(cell)) throw new Error(`unquoted field with a quote or line break: ${cell}`);
      at = end < 0 ? text.length : at + end;
    }
    row.push(cell);
    if (text.startsWith(',', at)) at++;
    else if (text.startsWith('\r\n', at)) {
      rows.push(row);
      row = [];
      at += 2;
    } else if (at < text.length) throw new Error(`unexpected ${JSON.stringify(text[at])} at ${at}`);
  }
  return rows;
}

describe('the CSV export', () => {
  it('has one row per annotation, quoted as RFC 4180 says, that reads back as written', async () => {
    const db = freshDatabase();
    const { notes } = await readSeedsWithNotes(db);
    const data = await exportDataOf(db);
    const text = csvText(data);
    expect(text.startsWith('\ufeffkind,motivation,article,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(rows).toHaveLength(exportAnnotations(data).length);
    expect(rows.every((row) => row.length === header?.length)).toBe(true);
    const column = (name: string) => (header as string[]).indexOf(name);
    const claimNote = rows.find((row) => row[column('note')] === notes.claim.body);
    expect(claimNote?.[column('tags')]).toBe('wording');
    const denial = rows.find(
      (row) =>
        row[column('quote')] === 'Mr Dong has denied the allegations against him.' &&
        row[column('kind')] === 'allegation',
    );
    expect(denial?.[column('stance')]).toBe('denied');
    expect(denial?.[column('outlet')]).toBe('BBC News');
    expect(Number(denial?.[column('end')]) - Number(denial?.[column('start')])).toBe(47);
  });

  it('defuses what a spreadsheet would run as a formula', async () => {
    const db = freshDatabase();
    const { notes } = await readSeedsWithNotes(db);
    const rows = parseCsv(csvText(await exportDataOf(db)).slice(1));
    const cells = rows.flat();
    expect(cells).toContain(`'${notes.source.body}`);
    expect(cells.some((cell) => /^\s*[=+\-@\t\r]/.test(cell))).toBe(false);
  });

  it('keeps any text intact, but for the apostrophe that defuses a formula', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (value) => {
        const cell = csvCell(value);
        const [[read]] = parseCsv(
          `${cell.includes('"') || /[,\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell}\r\n`,
        ) as [[string]];
        expect(read).toBe(cell);
        expect(cell === value || cell === `'${value}`).toBe(true);
        expect(/^\s*[=+\-@\t\r]/.test(cell)).toBe(false);
      }),
    );
    for (const formula of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', '  =cmd|calc'])
      expect(csvCell(formula)).toBe(`'${formula}`);
  });
});
