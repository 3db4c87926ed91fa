/**
 * Writing notes read from Web Annotations, in one transaction. Each note goes where its target
 * points: a person or claim the store knows by that IRI, a selection (its quote) or the whole of an
 * article. An article Crosscheck has not read yet keeps its notes, orphaned, until the reader opens
 * it: the notes are then placed in it, as every note is when its article is read.
 */
import type { CrosscheckDatabase } from '../store/database.ts';
import { canonicalUrl } from '../store/canonical-url.ts';
import { sourceKeyFor } from '../store/page-view.ts';
import type { NoteRecord, NoteTarget } from '../store/records.ts';
import type { ImportProgress } from './import-backup.ts';
import type { ImportResult } from './import-outcome.ts';
import { notesDiffer } from './note-merge.ts';
import { uuidOfIri } from './record-ids.ts';
import type { IncomingNote } from './web-annotation-import.ts';

export async function importNotes(
  db: CrosscheckDatabase,
  incoming: IncomingNote[],
  progress: ImportProgress = () => undefined,
): Promise<ImportResult> {
  return db.transaction('rw', [db.notes, db.sources, db.people, db.claims], async () => {
    const result: ImportResult = {
      sources: { added: 0, updated: 0, unchanged: 0 },
      people: { added: 0, merged: 0, unchanged: 0 },
      claims: { added: 0, merged: 0, unchanged: 0 },
      notes: { added: 0, updated: 0, unchanged: 0, orphaned: 0 },
    };
    const targets = new TargetResolver(db);
    const stored = await db.notes.bulkGet(incoming.map((note) => note.id));
    const changed: NoteRecord[] = [];
    for (const [index, note] of incoming.entries()) {
      const { target, orphaned } = await targets.resolve(note.target);
      const record: NoteRecord = {
        id: note.id,
        target,
        body: note.body,
        tags: note.tags,
        colour: note.colour,
        created: note.created,
        updated: note.updated,
        orphaned,
      };
      const existing = stored[index];
      let written = true;
      if (!existing) {
        changed.push(record);
        result.notes.added++;
      } else if (record.updated > existing.updated && notesDiffer(record, existing)) {
        // The store's placement of the quote, when it has one, is better than none; and a Web Annotation
        // does not say which page a note was written on, so the store's record of that stays.
        changed.push({
          ...record,
          target: keepPlacement(record.target, existing.target),
          orphaned: existing.orphaned,
          ...(existing.writtenOn === undefined ? {} : { writtenOn: existing.writtenOn }),
        });
        result.notes.updated++;
      } else {
        result.notes.unchanged++;
        written = false;
      }
      // Counted among the notes written only: a note already stored as it is was left unattached before.
      if (orphaned && written) result.notes.orphaned++;
      if (index % 500 === 0) progress(index, incoming.length);
    }
    await db.notes.bulkPut(changed);
    progress(incoming.length, incoming.length);
    return result;
  });
}

/** Where an imported note's target points in this store, looked up once per address. */
class TargetResolver {
  readonly #db: CrosscheckDatabase;
  readonly #sources = new Map<string, { key: string; stored: boolean }>();

  constructor(db: CrosscheckDatabase) {
    this.#db = db;
  }

  async resolve(target: IncomingNote['target']): Promise<{ target: NoteTarget; orphaned: boolean }> {
    const uuid = uuidOfIri(target.source);
    if (uuid) {
      if (await this.#db.people.get(uuid)) return { target: { kind: 'person', person: uuid }, orphaned: false };
      if (await this.#db.claims.get(uuid)) return { target: { kind: 'claim', claim: uuid }, orphaned: false };
    }
    const { key, stored } = await this.#source(target.source);
    if (!target.quote) return { target: { kind: 'source', source: key }, orphaned: !stored };
    const quote = { type: 'TextQuoteSelector' as const, ...target.quote };
    return { target: { kind: 'selection', source: key, selectors: { quote } }, orphaned: !stored };
  }

  async #source(address: string): Promise<{ key: string; stored: boolean }> {
    const known = this.#sources.get(address);
    if (known) return known;
    const web = /^https?:/i.test(address);
    const key = web ? await sourceKeyFor(this.#db, address) : (await this.#db.sources.get(address)) ? address : null;
    // An article not read yet is filed under the key reading it will give it.
    const found = key ? { key, stored: true } : { key: web ? canonicalUrl(address) : address, stored: false };
    this.#sources.set(address, found);
    return found;
  }
}

function keepPlacement(incoming: NoteTarget, existing: NoteTarget): NoteTarget {
  if (incoming.kind !== 'selection' || existing.kind !== 'selection' || !existing.selectors.position) return incoming;
  if (incoming.selectors.quote.exact !== existing.selectors.quote.exact) return incoming;
  return { ...incoming, selectors: { ...incoming.selectors, position: existing.selectors.position } };
}
