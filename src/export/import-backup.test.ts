import { describe, expect, it } from 'vitest';
import type { AnalysedArticle } from '../messaging/analysis-schema.ts';
import { articleAddress } from '../store/canonical-url.ts';
import type { CrosscheckDatabase } from '../store/database.ts';
import { ingestArticle } from '../store/ingest.ts';
import { createNote, updateNote } from '../store/notes.ts';
import type { NoteRecord } from '../store/records.ts';
import { changeSettings, readSettings } from '../store/settings-store.ts';
import { pageView } from '../store/page-view.ts';
import { mentionRecords } from '../store/source-mentions.ts';
import { freshDatabase, lookupSources, refuseWrites, snapshot } from '../store/test-support.ts';
import { backupText } from './backup-file.ts';
import { validateBackup } from './backup-validation.ts';
import { importBackup } from './import-backup.ts';
import { parseJson } from './json-safety.ts';
import { bbc, exportDataOf, readingTime, wion } from './test-support.ts';

async function backupOf(db: CrosscheckDatabase) {
  const data = await exportDataOf(db);
  return validateBackup(parseJson(backupText({ ...data, settings: await readSettings(db) })));
}

async function personNamed(db: CrosscheckDatabase, name: string) {
  const people = await db.people.filter((person) => person.name === name).toArray();
  expect(people, name).toHaveLength(1);
  return people[0] as NonNullable<(typeof people)[number]>;
}

const starAddress = articleAddress('https://www.thestar.com/news/councillor-accused');

/** A short article about someone who shares a surname with Han Dong, and nothing else. */
function kevinDongArticle(): AnalysedArticle {
  const text = 'Kevin Dong, a Toronto city councillor, was accused of taking bribes. Mr Dong denied it.';
  const at = (phrase: string) => ({ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length });
  return {
    metadata: { title: 'Councillor accused', outlet: 'Toronto Star', published: '2023-03-25' },
    analysis: {
      text,
      blocks: [{ kind: 'paragraph', ...at(text) }],
      people: [
        {
          id: 'p1',
          name: 'Kevin Dong',
          role: 'subject',
          mentions: [
            { ...at('Kevin Dong'), text: 'Kevin Dong', form: 'full' },
            {
              start: text.indexOf('Mr Dong') + 3,
              end: text.indexOf('Mr Dong') + 7,
              text: 'Dong',
              form: 'titled',
              title: 'Mr',
            },
          ],
          variants: ['Kevin Dong', 'Dong'],
          titles: ['city councillor'],
        },
      ],
      groups: [],
      allegations: [
        {
          ...at('Kevin Dong, a Toronto city councillor, was accused of taking bribes.'),
          text: 'Kevin Dong, a Toronto city councillor, was accused of taking bribes.',
          stance: 'accused',
          cue: at('accused of'),
          accused: ['p1'],
          attributedTo: [],
        },
      ],
    },
  };
}

describe('importing a backup into a store that already holds articles', () => {
  it('links its people and claims with the store’s, as reading its articles would have', async () => {
    const here = freshDatabase();
    await ingestArticle(here, bbc.address, bbc.article, readingTime);
    const hanDongHere = await personNamed(here, 'Han Dong');
    await createNote(here, { kind: 'person', person: hanDongHere.id }, { body: 'Mine', tags: [], colour: 'yellow' });

    const there = freshDatabase();
    await ingestArticle(there, wion.address, wion.article, readingTime + 86_400_000);
    await ingestArticle(there, starAddress, kevinDongArticle(), readingTime);
    const hanDongThere = await personNamed(there, 'Han Dong');
    await createNote(there, { kind: 'person', person: hanDongThere.id }, { body: 'Theirs', tags: [], colour: 'blue' });

    const result = await importBackup(here, await backupOf(there));
    expect(result.sources).toEqual({ added: 2, updated: 0, unchanged: 0 });
    expect(result.notes.added).toBe(1);
    expect(result.people.merged).toBeGreaterThan(0);

    // As if this store had read both articles: one Han Dong in both, one Spavor with both spellings.
    const hanDong = await personNamed(here, 'Han Dong');
    expect(hanDong.id).toBe(hanDongHere.id);
    expect(await here.appearances.where('person').equals(hanDong.id).count()).toBe(2);
    const spavor = await personNamed(here, 'Michael Spavor');
    expect(spavor.profile.variants.map((variant) => variant.text)).toEqual(
      expect.arrayContaining(['Spavor', 'Sparov']),
    );
    const claims = await here.claims.where('accused').equals(hanDong.id).toArray();
    expect(claims.some((claim) => claim.sources.length === 2)).toBe(true);
    const notes = await here.notes.where('target.person').equals(hanDong.id).toArray();
    expect(notes.map((note) => note.body).sort()).toEqual(['Mine', 'Theirs']);
    // Two people who share a surname stay two people.
    const kevinDong = await personNamed(here, 'Kevin Dong');
    expect(kevinDong.id).not.toBe(hanDong.id);

    // The same as reading everything here.
    const reader = freshDatabase();
    await ingestArticle(reader, bbc.address, bbc.article, readingTime);
    await ingestArticle(reader, wion.address, wion.article, readingTime + 86_400_000);
    await ingestArticle(reader, starAddress, kevinDongArticle(), readingTime);
    const names = async (db: CrosscheckDatabase) => (await db.people.toArray()).map((person) => person.name).sort();
    expect(await names(here)).toEqual(await names(reader));
    expect(await here.claims.count()).toBe(await reader.claims.count());
    expect(await here.discrepancies.count()).toBe(await reader.discrepancies.count());

    const once = await snapshot(here);
    const again = await importBackup(here, await backupOf(there));
    expect(again.sources).toEqual({ added: 0, updated: 0, unchanged: 2 });
    expect(again.notes).toEqual({ added: 0, updated: 0, unchanged: 1, orphaned: 0 });
    expect(await snapshot(here)).toEqual(once);
  });

  it('keeps a note about something neither the file nor the store holds, unattached, and says so', async () => {
    const there = freshDatabase();
    await ingestArticle(there, bbc.address, bbc.article, readingTime);
    const backup = await backupOf(there);
    const hanDong = await personNamed(there, 'Han Dong');
    const note = (id: string, target: NoteRecord['target']): NoteRecord => ({
      id,
      target,
      body: `about ${id}`,
      tags: [],
      colour: 'yellow',
      created: readingTime,
      updated: readingTime,
      orphaned: false,
    });
    const notes = [
      note('ghost-person', { kind: 'person', person: 'nobody' }),
      note('ghost-claim', { kind: 'claim', claim: 'nothing' }),
      note('ghost-article', { kind: 'source', source: 'https://nowhere.example/story' }),
      note('in-the-file', { kind: 'person', person: hanDong.id }),
      // A note from an export of a date range: about someone the reader's store holds, not the file.
      note('in-the-store', { kind: 'person', person: 'someone-here' }),
    ];
    const file = validateBackup(
      parseJson(backupText({ ...(await exportDataOf(there)), notes, settings: backup.settings })),
    );

    // Restored into an empty store, and merged into one that holds someone the file does not.
    for (const merged of [false, true]) {
      const here = freshDatabase();
      if (merged) await here.people.put({ ...hanDong, id: 'someone-here', name: 'Someone Here' });
      const result = await importBackup(here, file);
      expect(result.notes).toMatchObject({ added: 5, orphaned: merged ? 3 : 4 });
      const stored = await here.notes.bulkGet(notes.map(({ id }) => id));
      expect(stored.map((kept) => [kept?.body, kept?.orphaned])).toEqual([
        ['about ghost-person', true],
        ['about ghost-claim', true],
        ['about ghost-article', true],
        ['about in-the-file', false],
        ['about in-the-store', !merged],
      ]);
    }
  });

  it('counts as unattached only the notes it wrote: merging the same backup twice leaves none the second time', async () => {
    const there = freshDatabase();
    await ingestArticle(there, bbc.address, bbc.article, readingTime);
    const hanDong = await personNamed(there, 'Han Dong');
    const note = (id: string, target: NoteRecord['target'], updated = readingTime): NoteRecord => ({
      id,
      target,
      body: `about ${id} at ${updated}`,
      tags: [],
      colour: 'yellow',
      created: readingTime,
      updated,
      orphaned: false,
    });
    const backupWith = async (notes: NoteRecord[]) =>
      validateBackup(
        parseJson(backupText({ ...(await exportDataOf(there)), notes, settings: await readSettings(there) })),
      );
    const attached = note('attached', { kind: 'person', person: hanDong.id });
    const file = await backupWith([attached, note('ghost', { kind: 'person', person: 'nobody' })]);

    // A store that holds an article already: the backup is merged into it.
    const here = freshDatabase();
    await ingestArticle(here, wion.address, wion.article, readingTime);
    expect((await importBackup(here, file)).notes).toEqual({ added: 2, updated: 0, unchanged: 0, orphaned: 1 });
    expect((await importBackup(here, file)).notes).toEqual({ added: 0, updated: 0, unchanged: 2, orphaned: 0 });
    expect((await here.notes.get('ghost'))?.orphaned).toBe(true);

    // The unattached note, changed since: written again, and counted again, as the one it updated.
    const changed = await backupWith([attached, note('ghost', { kind: 'person', person: 'nobody' }, readingTime + 1)]);
    expect((await importBackup(here, changed)).notes).toEqual({ added: 0, updated: 1, unchanged: 1, orphaned: 1 });
  });

  it('keeps the version of an article read last, and the version of a note changed last', async () => {
    const db = freshDatabase();
    await ingestArticle(db, bbc.address, bbc.article, readingTime);
    const note = await createNote(
      db,
      { kind: 'source', source: bbc.address.url },
      { body: 'First', tags: [], colour: 'yellow' },
      readingTime,
    );
    const backup = await backupOf(db);

    // Since the backup, the article was edited and read again, and the note rewritten.
    const edited = {
      ...bbc.article,
      analysis: { ...bbc.article.analysis, text: `${bbc.article.analysis.text} Updated.` },
    };
    await ingestArticle(db, bbc.address, edited, readingTime + 1000);
    await updateNote(db, note.id, { body: 'Second' }, readingTime + 2000);
    const hash = (await db.sources.get(bbc.address.url))?.contentHash;
    const result = await importBackup(db, backup);
    expect(result.sources).toEqual({ added: 0, updated: 0, unchanged: 1 });
    expect(result.notes).toEqual({ added: 0, updated: 0, unchanged: 1, orphaned: 0 });
    expect((await db.sources.get(bbc.address.url))?.contentHash).toBe(hash);
    expect((await db.notes.get(note.id))?.body).toBe('Second');

    // The other way round: the backup is the newer one.
    const fresh = freshDatabase();
    await ingestArticle(fresh, bbc.address, edited, readingTime - 5000);
    await createNote(
      fresh,
      { kind: 'source', source: bbc.address.url },
      { body: 'Old', tags: [], colour: 'yellow' },
      readingTime - 5000,
    );
    await fresh.notes.put({ ...note, body: 'Older', updated: readingTime - 1 });
    const newer = await importBackup(fresh, backup);
    expect(newer.sources).toEqual({ added: 0, updated: 1, unchanged: 0 });
    expect(newer.notes).toEqual({ added: 0, updated: 1, unchanged: 0, orphaned: 0 });
    expect((await fresh.sources.get(bbc.address.url))?.contentHash).toBe(backup.sources[0]?.contentHash);
    expect((await fresh.notes.get(note.id))?.body).toBe('First');
    expect(mentionRecords(await fresh.sourceMentions.get(bbc.address.url))).toHaveLength(backup.mentions.length);
  });

  it('keeps the page a note was written on when a newer version of it comes from a backup that did not keep it', async () => {
    const db = freshDatabase();
    await ingestArticle(db, bbc.address, bbc.article, readingTime);
    const note = await createNote(
      db,
      { kind: 'source', source: bbc.address.url },
      { body: 'First', tags: [], colour: 'yellow', writtenOn: bbc.address.url },
      readingTime,
    );
    const backup = await backupOf(db);
    // Rewritten later by a Crosscheck from before notes kept where they were written.
    const older = {
      ...backup,
      notes: backup.notes.map(({ writtenOn: _, ...kept }) => ({ ...kept, body: 'Second', updated: readingTime + 1 })),
    };
    expect((await importBackup(db, older)).notes.updated).toBe(1);
    expect(await db.notes.get(note.id)).toMatchObject({ body: 'Second', writtenOn: bbc.address.url });
  });

  it('keeps the store’s settings and adds the sites the backup switched off', async () => {
    const db = freshDatabase();
    await ingestArticle(db, bbc.address, bbc.article, readingTime);
    await changeSettings(db, { mode: 'on-demand', disabledSites: ['example.org'] });
    const backup = await backupOf(db);
    await changeSettings(db, { mode: 'auto', disabledSites: ['example.com'] });
    await importBackup(db, { ...backup, settings: { mode: 'off', disabledSites: ['example.org'] } });
    expect(await readSettings(db)).toEqual({ mode: 'auto', disabledSites: ['example.com', 'example.org'] });
  });

  it('writes all of it or, when the browser refuses a write, none of it', async () => {
    const db = freshDatabase();
    await ingestArticle(db, bbc.address, bbc.article, readingTime);
    const other = freshDatabase();
    await ingestArticle(other, wion.address, wion.article, readingTime);
    const backup = await backupOf(other);
    const before = await snapshot(db);
    const restore = refuseWrites({ after: 20 });
    try {
      await expect(importBackup(db, backup)).rejects.toThrow();
    } finally {
      restore();
    }
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('what a page’s lookup shows of other sources after an import', () => {
  const retitled = { ...bbc.article, metadata: { ...bbc.article.metadata, title: 'Han Dong leaves caucus' } };

  async function expectCurrent(db: CrosscheckDatabase) {
    const shown = await lookupSources(db);
    expect(shown.length).toBeGreaterThan(0);
    for (const { page, shown: summary, stored } of shown) expect(summary, page).toEqual(stored);
  }

  it('is the version of each source the store keeps, when merged', async () => {
    const read = freshDatabase();
    await ingestArticle(read, bbc.address, retitled, readingTime + 5000);
    await ingestArticle(read, wion.address, wion.article, readingTime + 6000);
    const backup = await backupOf(read);

    // The store read the same BBC article earlier, under its first title: it keeps its version, read last when the backup's was.
    const db = freshDatabase();
    await ingestArticle(db, bbc.address, bbc.article, readingTime);
    await importBackup(db, backup);
    const view = await pageView(db, wion.address.url);
    const shown = view?.people.flatMap((person) => person.otherSources.map((other) => other.source)) ?? [];
    expect(shown.length).toBeGreaterThan(0);
    for (const source of shown) expect(source).toMatchObject({ title: bbc.article.metadata.title });
    expect((await db.sources.get(bbc.address.url))?.lastRead).toBe(readingTime + 5000);
    await expectCurrent(db);
  });

  it('is counted again from a backup written before the store copied it', async () => {
    const read = freshDatabase();
    await ingestArticle(read, bbc.address, bbc.article, readingTime);
    await ingestArticle(read, wion.address, wion.article, readingTime + 6000);
    const data = await exportDataOf(read);
    const text = backupText({ ...data, settings: await readSettings(read) });
    const older = JSON.parse(text, (key, value: unknown) =>
      key === 'recent' && Array.isArray(value)
        ? value.map(({ source: _source, ...entry }: Record<string, unknown>) => entry)
        : value,
    ) as unknown;
    expect(JSON.stringify(older)).not.toEqual(text);
    const db = freshDatabase();
    await importBackup(db, validateBackup(older));
    await expectCurrent(db);
    // Everything as it was read, the copies included (the settings, which the import writes, aside).
    const research = ({ settings: _settings, ...tables }: Record<string, unknown[]>) => tables;
    expect(research(await snapshot(db))).toEqual(research(await snapshot(read)));
  });
});
