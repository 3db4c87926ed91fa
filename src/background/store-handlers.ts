/**
 * What the background answers, request by request. Content scripts are answered only about their
 * own page, which the browser names (never the message); extension pages reach the whole store.
 * Every write goes through `health`, so a refusal by the browser reaches the reader.
 */
import type { ExtensionRequest, PageNoteTarget, PageRequest, StoreTopic } from '../messaging/contract.ts';
import type { Handlers } from '../messaging/dispatch.ts';
import type { AnalysedArticle } from '../messaging/analysis-schema.ts';
import type { IngestResult } from '../store/views.ts';
import { readArticle } from '../extraction/read-article.ts';
import { errorMessage } from '../error-message.ts';
import { modeForUrl } from '../settings.ts';
import { articleAddress } from '../store/canonical-url.ts';
import type { CrosscheckDatabase } from '../store/database.ts';
import { claimView, personView } from '../store/entity-views.ts';
import { forgetEverything, forgetSource } from '../store/forget-source.ts';
import { ingestArticle } from '../store/ingest.ts';
import {
  createNote,
  deleteNote,
  notesAbout,
  pageNoteLimit,
  restoreNote,
  targetConcernsSource,
  updateNote,
} from '../store/notes.ts';
import { copyRefusal, pageMayChangeNote } from '../store/page-note-rights.ts';
import { pageSourceFor, pageView, sourceKeyFor, viewForPage } from '../store/page-view.ts';
import type { NoteTarget } from '../store/records.ts';
import { facets, search } from '../store/search.ts';
import { changeSettings, readSettings } from '../store/settings-store.ts';
import type { StoreHealth } from '../store/store-health.ts';
import { storeStatus } from '../store/store-status.ts';
import type { PageSender } from './message-router.ts';
import { TabReadings } from './tab-readings.ts';
import { createTransferHandlers } from './transfer-handlers.ts';

export interface StoreDependencies {
  db: CrosscheckDatabase;
  health: StoreHealth;
  /** The browser's storage manager, where this context has one. */
  storage: StorageManager | undefined;
  /** Tells the open extension pages what changed. */
  announce: (topics: StoreTopic[]) => void;
  /** Tells every open tab that the settings changed. */
  settingsChanged: () => void;
  /** Tells the page importing a file how far the writing has come. */
  importProgress?: (session: string, written: number, total: number) => void;
}

const notOnThisPage = 'There is no such note on this page.';
const switchedOff = 'Crosscheck is switched off for this site.';

export function createStoreHandlers({
  db,
  health,
  storage,
  announce,
  settingsChanged,
  importProgress = () => undefined,
}: StoreDependencies): {
  page: Handlers<PageRequest, PageSender>;
  extension: Handlers<ExtensionRequest, undefined>;
  /**
   * What page/read does with the analysis it made: no message hands the store an analysis. Tests
   * call it directly to store a known analysis (the seeds' gold standard) as if read at `url`.
   */
  storeArticle: (article: AnalysedArticle, url: string) => Promise<IngestResult>;
} {
  /**
   * On a site the reader switched off, the content script asks for nothing past its hello; a page that
   * asks all the same (its renderer compromised) gets no reading, no view and no note.
   */
  const assertOn = async (url: string): Promise<void> => {
    if (modeForUrl(await readSettings(db), url) === 'off') throw new Error(switchedOff);
  };
  /**
   * The stored source of the sender's page, where it may write notes; a page not read yet has none,
   * and notes wait for it. A page at a copy's address writes none (see `page-note-rights.ts`).
   */
  const ownSource = async (sender: PageSender): Promise<string> => {
    await assertOn(sender.url);
    const page = await pageSourceFor(db, sender.url);
    if (!page) throw new Error('Crosscheck has not read this page yet.');
    if (page.copy) throw new Error(copyRefusal);
    return page.source;
  };
  /**
   * A note a content script may change: one on its own article or written on its page, not one about a
   * person or claim it merely names (the same answer as when there is no such note).
   */
  const assertOwnNote = async (id: string, sender: PageSender): Promise<void> => {
    const source = await ownSource(sender);
    const note = await db.notes.get(id);
    if (!note || !pageMayChangeNote(note, { source })) throw new Error(notOnThisPage);
  };
  /** Stores a page's article under its canonical address and answers with the page's view across sources. */
  const storeArticle = async (article: AnalysedArticle, url: string): Promise<IngestResult> => {
    // Asked again after the reading: the reader may have switched the site off while it ran.
    await assertOn(url);
    const address = articleAddress(url, article.metadata.url);
    const outcome = await health.write(() => ingestArticle(db, address, article));
    if (outcome !== 'unchanged') announce(['sources', 'people', 'claims', 'notes']);
    // The page is filed under the address it declares only when the store bears that out.
    const view = (await viewForPage(db, url)) ?? (await pageView(db, address.url));
    if (!view) throw new Error('The article was stored but could not be read back.');
    return { outcome, view };
  };
  const readings = new TabReadings();
  const write = async <T>(topics: StoreTopic[], run: () => Promise<T>): Promise<T> => {
    const result = await health.write(run);
    announce(topics);
    return result;
  };

  return {
    storeArticle,
    page: {
      // Decided from the URL the browser reports for the sender, not from anything the page says.
      'page/hello': async (_request, sender) => ({ mode: modeForUrl(await readSettings(db), sender.url) }),
      /**
       * The background reads the page itself: the analysis it stores is its own, so a page can shape
       * what is found in it (its words) but never hand the store a result.
       */
      'page/read': async ({ snapshot }, sender) => {
        await assertOn(sender.url);
        const { signal, end } = readings.begin(sender.tabId);
        try {
          const reading = await readArticle(snapshot, sender.url, { signal });
          if (!reading.article) return { ...reading, store: null };
          const { metadata, analysis } = reading.article;
          try {
            const { outcome, view } = await storeArticle({ metadata, analysis }, sender.url);
            return { ...reading, store: { saved: true, outcome, view } };
          } catch (error) {
            return { ...reading, store: { saved: false, problem: errorMessage(error) } };
          }
        } finally {
          end();
        }
      },
      'page/lookup': async (_request, sender) => {
        await assertOn(sender.url);
        return viewForPage(db, sender.url);
      },
      'page/note-create': async ({ target, body, tags, colour }, sender) => {
        const source = await ownSource(sender);
        const full = pageTarget(target, source);
        if (!(await targetConcernsSource(db, full, source))) {
          throw new Error(`That ${full.kind} is not on this page.`);
        }
        if ((await notesAbout(db, full)) >= pageNoteLimit) {
          throw new Error(
            `That ${full.kind === 'person' || full.kind === 'claim' ? full.kind : 'article'} has ${pageNoteLimit.toLocaleString('en')} notes already, the most a page may add; add more in the notebook.`,
          );
        }
        // Where it was written is the page the browser names, never anything the message says.
        return write(['notes'], () => createNote(db, full, { body, tags, colour, writtenOn: source }));
      },
      'page/note-update': async ({ id, changes }, sender) => {
        await assertOwnNote(id, sender);
        return write(['notes'], () => updateNote(db, id, changes));
      },
      'page/note-delete': async ({ id }, sender) => {
        await assertOwnNote(id, sender);
        return write(['notes'], () => deleteNote(db, id));
      },
    },
    extension: {
      'settings/get': () => readSettings(db),
      'settings/set': async ({ changes }) => {
        const settings = await write(['settings'], () => changeSettings(db, changes));
        settingsChanged();
        return settings;
      },
      'store/status': () => storeStatus(db, health, storage),
      'store/page': ({ url }) => viewForPage(db, url),
      'store/person': ({ id }) => personView(db, id),
      'store/claim': ({ id }) => claimView(db, id),
      'store/search': ({ search: request }) => search(db, request),
      'store/facets': () => facets(db),
      'store/forget-source': async ({ url }) => {
        const key = await sourceKeyFor(db, url);
        if (!key) return { forgotten: false };
        await write(['sources', 'people', 'claims', 'notes'], () => forgetSource(db, key));
        return { forgotten: true };
      },
      'store/delete-everything': async () => {
        await write(['sources', 'people', 'claims', 'notes'], () => forgetEverything(db));
        return null;
      },
      'notes/create': ({ target, body, tags, colour }) =>
        write(['notes'], () => createNote(db, target, { body, tags, colour })),
      'notes/update': ({ id, changes }) => write(['notes'], () => updateNote(db, id, changes)),
      'notes/delete': ({ id }) => write(['notes'], () => deleteNote(db, id)),
      'notes/restore': ({ note }) => write(['notes'], () => restoreNote(db, note)),
      ...createTransferHandlers({ db, health, announce, settingsChanged, progress: importProgress }),
    },
  };
}

function pageTarget(target: PageNoteTarget, source: string): NoteTarget {
  switch (target.kind) {
    case 'source':
      return { kind: 'source', source };
    case 'selection':
      return { kind: 'selection', source, selectors: target.selectors };
    default:
      return target;
  }
}
