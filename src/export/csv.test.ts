import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../store/test-support.ts';
import { exportAnnotations } from './annotations.ts';
import { csvField, csvText } from './csv.ts';
import { exportDataOf, readSeedsWithNotes, seedsWithSourceNote } from './test-support.ts';

/** RFC 4180, read strictly: records end in CRLF, quoted fields double their quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let at = 0;
  while (at < text.length) {
    let cell: string;
    if (text[at] === '"') [cell, at] = quotedCell(text, at);
    else {
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

/** The text of the quoted cell that opens at `at`, and where its closing quote ends. */
function quotedCell(text: string, at: number): [string, number] {
  let cell = '';
  for (at++; ; at++) {
    const quote = text.indexOf('"', at);
    if (quote < 0) throw new Error('unterminated quoted field');
    cell += text.slice(at, quote);
    at = quote + 1;
    if (text[at] !== '"') return [cell, at];
    cell += '"';
  }
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

  it('keeps any text intact, quoted, but for the apostrophes that defuse a formula', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (value) => {
        const field = csvField(value);
        expect(field.startsWith('"') && field.endsWith('"')).toBe(true);
        const [[read]] = parseCsv(`${field}\r\n`) as [[string]];
        expect(read.replaceAll("'", '')).toBe(value.replaceAll("'", ''));
        for (const separator of [';', '\t', '\n'])
          expect(spreadsheetCells(field, separator).filter(isFormula)).toEqual([]);
      }),
    );
    for (const formula of ['=1+1', '+1', '-1', '@SUM(A1)', '  =cmd|calc'])
      expect(csvField(formula)).toBe(`"'${formula}"`);
    expect(csvField('\t=1')).toBe(`"'\t'=1"`);
    expect(csvField(12)).toBe('12');
    expect(csvField(undefined)).toBe('');
  });

  it('defuses a formula after a semicolon, tab or line break, read with "," or ";" as the separator', async () => {
    const db = freshDatabase();
    const body = 'Lobbied a Chinese diplomat;=1+1 according to Global News; @SUM(A1)\n-2 or +3\t=cmd|calc';
    await seedsWithSourceNote(db, body);
    const text = csvText(await exportDataOf(db)).slice(1);

    const [header, ...rows] = parseCsv(text);
    const note = rows
      .map((row) => row[(header as string[]).indexOf('note')])
      .find((cell) => cell?.startsWith('Lobbied'));
    expect(note).toBe("Lobbied a Chinese diplomat;'=1+1 according to Global News;' @SUM(A1)\n'-2 or +3\t'=cmd|calc");
    expect(rows.flat().filter(isFormula)).toEqual([]);

    const semicolonCells = spreadsheetCells(text, ';');
    expect(semicolonCells.some((cell) => cell.startsWith("'=1+1 according to Global News"))).toBe(true);
    expect(semicolonCells.filter(isFormula)).toEqual([]);
  });
});

/** A cell that a spreadsheet would evaluate. */
function isFormula(cell: string): boolean {
  return /^\s*[=+\-@\t\r]/.test(cell);
}

/**
 * The cells that a lenient reader splitting on `separator` finds, as Python's csv module and spreadsheets
 * do with a file whose separator is not theirs: a quote opens a quoted cell only at the cell's start, a
 * quote anywhere else is text, and a line break outside quotes ends the row.
 */
function spreadsheetCells(text: string, separator: string): string[] {
  const cells: string[] = [];
  let at = 0;
  while (at < text.length) {
    let cell = '';
    if (text[at] === '"') [cell, at] = quotedCell(text, at);
    while (at < text.length && text[at] !== separator && text[at] !== '\r' && text[at] !== '\n') cell += text[at++];
    cells.push(cell);
    at++;
  }
  return cells;
}
