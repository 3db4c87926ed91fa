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
import { matchesAll, queryTerms } from './search-terms.ts';
import { appearancesOf, claimSummaries, noteOf, SourceCache, sourceSummary, sourceTime } from './summaries.ts';
import type { Facets, SearchHit, SearchResults } from './views.ts';

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
      this.outletSources = new Set(await db.sources.where('outlet').anyOf(outlets).primaryKeys());
      if (kinds.has('person') || kinds.has('note')) {
        const appearances = await db.appearances
          .where('source')
          .anyOf([...this.outletSources])
          .toArray();
        this.outletPeople = new Set(appearances.map((appearance) => appearance.person));
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
      const allegations = await db.allegations.where('stance').anyOf(stances).toArray();
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
      (!this.outletSources || claim.sources.some((url) => this.outletSources?.has(url))) &&
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
      about(this.outletSources, this.outletPeople, undefined) &&
      this.inRange(note.created) &&
      pass(this.tagged?.notes, note.id) &&
      about(this.stanced?.sources, this.stanced?.people, this.stanced?.claims)
    );
  }
}

function pass(set: Set<string> | undefined, key: string): boolean {
  return !set || set.has(key);
}

export async function search(db: CrosscheckDatabase, request: SearchRequest): Promise<SearchResults> {
  const kinds = new Set<Kind>(request.kinds?.length ? request.kinds : ['person', 'claim', 'source', 'note']);
  const terms = queryTerms(request.query);
  return db.transaction('r', [db.sources, db.people, db.appearances, db.claims, db.allegations, db.notes], async () => {
    const filters = new Filters(db, request);
    await filters.prepare(kinds);
    const relevance = (row: { terms: string[] }) =>
      terms.reduce((score, term) => score + (row.terms.includes(term) ? 2 : 1), 0);
    const candidates: Candidate[] = [];
    if (kinds.has('source')) {
      for (const source of await rows<SourceRecord>(db, 'sources', terms, filters.outletSources)) {
        if (filters.source(source)) {
          candidates.push({
            kind: 'source',
            id: source.url,
            label: source.title,
            time: sourceTime(source),
            relevance: relevance(source),
          });
        }
      }
    }
    if (kinds.has('person')) {
      for (const person of await rows<PersonRecord>(db, 'people', terms, filters.outletPeople)) {
        if (filters.person(person)) {
          candidates.push({
            kind: 'person',
            id: person.id,
            label: person.name,
            time: person.lastSeen,
            relevance: relevance(person),
          });
        }
      }
    }
    if (kinds.has('claim')) {
      for (const claim of await rows<ClaimRecord>(db, 'claims', terms, filters.stanced?.claims)) {
        if (filters.claim(claim)) {
          candidates.push({
            kind: 'claim',
            id: claim.id,
            label: claim.summary,
            time: claim.firstReportedTime,
            relevance: relevance(claim),
          });
        }
      }
    }
    if (kinds.has('note')) {
      for (const note of await rows<NoteRecord>(db, 'notes', terms, filters.tagged?.notes)) {
        if (filters.note(note)) {
          candidates.push({
            kind: 'note',
            id: note.id,
            label: note.body,
            time: note.created,
            relevance: relevance(note),
          });
        }
      }
    }
    candidates.sort(order(request.sort));
    const chosen = candidates.slice(0, request.limit);
    return { hits: await hitsFor(db, chosen), total: candidates.length };
  });
}

/**
 * The rows of a table worth checking: those with the query's rarest-looking word (the longest)
 * when there is a query, else those an index-backed filter names, else all of them.
 */
async function rows<T>(
  db: CrosscheckDatabase,
  table: 'sources' | 'people' | 'claims' | 'notes',
  terms: string[],
  named?: Set<string>,
): Promise<Indexed<T>[]> {
  const store = db.table<Indexed<T>, string>(table);
  if (terms.length > 0) {
    const longest = terms.reduce((a, b) => (b.length > a.length ? b : a));
    const found = await store.where('terms').startsWith(longest).distinct().toArray();
    return found.filter((row) => matchesAll(row.terms, terms));
  }
  if (named) return (await store.bulkGet([...named])).filter((row): row is Indexed<T> => row !== undefined);
  return store.toArray();
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
  const sources = new SourceCache(db);
  const noteTargets = notes.flatMap((note) => (note ? [note.target] : []));
  await sources.load([
    ...ids('source'),
    ...noteTargets.flatMap((target) => ('source' in target ? [target.source] : [])),
  ]);
  const [notePeople, noteClaims] = await Promise.all([
    db.people.bulkGet(noteTargets.flatMap((target) => (target.kind === 'person' ? [target.person] : []))),
    db.claims.bulkGet(noteTargets.flatMap((target) => (target.kind === 'claim' ? [target.claim] : []))),
  ]);
  const summaries = await claimSummaries(
    claims.filter((claim): claim is ClaimRecord => claim !== undefined),
    sources,
  );
  const byId = <T extends { id: string }>(list: (T | undefined)[]) =>
    new Map(list.flatMap((item) => (item ? [[item.id, item] as const] : [])));
  const personById = byId([...people, ...notePeople]);
  const claimById = byId([...claims, ...noteClaims]);
  const summaryById = byId(summaries);
  const noteById = byId(notes);
  const sourceCounts = new Map(
    await Promise.all(ids('person').map(async (id) => [id, await appearancesOf(db, id).count()] as const)),
  );

  const hits: SearchHit[] = [];
  for (const candidate of chosen) {
    if (candidate.kind === 'source') {
      const source = sources.get(candidate.id);
      if (source) hits.push({ kind: 'source', source: sourceSummary(source) });
    } else if (candidate.kind === 'person') {
      const person = personById.get(candidate.id);
      if (person) {
        hits.push({
          kind: 'person',
          person: {
            id: person.id,
            name: person.name,
            variants: person.profile.variants.map((variant) => variant.text),
            sourceCount: sourceCounts.get(person.id) ?? 0,
          },
        });
      }
    } else if (candidate.kind === 'claim') {
      const claim = summaryById.get(candidate.id);
      if (claim) hits.push({ kind: 'claim', claim });
    } else {
      const note = noteById.get(candidate.id);
      if (!note) continue;
      const { target } = note;
      const about =
        target.kind === 'person'
          ? personById.get(target.person)?.name
          : target.kind === 'claim'
            ? claimById.get(target.claim)?.summary
            : sources.get(target.source)?.title;
      hits.push({ kind: 'note', note: noteOf(note), about: about ?? 'something no longer in the store' });
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
