/**
 * A backup's notes, each marked orphaned when what it is about (an article, a person, a claim) is
 * neither in the file nor in the store: such a note is kept all the same, found by search and
 * exported again. A note is never lost. Which notes these are is returned too, so that the import
 * can say how many of the notes it wrote it left unattached (not those it found already stored).
 */
import type { Table } from 'dexie';
import type { CrosscheckDatabase } from '../store/database.ts';
import type { NoteRecord, NoteTarget } from '../store/records.ts';
import type { StoreRecords } from './backup-schema.ts';

type SubjectKind = 'source' | 'person' | 'claim';

function subjectOf(target: NoteTarget): [SubjectKind, string] {
  switch (target.kind) {
    case 'person':
      return ['person', target.person];
    case 'claim':
      return ['claim', target.claim];
    default:
      return ['source', target.source];
  }
}

export async function notesWithSubjectsChecked(
  db: CrosscheckDatabase,
  { sources, people, claims, notes }: Pick<StoreRecords, 'sources' | 'people' | 'claims' | 'notes'>,
): Promise<{ notes: NoteRecord[]; unattached: ReadonlySet<string> }> {
  const held: Record<SubjectKind, Set<string>> = {
    source: new Set(sources.map((source) => source.url)),
    person: new Set(people.map((person) => person.id)),
    claim: new Set(claims.map((claim) => claim.id)),
  };
  const tables: Record<SubjectKind, Table<unknown, string>> = {
    source: db.sources,
    person: db.people,
    claim: db.claims,
  };
  const subjects = notes.map((note) => subjectOf(note.target));
  for (const kind of ['source', 'person', 'claim'] as const) {
    const elsewhere = [...new Set(subjects.flatMap(([of, key]) => (of === kind && !held[kind].has(key) ? [key] : [])))];
    const stored = await tables[kind].bulkGet(elsewhere);
    elsewhere.forEach((key, index) => stored[index] !== undefined && held[kind].add(key));
  }
  const unattached = new Set<string>();
  const checked = notes.map((note, index) => {
    const [kind, key] = subjects[index] as [SubjectKind, string];
    if (held[kind].has(key)) return note;
    unattached.add(note.id);
    return { ...note, orphaned: true };
  });
  return { notes: checked, unattached };
}
