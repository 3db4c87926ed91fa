import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './analyze.ts';
import { fixturesDir, repoRoot } from './lib/paths.ts';

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join(''), err };
}

interface Report {
  documents: {
    file: string;
    outlet: string | null;
    text: string;
    people: { name: string; mentions: { start: number; end: number; text: string }[] }[];
    allegations: {
      start: number;
      end: number;
      text: string;
      stance: string;
      accused: string[];
      attributedTo: string[];
    }[];
  }[];
  people: { name: string; variants: string[]; documents: number[] }[];
  allegations: {
    accused: string[];
    documents: number[];
    discrepancies: { kind: string; values: { document: number; text: string }[] }[];
  }[];
}

const seeds = [join(fixturesDir, 'bbc-han-dong.html'), join(fixturesDir, 'wion-han-dong.html')];

describe('npm run analyze -- --json on the two seed articles', () => {
  const { code, out, err } = run(['--json', ...seeds]);
  const report = JSON.parse(out) as Report;

  it('succeeds and says nothing on stderr', () => {
    expect(code).toBe(0);
    expect(err).toEqual([]);
  });

  it('names every person with their aliases resolved, at offsets into each document’s text', () => {
    const [bbc, wion] = report.documents;
    expect(bbc?.people.map((person) => person.name)).toEqual(
      expect.arrayContaining([
        'Han Dong',
        'Justin Trudeau',
        'Han Tao',
        'Michael Kovrig',
        'Michael Spavor',
        'Meng Wanzhou',
        'Wang Wenbin',
      ]),
    );
    const dong = bbc?.people.find((person) => person.name === 'Han Dong');
    expect(new Set(dong?.mentions.map((mention) => mention.text))).toEqual(new Set(['Han Dong', 'Dong']));
    expect(bbc?.people.find((person) => person.name === 'Han Tao')?.mentions.map((mention) => mention.text)).toEqual([
      'Han Tao',
      'Tao',
    ]);
    for (const document of report.documents) {
      for (const mention of document.people.flatMap((person) => person.mentions)) {
        expect(document.text.slice(mention.start, mention.end)).toBe(mention.text);
      }
      for (const allegation of document.allegations)
        expect(document.text.slice(allegation.start, allegation.end)).toBe(allegation.text);
    }
    expect(
      wion?.people.find((person) => person.name === 'Michael Spavor')?.mentions.map((mention) => mention.text),
    ).toContain('Sparov');
  });

  it('links both documents’ Han Dong, Han Tao, Michael Kovrig, Michael Spavor, Meng Wanzhou and Justin Trudeau', () => {
    for (const name of ['Han Dong', 'Han Tao', 'Michael Kovrig', 'Michael Spavor', 'Meng Wanzhou', 'Justin Trudeau']) {
      expect(report.people.find((person) => person.name === name)?.documents).toEqual([0, 1]);
    }
    expect(report.people.find((person) => person.name === 'Michael Spavor')?.variants).toContain('Sparov');
  });

  it('finds the allegation against Han Dong in both, with his denial, and what the reports disagree on', () => {
    for (const document of report.documents) {
      const aboutDong = document.allegations.filter((allegation) => allegation.accused.includes('Han Dong'));
      expect(aboutDong.some((allegation) => allegation.stance === 'denied')).toBe(true);
      expect(aboutDong.some((allegation) => allegation.stance !== 'denied')).toBe(true);
    }
    const claim = report.allegations.find(
      (candidate) => candidate.accused.includes('Han Dong') && candidate.documents.length === 2,
    );
    expect(claim?.discrepancies.map((discrepancy) => discrepancy.kind)).toEqual(
      expect.arrayContaining(['wording', 'attribution', 'weekday']),
    );
    expect(claim?.discrepancies.find((discrepancy) => discrepancy.kind === 'weekday')?.values).toEqual([
      { document: 1, text: 'Wednesday (March 24)' },
    ]);
  });
});

describe('npm run analyze without --json', () => {
  it('prints a readable report of each document and of what the sources share', () => {
    const { code, out } = run(seeds);
    expect(code).toBe(0);
    expect(out).toContain('BBC News: Han Dong: Canadian MP leaves Liberal caucus over China allegations (2023-03-23)');
    expect(out).toMatch(/Michael Spavor: BBC News, WION; written .*Sparov/);
    expect(out).toContain('! weekday (March 24, 2023 was a Friday): WION: “Wednesday (March 24)”');
  });
});

describe('npm run analyze on files it cannot read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-analyze-'));
  const text = join(dir, 'note.txt');
  writeFileSync(text, 'date 2023-03-23 Mr Dong has denied the allegations.\n\nHan Dong was accused of lobbying.');
  writeFileSync(join(dir, 'empty.txt'), ' \n');
  writeFileSync(join(dir, 'binary.html'), Buffer.from([0x3c, 0x00, 0xff, 0x10]));
  writeFileSync(join(dir, 'notes.pdf'), 'not an article');
  mkdirSync(join(dir, 'folder.txt'));

  it('says in one line what is wrong with each, exits non-zero, and still analyses the others', () => {
    const bad = ['missing.txt', 'empty.txt', 'binary.html', 'notes.pdf', 'folder.txt'].map((name) => join(dir, name));
    const { code, out, err } = run(['--json', bad[0] as string, text, ...bad.slice(1)]);
    expect(code).toBe(1);
    expect(err).toEqual([
      `analyze: ${bad[0]}: no such file`,
      `analyze: ${bad[1]}: empty file`,
      `analyze: ${bad[2]}: binary file, not text`,
      `analyze: ${bad[3]}: not an article file (expected .html or .txt)`,
      `analyze: ${bad[4]}: a directory, not a file`,
    ]);
    const report = JSON.parse(out) as Report;
    expect(report.documents.map((document) => document.file)).toEqual([text]);
    expect(report.documents[0]?.allegations.map((allegation) => allegation.stance)).toEqual(['denied', 'accused']);
  });

  it('explains how to call it when given nothing to read', () => {
    expect(run([])).toMatchObject({
      code: 2,
      err: ['usage: npm run analyze -- [--json | --format w3c|csv|md] FILE...  (FILE: .html or .txt)'],
    });
    expect(run(['--yaml', text]).code).toBe(2);
  });

  it('runs as a command, with errors on stderr and the exit code set', () => {
    let status = 0;
    let stderr = '';
    try {
      execFileSync(
        process.execPath,
        ['--import', 'tsx', join(repoRoot, 'scripts', 'analyze.ts'), join(dir, 'missing.txt')],
        {
          cwd: repoRoot,
          encoding: 'utf8',
          stdio: 'pipe',
        },
      );
    } catch (error) {
      status = (error as { status: number }).status;
      stderr = (error as { stderr: string }).stderr;
    }
    expect(status).toBe(1);
    expect(stderr.trim()).toBe(`analyze: ${join(dir, 'missing.txt')}: no such file`);
  });
});
