import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../store/test-support.ts';
import { inline, markdownReport } from './markdown-report.ts';
import { exportDataOf, readSeedsWithNotes, seedsWithSourceNote } from './test-support.ts';

describe('the Markdown report', () => {
  it('for everything: sources, people with their spellings by outlet, claims worded side by side, notes', async () => {
    const db = freshDatabase();
    const { notes } = await readSeedsWithNotes(db);
    const report = markdownReport(await exportDataOf(db));
    expect(report).toMatch(
      /^# Crosscheck report: everything read\n\nExported 2023-04-01 by Crosscheck 0\.1\.0: 2 articles, \d+ people, \d+ claims, 4 notes\.\n/,
    );
    expect(report).toContain(
      '| 2023-03-23 | BBC News | [Han Dong: Canadian MP leaves Liberal caucus over China allegations](<http://127.0.0.1:8127/news/world-us-canada-han-dong>) |',
    );
    expect(report).toContain('### Michael Spavor');
    expect(report).toMatch(/- “Sparov”: WION/);
    // The claim against Han Dong: each outlet's wording in one table, the BBC's first.
    const claim = report
      .split('\n### ')
      .find((section) => section.includes('| BBC News | 2023-03-23 | accused | Han Dong has been accused of lobbying'));
    expect(claim).toBeDefined();
    const bbcRow = claim?.indexOf('| BBC News | 2023-03-23 |') ?? -1;
    const wionRow = claim?.indexOf('| WION | 2023-03-24 |') ?? -1;
    expect(bbcRow).toBeGreaterThan(0);
    expect(wionRow).toBeGreaterThan(bbcRow);
    expect(claim).toContain('Accused: Han Dong. First reported by BBC News (2023-03-23). 2 sources.');
    expect(report).toContain('Where the sources differ:');
    expect(report).toContain(`> ${inline(notes.claim.body)}`);
    expect(report).toContain('> — tags: #Call #Ottawa, written 2023-03-25');
    expect(report).toContain('> “Mr Dong has denied the allegations against him\\.”'.replace('\\.', '.'));
  });

  it('for one person: their dossier, and no one else’s', async () => {
    const db = freshDatabase();
    const { hanDong, notes } = await readSeedsWithNotes(db);
    const report = markdownReport(await exportDataOf(db, { kind: 'person', id: hanDong }));
    expect(report).toMatch(/^# Crosscheck report: Han Dong\n/);
    expect(report).toContain('### Han Dong');
    expect(report).not.toContain('### Michael Spavor');
    expect(report).toContain(notes.person.body);
    expect(report).not.toContain('HYPERLINK');
  });

  it('for one story (a claim): each outlet’s wording side by side, its accused, and the notes on it', async () => {
    const db = freshDatabase();
    const { claim, notes } = await readSeedsWithNotes(db);
    const report = markdownReport(await exportDataOf(db, { kind: 'claim', id: claim }));
    const rows = report.split('\n').filter((line) => /^\| (BBC News|WION) \|/.test(line));
    expect(rows.map((row) => row.split(' | ')[0])).toEqual(expect.arrayContaining(['| BBC News', '| WION']));
    expect(report).toContain('Han Dong has been accused of lobbying a Chinese diplomat');
    expect(report).toMatch(/First reported by BBC News \(2023-03-23\)\. 2 sources\./);
    expect(report).toContain('### Han Dong');
    expect(report).not.toContain('### Justin Trudeau');
    expect(report).toContain(inline(notes.claim.body));
    expect(report).not.toContain(notes.person.body);
  });

  it('escapes page text and notes, so nothing in them becomes markup', async () => {
    const db = freshDatabase();
    const { notes } = await readSeedsWithNotes(db);
    const report = markdownReport(await exportDataOf(db));
    expect(notes.source.body).toContain('<script>');
    expect(report).not.toContain('<script>');
    expect(report).toContain('\\<script\\>alert\\(1\\)\\</script\\>');
    expect(report).toContain('\\| \\# not a heading');
    expect(inline('[a](javascript:x) ![i](http://t.example/p.png) **b** `c` <b> & | ~~s~~')).toBe(
      '\\[a\\]\\(javascript:x\\) \\!\\[i\\]\\(http://t.example/p.png\\) \\*\\*b\\*\\* \\`c\\` \\<b\\> \\& \\| \\~\\~s\\~\\~',
    );
  });

  it('keeps a note line of dashes or equals signs as text, never a rule or the underline of a heading', async () => {
    const db = freshDatabase();
    const body = 'Check the date\n---\nSecond point\n===\n  -\n***\n___\n- - -\n= =';
    await seedsWithSourceNote(db, body);
    const report = markdownReport(await exportDataOf(db));
    const start = report.indexOf('> Check the date\n');
    const quoted = report.slice(start).split('\n').slice(0, body.split('\n').length);
    expect(quoted).toEqual([
      '> Check the date',
      '> \\---',
      '> Second point',
      '> \\===',
      '>  \\-',
      '> \\*\\*\\*',
      '> \\_\\_\\_',
      '> \\- - -',
      '> \\= =',
    ]);
    // CommonMark's setext heading underline and thematic break, inside the note's block quote.
    const lines = quoted.map((line) => line.slice(2));
    expect(lines.filter((line) => /^ {0,3}(=+|-+)[ \t]*$/.test(line))).toEqual([]);
    expect(lines.filter((line) => /^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$/.test(line))).toEqual([]);
  });
});
