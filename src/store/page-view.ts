/**
 * The cross-source lookup for one page: for the page and for each person and allegation on it,
 * the other sources, their wording and dates, the discrepancies and the reader's notes. One read
 * transaction in two stages of parallel reads (a third only for what the copies below leave out),
 * however many people and claims the page has, so it stays fast however much is stored. In a
 * browser every request costs a round trip to the database, whatever it reads, so what the view
 * shows of a person across sources (their latest sources, their spelling discrepancies, their
 * claims) comes with their record, not from index reads per person; what it shows of a claim (see
 * `ClaimSummary`) is copied into the people's records and the claims' rows of kept allegations that
 * list it; and what it shows of another source (see `SourceSummary`) is copied the same way.
 */
import type { CrosscheckDatabase } from './database.ts';
import { canonicalUrl } from './canonical-url.ts';
import { rowsWithAny } from './index-queries.ts';
import type { NotingPage } from './page-note-rights.ts';
import { personDiscrepancyRecords } from './linking.ts';
import type { NoteRecord, PersonRecord, RecentSourceRecord, SourceRecord } from './records.ts';
import { ofSource, Referenced, referencesOf, sourceSummary } from './summaries.ts';
import { type ClaimSummary, otherSourceLimit, type PageView } from './views.ts';

/** The stored source a page address belongs to: its own key, or any address it was read at. */
export async function sourceKeyFor(db: CrosscheckDatabase, address: string): Promise<string | null> {
  return (await pageSourceFor(db, address))?.source ?? null;
}

/** The stored source a page address belongs to, and whether the page is a copy of it (see `SourceRecord.copies`). */
export async function pageSourceFor(db: CrosscheckDatabase, address: string): Promise<NotingPage | null> {
  const key = canonicalUrl(address);
  const source = await sourceAt(db, key);
  if (!source) return null;
  return isCopyAt(source, key) ? { source: source.url, copy: true } : { source: source.url };
}

/** Whether `alias` joined the source by its text alone (see `SourceRecord.copies`). */
export function isCopyAt(source: Pick<SourceRecord, 'copies'>, alias: string): boolean {
  return source.copies?.includes(alias) ?? false;
}

/** The view answered to the page at `address`, which says when the page is a copy (the card then offers no Edit). */
export async function viewForPage(db: CrosscheckDatabase, address: string): Promise<PageView | null> {
  const page = await pageSourceFor(db, address);
  const view = page && (await pageView(db, page.source));
  return view && page.copy ? { ...view, copy: true } : view;
}

/**
 * The source a key names. The aliases decide: an address moves to the source its page now declares
 * (its old source, stored under that very key, no longer lists it).
 */
export async function sourceAt(db: CrosscheckDatabase, key: string): Promise<SourceRecord | undefined> {
  const holders = await db.sources.where('aliases').equals(key).toArray();
  return holders.find((source) => source.url === key) ?? holders[0] ?? (await db.sources.get(key));
}

export async function pageView(db: CrosscheckDatabase, url: string): Promise<PageView | null> {
  return db.transaction(
    'r',
    [db.sources, db.appearances, db.people, db.allegations, db.claimMembers, db.notes],
    async () => {
      // What the page itself holds.
      const [source, appearances, allegations, pageNotes] = await Promise.all([
        db.sources.get(url),
        ofSource(db.appearances, url).toArray(),
        ofSource(db.allegations, url).toArray(),
        db.notes.where('target.source').equals(url).toArray(),
      ]);
      if (!source) return null;

      // Its people and claims across every source.
      const personIds = appearances.map((appearance) => appearance.person);
      const ownClaimIds = unique(allegations.flatMap((allegation) => (allegation.claim ? [allegation.claim] : [])));
      const [people, claimMembers, personNotes, claimNotes] = await Promise.all([
        db.people.bulkGet(personIds),
        // The other sources' reports of its claims: the first and the latest, as the claims' records keep
        // them, with what the view shows of their sources, of the claims, and the claims' discrepancies.
        db.claimMembers.bulkGet(ownClaimIds),
        rowsWithAny(db.notes, 'target.person', personIds),
        rowsWithAny(db.notes, 'target.claim', ownClaimIds),
      ]);
      // What the view shows of each person elsewhere, their record keeps: no index read per person.
      const elsewhere = people.map((person) => (person ? otherSources(person, url) : []));
      const personDiscrepancies = people.map((person) => (person ? personDiscrepancyRecords(person) : []));
      const claimsByPerson = people.map((person) => person?.claimSummaries ?? []);
      const claimDiscrepancies = claimMembers.map((row) => row?.discrepancies ?? []);
      const otherReports = claimMembers.flatMap(
        (row) => row?.allegations.filter((member) => member.source !== url) ?? [],
      );

      // What those refer to: the other sources, the accused's names and the people's other claims.
      const referenced = new Referenced(db);
      // The accused on the page are its people; the sources its people's and claims' records copy need no read.
      referenced.knowPeople(people);
      referenced.knowSources([
        sourceSummary(source),
        ...elsewhere.flat().map((other) => other.source),
        ...claimMembers.flatMap((row) => row?.sources ?? []),
      ]);
      await referenced.load(
        referencesOf({
          discrepancies: [...personDiscrepancies, ...claimDiscrepancies].flat(),
          allegations: otherReports,
          notes: [...pageNotes, ...personNotes, ...claimNotes],
        }),
        { people: allegations.flatMap((allegation) => allegation.accused) },
      );
      // The people's claims first, in the order their records list them, then the page's own.
      const claims = new Map<string, ClaimSummary>();
      for (const claim of [...claimsByPerson.flat(), ...claimMembers.flatMap((row) => row?.claimSummary ?? [])]) {
        if (!claims.has(claim.id)) claims.set(claim.id, claim);
      }

      return {
        source: { ...sourceSummary(source), byline: source.byline, modified: source.modified },
        people: appearances.flatMap((appearance, index) => {
          const person = people[index];
          const found = elsewhere[index];
          if (!person || !found) return [];
          return [
            {
              local: appearance.local,
              id: person.id,
              name: person.name,
              role: appearance.role,
              variants: person.profile.variants.map((variant) => variant.text),
              mentionsHere: appearance.mentionCount,
              otherSources: found.map((other) => ({ source: other.source, spellings: other.spellings })),
              // A person appears at most once per source, and they appear on this page.
              otherSourceCount: person.sourceCount - 1,
              claims: (claimsByPerson[index] ?? []).map((claim) => claim.id),
              discrepancies: (personDiscrepancies[index] ?? []).map((record) => referenced.discrepancy(record)),
              notes: personNotes
                .filter((note) => isAbout(note, 'person', person.id))
                .map((note) => referenced.note(note)),
            },
          ];
        }),
        allegations: allegations.map((allegation) => {
          const claim = allegation.claim ?? null;
          return {
            index: allegation.index,
            text: allegation.allegation.text,
            stance: allegation.stance,
            accused: allegation.accused.map((id) => referenced.person(id)),
            attributedTo: allegation.allegation.attributedTo,
            claim,
            otherReports: claim ? referenced.reports(otherReports.filter((report) => report.claim === claim)) : [],
            // The page is one of the claim's sources.
            otherSourceCount: Math.max(0, (claim ? (claims.get(claim)?.sourceCount ?? 1) : 1) - 1),
            discrepancies: claim
              ? (claimDiscrepancies[ownClaimIds.indexOf(claim)] ?? []).map((record) => referenced.discrepancy(record))
              : [],
            notes: claim
              ? claimNotes.filter((note) => isAbout(note, 'claim', claim)).map((note) => referenced.note(note))
              : [],
          };
        }),
        claims: [...claims.values()],
        notes: pageNotes.map((note) => referenced.note(note)),
      };
    },
  );
}

/** The most recent other sources that name a person (how many there are in all, the person record says). */
function otherSources(person: PersonRecord, url: string): RecentSourceRecord[] {
  // A person appears at most once per source, and they appear on this page.
  return person.recent.filter((source) => source.url !== url).slice(0, otherSourceLimit);
}

function isAbout(note: NoteRecord, kind: 'person' | 'claim', id: string): boolean {
  const { target } = note;
  return target.kind === 'person'
    ? kind === 'person' && target.person === id
    : target.kind === 'claim' && kind === 'claim' && target.claim === id;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
