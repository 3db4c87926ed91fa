/**
 * The notebook's search: words across people, claims, sources and notes, narrowed by outlet,
 * date, tag and stance. Words go through the full-text index (each query word as a prefix, so
 * results come while typing); filters that an index answers narrow the candidates first, the
 * others are checked on the candidates.
 */
import type { Stance } from '../analysis/types.ts';
import type { SearchRequest } from '../messaging/contract.ts';
import type { CrosscheckDatabase } from './database.ts';
import type { ClaimRecord, NoteRecord, PersonRecord, SourceRecord } from './records.ts';
import { queryTerms } from './search-terms.ts';
import { claimSummary, ofSource, Referenced, sourceTime } from './summaries.ts';
import type { Facets, SearchHit, SearchResults } from './views.ts';
import { rowsWithAny } from './index-queries.ts';

type Indexed<T> = T & { terms: string[] };
type Kind = SearchHit['kind'];

interface Candidate {
  kind: Kind;
  id: string;
  label: string;
  time: number;
  relevance: number;
}

/** Which rows pass the filters, from sets computed once per search and only for the filters given. */
class Filters {
  readonly #db: CrosscheckDatabase;
  readonly #request: SearchRequest;
  outletSources?: Set<string>;
  outletPeople?: Set<string>;
  outletClaims?: Set<string>;
  tagged?: { notes: Set<string>; sources: Set<string>; people: Set<string>; claims: Set<string> };
  stanced?: { sources: Set<string>; people: Set<string>; claims: Set<string> };

  constructor(db: CrosscheckDatabase, request: SearchRequest) {
    this.#db = db;
    this.#request = request;
  }

  async prepare(kinds: Set<Kind>): Promise<void> {
    const { outlets, tags, stances } = this.#request;
    const db = this.#db;
    if (outlets?.length) {
      this.outletSources = new Set((await rowsWithAny(db.sources, 'outlet', outlets)).map((source) => source.url));
      if (kinds.has('person') || kinds.has('note')) {
        const appearances = await Promise.all(
          [...this.outletSources].map((url) => ofSource(db.appearances, url).toArray()),
        );
        this.outletPeople = new Set(appearances.flat().map((appearance) => appearance.person));
      }
      // A claim's record lists only its first and latest sources: the outlets' allegations say which they report.
      if (kinds.has('claim') || kinds.has('note')) {
        const allegations = await Promise.all(
          [...this.outletSources].map((url) => ofSource(db.allegations, url).toArray()),
        );
        this.outletClaims = new Set(allegations.flat().flatMap((allegation) => allegation.claim ?? []));
      }
    }
    if (tags?.length) {
      const notes = await db.notes.where('tags').anyOfIgnoreCase(tags).toArray();
      this.tagged = { notes: new Set(), sources: new Set(), people: new Set(), claims: new Set() };
      for (const note of notes) {
        this.tagged.notes.add(note.id);
        const { target } = note;
        if (target.kind === 'person') this.tagged.people.add(target.person);
        else if (target.kind === 'claim') this.tagged.claims.add(target.claim);
        else this.tagged.sources.add(target.source);
      }
    }
    if (stances?.length) {
      const allegations = await rowsWithAny(db.allegations, 'stance', stances);
      this.stanced = { sources: new Set(), people: new Set(), claims: new Set() };
      for (const allegation of allegations) {
        this.stanced.sources.add(allegation.source);
        allegation.accused.forEach((person) => this.stanced?.people.add(person));
        if (allegation.claim) this.stanced.claims.add(allegation.claim);
      }
    }
  }

  inRange(time: number): boolean {
    const { from, to } = this.#request;
    return (from === undefined || time >= from) && (to === undefined || time <= to);
  }

  source(source: SourceRecord): boolean {
    return (
      pass(this.outletSources, source.url) &&
      this.inRange(sourceTime(source)) &&
      pass(this.tagged?.sources, source.url) &&
      pass(this.stanced?.sources, source.url)
    );
  }

  person(person: PersonRecord): boolean {
    const { from, to } = this.#request;
    return (
      pass(this.outletPeople, person.id) &&
      (from === undefined || person.lastSeen >= from) &&
      (to === undefined || person.firstSeen <= to) &&
      pass(this.tagged?.people, person.id) &&
      pass(this.stanced?.people, person.id)
    );
  }

  claim(claim: ClaimRecord): boolean {
    const stances = this.#request.stances;
    return (
      pass(this.outletClaims, claim.id) &&
      this.inRange(claim.firstReportedTime) &&
      pass(this.tagged?.claims, claim.id) &&
      (!stances?.length || claim.stances.some((stance: Stance) => stances.includes(stance)))
    );
  }

  note(note: NoteRecord): boolean {
    const { target } = note;
    const about = (sources?: Set<string>, people?: Set<string>, claims?: Set<string>) =>
      target.kind === 'person'
        ? pass(people, target.person)
        : target.kind === 'claim'
          ? pass(claims, target.claim)
          : pass(sources, target.source);
    return (
      about(this.outletSources, this.outletPeople, this.outletClaims) &&
      this.inRange(note.created) &&
      pass(this.tagged?.notes, note.id) &&
      about(this.stanced?.sources, this.stanced?.people, this.stanced?.claims)
    );
  }
}

function pass(set: Set<string> | undefined, key: string): boolean {
  return !set || set.has(key);
}

/** How each kind of record is searched: its table, the filter an index answers, and how it ranks. */
const searched = {
  source: {
    table: 'sources',
    named: (filters: Filters) => filters.outletSources,
    passes: (filters: Filters, row: SourceRecord) => filters.source(row),
    describe: (row: SourceRecord) => ({ id: row.url, label: row.title, time: sourceTime(row) }),
  },
  person: {
    table: 'people',
    named: (filters: Filters) => filters.outletPeople,
    passes: (filters: Filters, row: PersonRecord) => filters.person(row),
    describe: (row: PersonRecord) => ({ id: row.id, label: row.name, time: row.lastSeen }),
  },
  claim: {
    table: 'claims',
    named: (filters: Filters) => filters.stanced?.claims,
    passes: (filters: Filters, row: ClaimRecord) => filters.claim(row),
    describe: (row: ClaimRecord) => ({ id: row.id, label: row.summary, time: row.firstReportedTime }),
  },
  note: {
    table: 'notes',
    named: (filters: Filters) => filters.tagged?.notes,
    passes: (filters: Filters, row: NoteRecord) => filters.note(row),
    describe: (row: NoteRecord) => ({ id: row.id, label: row.body, time: row.created }),
  },
} as const;

type Searched = {
  table: 'sources' | 'people' | 'claims' | 'notes';
  named: (filters: Filters) => Set<string> | undefined;
  passes: (filters: Filters, row: never) => boolean;
  describe: (row: never) => { id: string; label: string; time: number };
};

export async function search(db: CrosscheckDatabase, request: SearchRequest): Promise<SearchResults> {
  const kinds = new Set<Kind>(request.kinds?.length ? request.kinds : ['person', 'claim', 'source', 'note']);
  const terms = queryTerms(request.query);
  return db.transaction('r', [db.sources, db.people, db.appearances, db.claims, db.allegations, db.notes], async () => {
    const filters = new Filters(db, request);
    await filters.prepare(kinds);
    // A word matched whole counts more than one matched by its beginning.
    const relevance = (row: { terms: string[] }) =>
      terms.reduce((score, term) => score + (row.terms.includes(term) ? 2 : 1), 0);
    const found = await Promise.all(
      [...kinds].map(async (kind) => {
        const { table, named, passes, describe } = searched[kind] as Searched;
        const candidates = await rows<{ terms: string[] }>(db, table, terms, named(filters));
        return candidates
          .filter((row) => passes(filters, row as never))
          .map((row): Candidate => ({ kind, ...describe(row as never), relevance: relevance(row) }));
      }),
    );
    const candidates = found.flat().sort(order(request.sort));
    const chosen = candidates.slice(0, request.limit);
    return { hits: await hitsFor(db, chosen), total: candidates.length };
  });
}

/**
 * The rows of a table worth checking: with a query, those that have every query word (each word's
 * matches come from the index alone, and only rows in all of them are read); else those an
 * index-backed filter names; else all of them.
 */
async function rows<T>(
  db: CrosscheckDatabase,
  table: 'sources' | 'people' | 'claims' | 'notes',
  terms: string[],
  named?: Set<string>,
): Promise<Indexed<T>[]> {
  const store = db.table<Indexed<T>, string>(table);
  let keys: Set<string> | undefined = named;
  for (const matches of await Promise.all(terms.map((term) => store.where('terms').startsWith(term).primaryKeys()))) {
    const previous = keys;
    keys = new Set(previous ? matches.filter((key) => previous.has(key)) : matches);
  }
  if (!keys) return store.toArray();
  return (await store.bulkGet([...keys])).filter((row): row is Indexed<T> => row !== undefined);
}

function order(sort: SearchRequest['sort']): (a: Candidate, b: Candidate) => number {
  switch (sort) {
    case 'newest':
      return (a, b) => b.time - a.time;
    case 'oldest':
      return (a, b) => a.time - b.time;
    case 'name':
      return (a, b) => a.label.localeCompare(b.label);
    case 'relevance':
      return (a, b) => b.relevance - a.relevance || b.time - a.time;
  }
}

async function hitsFor(db: CrosscheckDatabase, chosen: Candidate[]): Promise<SearchHit[]> {
  const ids = (kind: Kind) => chosen.filter((candidate) => candidate.kind === kind).map((candidate) => candidate.id);
  const [people, claims, notes] = await Promise.all([
    db.people.bulkGet(ids('person')),
    db.claims.bulkGet(ids('claim')),
    db.notes.bulkGet(ids('note')),
  ]);
  const targets = notes.flatMap((note) => (note ? [note.target] : []));
  const referenced = new Referenced(db);
  const [noteClaims] = await Promise.all([
    db.claims.bulkGet(targets.flatMap((target) => (target.kind === 'claim' ? [target.claim] : []))),
    referenced.load({
      sources: [
        ...ids('source'),
        ...targets.flatMap((target) => ('source' in target ? [target.source] : [])),
        // The pages notes were written on, which a note's hit names as the views do.
        ...notes.flatMap((note) => (note?.writtenOn === undefined ? [] : [note.writtenOn])),
      ],
      people: targets.flatMap((target) => (target.kind === 'person' ? [target.person] : [])),
    }),
  ]);
  const byId = <T extends { id: string }>(list: (T | undefined)[]) =>
    new Map(list.flatMap((item) => (item ? [[item.id, item] as const] : [])));
  const personById = byId(people);
  const claimById = byId([...claims, ...noteClaims]);
  const noteById = byId(notes);

  const hits: SearchHit[] = [];
  for (const candidate of chosen) {
    if (candidate.kind === 'source') {
      const source = referenced.summary(candidate.id);
      if (source) hits.push({ kind: 'source', source });
    } else if (candidate.kind === 'person') {
      const person = personById.get(candidate.id);
      if (person) {
        hits.push({
          kind: 'person',
          person: {
            id: person.id,
            name: person.name,
            variants: person.profile.variants.map((variant) => variant.text),
            sourceCount: person.sourceCount,
          },
        });
      }
    } else if (candidate.kind === 'claim') {
      const claim = claimById.get(candidate.id);
      if (claim) hits.push({ kind: 'claim', claim: claimSummary(claim) });
    } else {
      const note = noteById.get(candidate.id);
      if (!note) continue;
      const { target } = note;
      const about =
        target.kind === 'person'
          ? referenced.person(target.person).name
          : target.kind === 'claim'
            ? claimById.get(target.claim)?.summary
            : referenced.source(target.source)?.title;
      hits.push({ kind: 'note', note: referenced.note(note), about: about || 'something no longer in the store' });
    }
  }
  return hits;
}

/** The outlets and tags there are, with how often each occurs, for the notebook's filters. */
export async function facets(db: CrosscheckDatabase): Promise<Facets> {
  return db.transaction('r', [db.sources, db.notes], async () => {
    const outlets = new Map<string, number>();
    await db.sources.orderBy('outlet').eachKey((key) => {
      const outlet = key as string;
      outlets.set(outlet, (outlets.get(outlet) ?? 0) + 1);
    });
    const tags = new Map<string, { tag: string; count: number }>();
    await db.notes.orderBy('tags').eachKey((key) => {
      const tag = key as string;
      const folded = tag.toLowerCase();
      const known = tags.get(folded) ?? { tag, count: 0 };
      known.count += 1;
      tags.set(folded, known);
    });
    return {
      outlets: [...outlets].map(([outlet, count]) => ({ outlet, count })).sort((a, b) => b.count - a.count),
      tags: [...tags.values()].sort((a, b) => b.count - a.count),
    };
  });
}
