/**
 * The cross-source lookup for one page: for the page and for each person and allegation on it,
 * the other sources, their wording and dates, the discrepancies and the reader's notes. One read
 * transaction, a fixed number of index reads per person, so it stays fast however much is stored.
 */
import type { CrosscheckDatabase } from './database.ts';
import type { AllegationRecord, AppearanceRecord, ClaimRecord, DiscrepancyRecord, NoteRecord } from './records.ts';
import { canonicalUrl } from './canonical-url.ts';
import {
  appearancesOf,
  claimSummaries,
  discrepancyViews,
  noteOf,
  personNames,
  reportViews,
  SourceCache,
  sourceSummary,
} from './summaries.ts';
import { otherSourceLimit, type PageAllegation, type PagePerson, type PageView, type PersonRef } from './views.ts';

/** Claims per person the page view summarises; the person view has them all. */
export const claimsPerPersonLimit = 50;

/** The stored source a page address belongs to: its own key, or any address it was read at. */
export async function sourceKeyFor(db: CrosscheckDatabase, address: string): Promise<string | null> {
  const key = canonicalUrl(address);
  const source = (await db.sources.get(key)) ?? (await db.sources.where('aliases').equals(key).first());
  return source?.url ?? null;
}

export async function pageView(db: CrosscheckDatabase, url: string): Promise<PageView | null> {
  return db.transaction(
    'r',
    [db.sources, db.appearances, db.people, db.allegations, db.claims, db.discrepancies, db.notes],
    async () => {
      const source = await db.sources.get(url);
      if (!source) return null;
      const [appearances, allegations, pageNotes] = await Promise.all([
        db.appearances.where('source').equals(url).toArray(),
        db.allegations.where('source').equals(url).sortBy('index'),
        db.notes.where('target.source').equals(url).toArray(),
      ]);
      const personIds = appearances.map((appearance) => appearance.person);
      const [people, elsewhere, claimsByPerson] = await Promise.all([
        db.people.bulkGet(personIds),
        Promise.all(personIds.map((id) => otherAppearances(db, id, url))),
        Promise.all(personIds.map((id) => db.claims.where('accused').equals(id).limit(claimsPerPersonLimit).toArray())),
      ]);
      const claims = new Map<string, ClaimRecord>(claimsByPerson.flat().map((claim) => [claim.id, claim]));
      const ownClaimIds = unique(allegations.flatMap((allegation) => (allegation.claim ? [allegation.claim] : [])));
      for (const claim of await db.claims.bulkGet(ownClaimIds.filter((id) => !claims.has(id)))) {
        if (claim) claims.set(claim.id, claim);
      }
      const claimIds = [...claims.keys()];
      const [claimReports, discrepancies, notes] = await Promise.all([
        db.allegations.where('claim').anyOf(ownClaimIds).toArray(),
        Promise.all([
          db.discrepancies.where('person').anyOf(personIds).toArray(),
          db.discrepancies.where('claim').anyOf(ownClaimIds).toArray(),
        ]),
        Promise.all([
          db.notes.where('target.person').anyOf(personIds).toArray(),
          db.notes.where('target.claim').anyOf(claimIds).toArray(),
        ]),
      ]);

      const sources = new SourceCache(db);
      await sources.load([url, ...elsewhere.flatMap((found) => found.appearances.map((other) => other.source))]);
      const names = new Map<string, PersonRef>();
      people.forEach((person) => person && names.set(person.id, { id: person.id, name: person.name }));
      const otherReports = claimReports.filter((report) => report.source !== url);
      await personNames(db, otherReports, names);

      const [personDiscrepancies, claimDiscrepancies] = discrepancies;
      const [personNotes, claimNotes] = notes;
      const personViews: PagePerson[] = [];
      for (const [index, appearance] of appearances.entries()) {
        const person = people[index];
        const found = elsewhere[index];
        if (!person || !found) continue;
        personViews.push({
          local: appearance.local,
          id: person.id,
          name: person.name,
          role: appearance.role,
          variants: person.profile.variants.map((variant) => variant.text),
          mentionsHere: appearance.mentionCount,
          otherSources: found.appearances.flatMap((other) => {
            const summary = sources.summary(other.source);
            return summary ? [{ source: summary, spellings: other.variants }] : [];
          }),
          otherSourceCount: found.count,
          claims: (claimsByPerson[index] ?? []).map((claim) => claim.id),
          discrepancies: await discrepancyViews(only(personDiscrepancies, 'person', person.id), sources),
          notes: personNotes
            .filter((note) => note.target.kind === 'person' && note.target.person === person.id)
            .map(noteOf),
        });
      }

      const allegationViews: PageAllegation[] = [];
      for (const allegation of allegations) {
        const claim = allegation.claim ?? null;
        allegationViews.push({
          index: allegation.index,
          text: allegation.allegation.text,
          stance: allegation.stance,
          accused: allegation.accused.map((id) => names.get(id) ?? { id, name: '' }),
          attributedTo: allegation.allegation.attributedTo,
          claim,
          otherReports: claim ? await reportViews(only(otherReports, 'claim', claim), names, sources) : [],
          discrepancies: claim ? await discrepancyViews(only(claimDiscrepancies, 'claim', claim), sources) : [],
          notes: claim ? claimNotes.filter((note) => isClaimNote(note, claim)).map(noteOf) : [],
        });
      }

      return {
        source: { ...sourceSummary(source), byline: source.byline, modified: source.modified },
        people: personViews,
        allegations: allegationViews,
        claims: await claimSummaries([...claims.values()], sources),
        notes: pageNotes.map(noteOf),
      };
    },
  );
}

/** The most recent other sources that name a person, and how many there are in all. */
async function otherAppearances(
  db: CrosscheckDatabase,
  person: string,
  url: string,
): Promise<{ appearances: AppearanceRecord[]; count: number }> {
  const [appearances, total] = await Promise.all([
    appearancesOf(db, person)
      .reverse()
      .filter((appearance) => appearance.source !== url)
      .limit(otherSourceLimit)
      .toArray(),
    appearancesOf(db, person).count(),
  ]);
  // A person appears at most once per source, and they appear on this page.
  return { appearances, count: total - 1 };
}

function only<T extends AllegationRecord | DiscrepancyRecord, K extends 'claim' | 'person'>(
  records: T[],
  key: K & keyof T,
  value: string,
): T[] {
  return records.filter((record) => record[key] === value);
}

function isClaimNote(note: NoteRecord, claim: string): boolean {
  return note.target.kind === 'claim' && note.target.claim === claim;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
