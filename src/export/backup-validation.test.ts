import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../store/test-support.ts';
import { backupText } from './backup-file.ts';
import { validateBackup } from './backup-validation.ts';
import { ImportError } from './import-problems.ts';
import { assertSafeJson, parseJson } from './json-safety.ts';
import type { ExportScope } from '../messaging/contract.ts';
import { bbc, exportDataOf, readingTime, readSeedsWithNotes } from './test-support.ts';

type Row = Record<string, unknown>;
type Backup = Row &
  Record<
    'sources' | 'people' | 'appearances' | 'mentions' | 'allegations' | 'claims' | 'discrepancies' | 'notes',
    Row[]
  >;

/** The rows without those `which` picks, of which there must be some. */
function withoutRecord(rows: Row[], which: (row: Row) => boolean): Row[] {
  const kept = rows.filter((row) => !which(row));
  expect(kept.length).toBeLessThan(rows.length);
  return kept;
}

function personId(backup: Backup, name: string): unknown {
  return backup.people.find((person) => person.name === name)?.id;
}

async function goodBackup(): Promise<Backup> {
  const db = freshDatabase();
  await readSeedsWithNotes(db);
  const data = await exportDataOf(db);
  return parseJson(backupText({ ...data, settings: { mode: 'auto', disabledSites: [] } })) as Backup;
}

/** The message a file is refused with. */
function refusal(text: string): string {
  try {
    const value = parseJson(text);
    assertSafeJson(value);
    validateBackup(value);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as Error).message;
  }
  throw new Error('the file was accepted');
}

describe('a broken backup is refused with where and what', () => {
  const cases: [string, (backup: Backup) => unknown, string | RegExp][] = [
    ['a wrong type', (b) => ({ ...b, notes: [{ ...b.notes[0], body: 42 }] }), 'notes[0].body: expected text, found 42'],
    [
      'a colour that is not one',
      (b) => ({ ...b, notes: [{ ...b.notes[0], colour: 'red;background:url(x)' }] }),
      'notes[0].colour: expected "yellow", "green", "blue", "pink" or "purple", found "red;background:url(x)"',
    ],
    [
      'a missing field',
      (b) => ({ ...b, sources: [{ ...b.sources[0], url: undefined }] }),
      'sources[0].url: missing: this field is required',
    ],
    [
      'an unknown key',
      (b) => ({ ...b, notes: [{ ...b.notes[0], pwned: true }] }),
      'notes[0].pwned: this key is not part of the format',
    ],
    [
      'a huge string',
      (b) => ({ ...b, notes: [{ ...b.notes[0], body: 'x'.repeat(100_001) }] }),
      'notes[0].body: too long: 100001 where at most 100000 are allowed',
    ],
    ['a list where a record goes', (b) => ({ ...b, people: 'everyone' }), 'people: expected a list, found "everyone"'],
    [
      'a newer format',
      (b) => ({ ...b, version: 2 }),
      /^This backup was made by a newer Crosscheck \(backup format 2; this one reads up to 1\)/,
    ],
    [
      'another kind of file',
      (b) => ({ ...b, format: 'zotero' }),
      'format: expected "crosscheck-backup": this is not a Crosscheck backup',
    ],
    [
      'a date that is not one',
      (b) => ({ ...b, exported: 'yesterday' }),
      'exported: expected an ISO 8601 date and time',
    ],
    [
      'two notes with one id',
      (b) => ({ ...b, notes: [b.notes[0], b.notes[0]] }),
      /^notes\[1\]: the same record as notes\[0\] \(/,
    ],
    [
      'findings about an article the backup lacks',
      (b) => ({ ...b, sources: (b.sources as unknown[]).slice(1) }),
      /^appearances\[0\]\.source: no article with this address in sources: http:\/\/127\.0\.0\.1:8127\/news\/world-us-canada-han-dong \(and \d+ more problems\)$/,
    ],
    [
      'a link to an article that is not a web address',
      (b) => ({
        ...b,
        sources: [{ ...b.sources[0], href: 'javascript:alert(document.domain)' }, ...b.sources.slice(1)],
      }),
      /^sources\[0\]\.href: expected a web address \(http:\/\/ or https:\/\/\)/,
    ],
    [
      'findings about a person the backup lacks',
      (b) => ({ ...b, people: withoutRecord(b.people, (person) => person.name === 'Han Dong') }),
      /^appearances\[\d+\]\.person: no person with this id in people: [\w-]+ \(and \d+ more problems\)$/,
    ],
    [
      'an accused the backup lacks',
      (b) => ({
        ...b,
        appearances: withoutRecord(b.appearances, (row) => row.person === personId(b, 'Han Dong')),
        mentions: withoutRecord(b.mentions, (row) => row.person === personId(b, 'Han Dong')),
        people: withoutRecord(b.people, (person) => person.name === 'Han Dong'),
      }),
      /^allegations\[\d+\]\.accused\[0\]: no person with this id in people: [\w-]+/,
    ],
    [
      'an allegation of a claim the backup lacks',
      (b) => ({ ...b, claims: b.claims.slice(1) }),
      /^allegations\[\d+\]\.claim: no claim with this id in claims: [\w-]+/,
    ],
    [
      'a discrepancy about a claim the backup lacks',
      (b) => ({
        ...b,
        discrepancies: [...b.discrepancies, { subject: 'claim:nobody', index: 0, kind: 'date', values: [] }],
      }),
      /^discrepancies\[\d+\]\.subject: no claim with this id in claims: nobody$/,
    ],
  ];

  it.each(cases)('%s', async (_, change, message) => {
    expect(refusal(JSON.stringify(change(await goodBackup())))).toMatch(message);
  });

  it('counts every problem and names the first five', async () => {
    const backup = await goodBackup();
    const notes = backup.notes.map((note) => ({ ...note, colour: 'teal' }));
    const message = refusal(JSON.stringify({ ...backup, notes }));
    expect(message).toMatch(/^notes\[0\]\.colour: .*\(and 3 more problems\)$/);
  });
});

describe('what Crosscheck exports passes the checks', () => {
  it('for every scope: the records a part of the store refers to come with it', async () => {
    const db = freshDatabase();
    const { hanDong, spavor, claim } = await readSeedsWithNotes(db);
    const scopes: ExportScope[] = [
      { kind: 'everything' },
      { kind: 'page', url: bbc.page },
      { kind: 'person', id: hanDong },
      { kind: 'person', id: spavor },
      { kind: 'claim', id: claim },
      { kind: 'dates', from: Date.UTC(2023, 2, 24), to: Date.UTC(2023, 2, 24, 23, 59) },
      { kind: 'dates', from: readingTime + 2 * 86_400_000 },
    ];
    for (const scope of scopes) {
      const data = await exportDataOf(db, scope);
      const backup = validateBackup(parseJson(backupText({ ...data, settings: { mode: 'auto', disabledSites: [] } })));
      expect(backup.notes.length + backup.sources.length, scope.kind).toBeGreaterThan(0);
    }
  });
});

describe('hostile input is refused safely', () => {
  it('a __proto__ key, anywhere', async () => {
    const backup = JSON.stringify(await goodBackup());
    const text = backup.replace('"body":', '"__proto__":{"polluted":true},"body":');
    expect(refusal(text)).toBe(
      'notes[0].__proto__: the key "__proto__" is not allowed: it could change how objects behave',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('nesting a hundred thousand levels deep', () => {
    const text = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(refusal(text)).toMatch(/^\[0\](\[0\]){63}: nested more than 64 levels deep/);
  });

  it('text that is not JSON, with where', () => {
    expect(refusal('{"format": "crosscheck-backup",\n  "version": 1,\n  oops }')).toMatch(
      /^The file is not valid JSON: .*line 3/,
    );
  });

  it('JSON that is not an object', () => {
    expect(refusal('[1, 2, 3]')).toBe('This file is not a Crosscheck backup: it holds no backup header.');
  });
});
