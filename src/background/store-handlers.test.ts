import type { Runtime } from 'webextension-polyfill';
import { describe, expect, it, vi } from 'vitest';
import type { ExtensionRequest } from '../messaging/contract.ts';
import { type SeedPage, seedPages, snapshot } from '../store/test-support.ts';
import { canonicalUrl } from '../store/canonical-url.ts';
import { pageNoteLimit } from '../store/notes.ts';
import { copyRefusal } from '../store/page-note-rights.ts';
import type { NoteRecord } from '../store/records.ts';
import type { PageView, PersonView } from '../store/views.ts';
import { testBackground } from './test-support.ts';

const extension = { id: 'crosscheck-id', origin: 'chrome-extension://crosscheck-id/' };
const [bbc, wion] = seedPages() as [SeedPage, SeedPage];

function tab(url: string, id = 7): Runtime.MessageSender {
  return {
    id: extension.id,
    url,
    tab: { id, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
  };
}
const popup: Runtime.MessageSender = { id: extension.id, url: `${extension.origin}popup.html` };

function background() {
  const announce = vi.fn();
  const settingsChanged = vi.fn();
  const { db, route, send, storeArticle } = testBackground({ announce, settingsChanged }, extension);
  const read = (page: SeedPage) => storeArticle(page.article, page.page);
  return { db, route, send, read, storeArticle, announce, settingsChanged };
}

describe('a content script', () => {
  it('stores its own page and is answered with what other sources say about it', async () => {
    const { read, announce } = background();
    expect((await read(bbc)).outcome).toBe('added');
    const { outcome, view } = await read(wion);
    expect(outcome).toBe('added');
    expect(view.source.outlet).toBe('WION');
    expect(view.people.find((person) => person.name === 'Han Dong')?.otherSources[0]?.source.outlet).toBe('BBC News');
    expect(announce).toHaveBeenCalledWith(['sources', 'people', 'claims', 'notes']);
    expect((await read(wion)).outcome).toBe('unchanged');
  });

  it('is answered about its own page only, whatever address its message names', async () => {
    const { read, send } = background();
    await read(bbc);
    await read(wion);
    const lookup = { type: 'page/lookup', url: bbc.page } as unknown;
    const view = await send<PageView | null>(lookup, tab(wion.page));
    expect(view?.source.outlet).toBe('WION');
    expect(await send<PageView | null>({ type: 'page/lookup' }, tab('https://news.example.org/unread'))).toBeNull();
  });

  it('may not reach the requests meant for the extension’s own pages', async () => {
    const { db, route, read } = background();
    await read(bbc);
    const before = await snapshot(db);
    const requests: ExtensionRequest[] = [
      { type: 'store/search', search: { query: 'dong', sort: 'relevance', limit: 50 } },
      { type: 'store/person', id: 'x' },
      { type: 'settings/set', changes: { mode: 'off' } },
      {
        type: 'notes/create',
        target: { kind: 'source', source: bbc.address.url },
        body: 'x',
        tags: [],
        colour: 'yellow',
      },
      { type: 'store/delete-everything' },
    ];
    for (const request of requests) {
      expect(await route(request, tab(bbc.page))).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^malformed message/) as string,
      });
    }
    expect(await snapshot(db)).toEqual(before);
  });

  it('writes notes only about its own page', async () => {
    const { db, send, read } = background();
    await read(bbc);
    await read(wion);
    const wenbin = (await db.people.filter((person) => person.name === 'Wang Wenbin').first())?.id;
    const hanDong = (await db.people.filter((person) => person.name === 'Han Dong').first())?.id;
    const content = { body: 'note', tags: ['a'], colour: 'blue' };

    // Wang Wenbin is named by the BBC only.
    await expect(
      send({ type: 'page/note-create', target: { kind: 'person', person: wenbin }, ...content }, tab(wion.page)),
    ).rejects.toThrow('That person is not on this page.');
    const note = await send<NoteRecord>(
      { type: 'page/note-create', target: { kind: 'person', person: hanDong }, ...content },
      tab(wion.page),
    );
    const onBbc = await send<NoteRecord>(
      { type: 'page/note-create', target: { kind: 'source' }, ...content },
      tab(bbc.page),
    );
    expect(onBbc.target).toEqual({ kind: 'source', source: bbc.address.url });

    await expect(send({ type: 'page/note-delete', id: onBbc.id }, tab(wion.page))).rejects.toThrow(
      'There is no such note on this page.',
    );
    await expect(
      send({ type: 'page/note-update', id: onBbc.id, changes: { body: 'defaced' } }, tab(wion.page)),
    ).rejects.toThrow('There is no such note on this page.');
    expect((await db.notes.get(onBbc.id))?.body).toBe('note');

    // Han Dong is on both pages, so either may add a note about him; WION may change the one it wrote.
    const updated = await send<NoteRecord>(
      { type: 'page/note-update', id: note.id, changes: { tags: ['b'] } },
      tab(wion.page),
    );
    expect(updated.tags).toEqual(['b']);
    await expect(
      send(
        { type: 'page/note-create', target: { kind: 'source' }, ...content },
        tab('https://news.example.org/unread'),
      ),
    ).rejects.toThrow('Crosscheck has not read this page yet.');
  });

  it('records the page a note was written on from the sender, never from the message', async () => {
    const { db, send, read } = background();
    await read(bbc);
    await read(wion);
    const hanDong = (await db.people.filter((person) => person.name === 'Han Dong').first())?.id;
    const content = { body: 'note', tags: [], colour: 'blue' };
    const forged = { type: 'page/note-create', target: { kind: 'person', person: hanDong }, ...content };
    const note = await send<NoteRecord>({ ...forged, writtenOn: bbc.address.url }, tab(wion.page));
    expect(note.writtenOn).toBe(wion.address.url);
    expect((await db.notes.get(note.id))?.writtenOn).toBe(wion.address.url);
    const inNotebook = await send<NoteRecord>(
      { type: 'notes/create', target: { kind: 'person', person: hanDong }, ...content },
      popup,
    );
    expect(inNotebook).not.toHaveProperty('writtenOn');

    // The views name the outlet it was written on, with its site, which the page cannot choose as it
    // chooses the outlet it names; the site alone once that article is forgotten.
    const site = new URL(wion.address.url).hostname;
    const outletOnBbc = async (id: string) => {
      const bbcView = await send<PageView>({ type: 'page/lookup' }, tab(bbc.page));
      return bbcView.people.find((person) => person.id === hanDong)?.notes.find((each) => each.id === id);
    };
    expect((await outletOnBbc(note.id))?.writtenOnOutlet).toBe(`WION (${site})`);
    expect(await outletOnBbc(inNotebook.id)).not.toHaveProperty('writtenOnOutlet');
    await send({ type: 'store/forget-source', url: wion.page }, popup);
    const personView = await send<PersonView>({ type: 'store/person', id: hanDong }, popup);
    expect(personView.notes.find((each) => each.id === note.id)?.writtenOnOutlet).toBe(site);
  });

  it('changes or deletes only the notes on its own article or written on it, never one about a person it names', async () => {
    const { db, send, read } = background();
    await read(bbc);
    await read(wion);
    const hanDong = (await db.people.filter((person) => person.name === 'Han Dong').first())?.id;
    const content = { body: 'mine', tags: [], colour: 'blue' };
    const aboutHanDong = { kind: 'person', person: hanDong };
    const inNotebook = await send<NoteRecord>({ type: 'notes/create', target: aboutHanDong, ...content }, popup);
    const onWion = await send<NoteRecord>(
      { type: 'page/note-create', target: aboutHanDong, ...content },
      tab(wion.page),
    );
    // BBC names Han Dong too, but wrote neither note: both are refused as if there were no such note.
    for (const note of [inNotebook, onWion]) {
      await expect(
        send({ type: 'page/note-update', id: note.id, changes: { body: 'defaced' } }, tab(bbc.page)),
      ).rejects.toThrow('There is no such note on this page.');
      await expect(send({ type: 'page/note-delete', id: note.id }, tab(bbc.page))).rejects.toThrow(
        'There is no such note on this page.',
      );
    }
    expect((await db.notes.bulkGet([inNotebook.id, onWion.id])).map((note) => note?.body)).toEqual(['mine', 'mine']);

    // What BBC wrote about him, and every note on its own article (the notebook's too), it may change.
    const onBbc = await send<NoteRecord>({ type: 'page/note-create', target: aboutHanDong, ...content }, tab(bbc.page));
    const onBbcArticle = await send<NoteRecord>(
      { type: 'notes/create', target: { kind: 'source', source: bbc.address.url }, ...content },
      popup,
    );
    for (const note of [onBbc, onBbcArticle]) {
      const changed = await send<NoteRecord>(
        { type: 'page/note-update', id: note.id, changes: { body: 'changed' } },
        tab(bbc.page),
      );
      expect(changed.body).toBe('changed');
      await send({ type: 'page/note-delete', id: note.id }, tab(bbc.page));
    }
    expect(await db.notes.bulkGet([onBbc.id, onBbcArticle.id])).toEqual([undefined, undefined]);

    // The notebook changes any note, wherever it was written, and keeps where that was.
    const changed = await send<NoteRecord>({ type: 'notes/update', id: onWion.id, changes: { body: 'edited' } }, popup);
    expect(changed).toMatchObject({ body: 'edited', writtenOn: wion.address.url });
    await send({ type: 'notes/delete', id: inNotebook.id }, popup);
    expect(await db.notes.get(inNotebook.id)).toBeUndefined();
  });

  it('lets a page add at most a thousand notes about one thing; the notebook has no such limit', async () => {
    const { db, send, read } = background();
    await read(bbc);
    const content = { body: 'mine', tags: [], colour: 'yellow' } as const;
    const first = await send<NoteRecord>(
      { type: 'page/note-create', target: { kind: 'source' }, ...content },
      tab(bbc.page),
    );
    await db.notes.bulkAdd(
      Array.from({ length: pageNoteLimit - 1 }, (_, index) => ({ ...first, id: `copy-${index}`, terms: [] })),
    );
    await expect(
      send({ type: 'page/note-create', target: { kind: 'source' }, ...content }, tab(bbc.page)),
    ).rejects.toThrow('That article has 1,000 notes already, the most a page may add; add more in the notebook.');
    expect(await db.notes.count()).toBe(pageNoteLimit);
    // Another thing on the same page still takes notes.
    const view = await send<PageView>({ type: 'page/lookup' }, tab(bbc.page));
    const person = view.people[0]?.id;
    if (!person) throw new Error('no person on the page');
    await send({ type: 'page/note-create', target: { kind: 'person', person }, ...content }, tab(bbc.page));
    expect(await db.notes.count()).toBe(pageNoteLimit + 1);
    // The reader's notebook adds one more about the article.
    const [source] = await db.sources.toCollection().primaryKeys();
    await send({ type: 'notes/create', target: { kind: 'source', source }, ...content }, popup);
    expect(await db.notes.count()).toBe(pageNoteLimit + 2);
  });

  it('is refused on a site the reader switched off', async () => {
    const { db, send, read, settingsChanged } = background();
    await send({ type: 'settings/set', changes: { disabledSites: ['127.0.0.1'] } }, popup);
    expect(settingsChanged).toHaveBeenCalledTimes(1);
    expect(await send({ type: 'page/hello' }, tab(bbc.page))).toEqual({ mode: 'off' });
    await expect(read(bbc)).rejects.toThrow('switched off for this site');
    expect(await db.sources.count()).toBe(0);
  });

  it('answers nothing past the hello on a site switched off, whatever the page asks (no reading, view or note)', async () => {
    const { db, send, read } = background();
    await read(bbc);
    const note = await send<NoteRecord>(
      { type: 'page/note-create', target: { kind: 'source' }, body: 'mine', tags: [], colour: 'yellow' },
      tab(bbc.page),
    );
    await send({ type: 'settings/set', changes: { disabledSites: ['127.0.0.1'] } }, popup);
    const snapshot = {
      html: '<html><head></head><body><p>Han Dong denied it.</p></body></html>',
      texts: 1,
      scoped: false,
    };
    const asks: unknown[] = [
      { type: 'page/read', snapshot },
      { type: 'page/lookup' },
      { type: 'page/note-create', target: { kind: 'source' }, body: 'forged', tags: [], colour: 'yellow' },
      { type: 'page/note-update', id: note.id, changes: { body: 'defaced' } },
      { type: 'page/note-delete', id: note.id },
    ];
    for (const request of asks)
      await expect(send(request, tab(bbc.page))).rejects.toThrow('switched off for this site');
    expect((await db.notes.toArray()).map((each) => each.body)).toEqual(['mine']);
  });
});

describe('a page elsewhere on the article’s site with its very text', () => {
  // BBC's fixture declares its article's address; another writer's page there copies it, declaring it too.
  const copy = 'http://127.0.0.1:8127/someone-else/copy';
  const content = { body: 'mine', tags: [], colour: 'blue' } as const;

  async function copied() {
    const store = background();
    const { db, send, read, storeArticle } = store;
    await read(bbc);
    const hanDong = (await db.people.filter((person) => person.name === 'Han Dong').first())?.id;
    const aboutHanDong = { kind: 'person', person: hanDong };
    const onBbc = await send<NoteRecord>({ type: 'page/note-create', target: aboutHanDong, ...content }, tab(bbc.page));
    const onArticle = await send<NoteRecord>(
      { type: 'page/note-create', target: { kind: 'source' }, ...content },
      tab(bbc.page),
    );
    const answer = await storeArticle(bbc.article, copy);
    return { ...store, aboutHanDong, onBbc, onArticle, answer };
  }

  it('finds the article and the notes on it, but may add, change or delete none of them', async () => {
    const { db, send, aboutHanDong, onBbc, onArticle, answer } = await copied();
    for (const note of [onBbc, onArticle]) {
      await expect(
        send({ type: 'page/note-update', id: note.id, changes: { body: 'defaced' } }, tab(copy)),
      ).rejects.toThrow(copyRefusal);
      await expect(send({ type: 'page/note-delete', id: note.id }, tab(copy))).rejects.toThrow(copyRefusal);
    }
    for (const target of [{ kind: 'source' }, aboutHanDong]) {
      await expect(send({ type: 'page/note-create', target, ...content }, tab(copy))).rejects.toThrow(copyRefusal);
    }
    expect((await db.notes.toArray()).map((note) => note.body)).toEqual(['mine', 'mine']);
    // It is answered with the article and the notes on it, told it is a copy, so its card offers no Edit.
    expect(answer.outcome).toBe('unchanged');
    expect(answer.view).toMatchObject({ source: { url: bbc.address.url }, copy: true });
    const view = await send<PageView>({ type: 'page/lookup' }, tab(copy));
    expect(view.copy).toBe(true);
    expect(view.notes.map((note) => note.id)).toEqual([onArticle.id]);
  });

  it('stays a copy when read again, and when the article is read at its own address; BBC’s page keeps its say', async () => {
    const { db, send, read, storeArticle, onBbc } = await copied();
    await storeArticle(bbc.article, copy);
    await storeArticle(bbc.article, bbc.address.url);
    await read(bbc);
    const article = await db.sources.get(bbc.address.url);
    expect(article?.aliases).toEqual([bbc.address.url, bbc.address.alias, canonicalUrl(copy)]);
    expect(article?.copies).toEqual([canonicalUrl(copy)]);
    await expect(
      send({ type: 'page/note-update', id: onBbc.id, changes: { body: 'defaced' } }, tab(copy)),
    ).rejects.toThrow(copyRefusal);

    // BBC's page (it started the article, declaring its address), its AMP rendering and the article's own address may.
    for (const page of [bbc.page, `${bbc.page}?amp=1`, bbc.address.url]) {
      const view = await send<PageView>({ type: 'page/lookup' }, tab(page));
      expect(view.source.url).toBe(bbc.address.url);
      expect(view).not.toHaveProperty('copy');
      const changed = await send<NoteRecord>(
        { type: 'page/note-update', id: onBbc.id, changes: { body: `changed on ${page}` } },
        tab(page),
      );
      expect(changed.body).toBe(`changed on ${page}`);
      const added = await send<NoteRecord>(
        { type: 'page/note-create', target: { kind: 'source' }, ...content },
        tab(page),
      );
      expect(added.writtenOn).toBe(bbc.address.url);
    }
  });

  it('is filed under its own address once its text is no longer the article’s, and the article forgets it', async () => {
    const { db, send, storeArticle, onArticle } = await copied();
    const before = await db.notes.get(onArticle.id);
    const edited = { metadata: bbc.article.metadata, analysis: wion.article.analysis };
    const { view } = await storeArticle(edited, copy);
    expect(view.source.url).toBe(canonicalUrl(copy));
    expect(view).not.toHaveProperty('copy');
    const article = await db.sources.get(bbc.address.url);
    expect(article?.aliases).toEqual([bbc.address.url, bbc.address.alias]);
    expect(article).not.toHaveProperty('copies');
    expect(await db.notes.get(onArticle.id)).toEqual(before);
    expect((await send<PageView>({ type: 'page/lookup' }, tab(bbc.page))).source.title).toBe(article?.title);
  });
});

describe('hostile messages', () => {
  const valid = bbc.article;
  const hostile: [string, unknown][] = [
    ['not an object', 'page/read'],
    ['an unknown type', { type: 'page/delete-everything' }],
    // Only the background analyses: a page has no way to hand the store an analysis of its own.
    ['an analysis made by the page', { type: 'page/ingest', article: valid }],
    ['a snapshot of the wrong type', { type: 'page/read', snapshot: { html: 42, texts: 0, scoped: false } }],
    [
      '__proto__ instead of a snapshot',
      JSON.parse('{"type":"page/read","__proto__":{"snapshot":{"html":"<html></html>","texts":0,"scoped":false}}}'),
    ],
    ['__proto__ instead of a type', JSON.parse('{"__proto__":{"type":"page/lookup"}}')],
    [
      'a note with a huge body',
      { type: 'page/note-create', target: { kind: 'source' }, body: 'b'.repeat(100_001), tags: [], colour: 'yellow' },
    ],
    [
      'a note with a colour that is CSS',
      { type: 'page/note-create', target: { kind: 'source' }, body: '', tags: [], colour: 'red;background:url(x)' },
    ],
    [
      'a selection past any article',
      {
        type: 'page/note-create',
        target: {
          kind: 'selection',
          selectors: {
            quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
            position: { type: 'TextPositionSelector', start: 5, end: 3 },
          },
        },
        body: '',
        tags: [],
        colour: 'yellow',
      },
    ],
  ];

  it.each(hostile)('%s is refused with a reason, and nothing is written', async (_, message) => {
    const { db, route, read } = background();
    await read(wion);
    const before = await snapshot(db);
    const reply = await route(message, tab(bbc.page));
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^malformed message: \S/) as string });
    expect(await snapshot(db)).toEqual(before);
    expect(Object.prototype).not.toHaveProperty('type');
  });

  it('refuses messages from other extensions and from senders without a tab', async () => {
    const { db, route } = background();
    const request = {
      type: 'page/read',
      snapshot: { html: '<html><head></head><body><p>Han Dong</p></body></html>', texts: 1, scoped: false },
    };
    expect(await route(request, { ...tab(bbc.page), id: 'other-extension' })).toEqual({
      ok: false,
      error: 'message from an unknown sender',
    });
    expect(await route(request, { id: extension.id, url: bbc.page })).toMatchObject({ ok: false });
    expect(await db.sources.count()).toBe(0);
  });
});

describe('an extension page', () => {
  it('reaches the whole store: any page’s view, search, people, claims, notes and settings', async () => {
    const { send, read, announce } = background();
    await read(bbc);
    await read(wion);
    const view = await send<PageView>({ type: 'store/page', url: `${bbc.page}?utm_campaign=x` }, popup);
    expect(view.source.outlet).toBe('BBC News');
    const hanDong = view.people.find((person) => person.name === 'Han Dong');
    const note = await send<NoteRecord>(
      {
        type: 'notes/create',
        target: { kind: 'person', person: hanDong?.id },
        body: 'Ask his office',
        tags: ['Call'],
        colour: 'pink',
      },
      popup,
    );
    expect(announce).toHaveBeenLastCalledWith(['notes']);
    const found = await send<{ hits: unknown[] }>({ type: 'store/search', search: { query: 'office' } }, popup);
    expect(found.hits).toEqual([{ kind: 'note', note, about: 'Han Dong' }]);
    expect(await send({ type: 'store/facets' }, popup)).toEqual({
      outlets: expect.arrayContaining([
        { outlet: 'BBC News', count: 1 },
        { outlet: 'WION', count: 1 },
      ]) as unknown,
      tags: [{ tag: 'Call', count: 1 }],
    });
    const deleted = await send<NoteRecord>({ type: 'notes/delete', id: note.id }, popup);
    expect(await send({ type: 'notes/restore', note: deleted }, popup)).toEqual(note);
    expect(await send({ type: 'store/forget-source', url: bbc.page }, popup)).toEqual({ forgotten: true });
    expect(await send({ type: 'store/page', url: bbc.page }, popup)).toBeNull();
    expect(await send({ type: 'store/status' }, popup)).toMatchObject({
      problem: null,
      persisted: null,
      counts: { sources: 1, notes: 1 },
    });
    await send({ type: 'store/delete-everything' }, popup);
    expect(await send({ type: 'store/status' }, popup)).toMatchObject({
      counts: { sources: 0, people: 0, claims: 0, notes: 0 },
    });
  });
});
