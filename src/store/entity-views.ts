/** The popup's and notebook's detail views: one person across every source, one claim across outlets. */
import type { CrosscheckDatabase } from './database.ts';
import { rowsWithAny } from './index-queries.ts';
import { byClaim } from './linking.ts';
import {
  appearancesOf,
  claimSummary,
  discrepanciesOf,
  discrepancySubject,
  Referenced,
  referencesOf,
  sourceTime,
} from './summaries.ts';
import type { ClaimView, PersonView } from './views.ts';

/** Sources a person view lists, the most recent first; the page view counts them all. */
export const personSourceLimit = 1_000;

export async function personView(db: CrosscheckDatabase, id: string): Promise<PersonView | null> {
  return db.transaction(
    'r',
    [db.people, db.appearances, db.sources, db.claims, db.allegations, db.discrepancies, db.notes],
    async () => {
      const [person, appearances, claims, discrepancies, notes] = await Promise.all([
        db.people.get(id),
        appearancesOf(db, id).limit(personSourceLimit).toArray(),
        db.claims.where('accused').equals(id).toArray(),
        discrepanciesOf(db, discrepancySubject('person', id)).toArray(),
        db.notes.where('target.person').equals(id).toArray(),
      ]);
      if (!person) return null;
      const membersByClaim = byClaim(
        await rowsWithAny(
          db.allegations,
          'claim',
          claims.map((claim) => claim.id),
        ),
      );
      const members = [...membersByClaim.values()].flat();
      const referenced = new Referenced(db);
      await referenced.load(
        { sources: appearances.map((appearance) => appearance.source) },
        referencesOf({ discrepancies, allegations: members, notes }),
      );

      const spellings = new Map<string, { text: string; count: number; outlets: Set<string> }>();
      for (const appearance of appearances) {
        const outlet = referenced.source(appearance.source)?.outlet ?? appearance.source;
        for (const variant of appearance.profile.variants) {
          const spelling = spellings.get(variant.text) ?? { text: variant.text, count: 0, outlets: new Set() };
          spelling.count += variant.count;
          spelling.outlets.add(outlet);
          spellings.set(variant.text, spelling);
        }
      }
      const claimViews = claims.map((claim) => ({
        claim: claimSummary(claim),
        reports: referenced.reports(membersByClaim.get(claim.id) ?? []),
      }));
      const firstReport = (view: (typeof claimViews)[number]) =>
        view.reports[0] ? sourceTime(view.reports[0].source) : 0;

      return {
        id: person.id,
        name: person.name,
        titles: person.profile.titles,
        firstSeen: person.firstSeen,
        lastSeen: person.lastSeen,
        spellings: [...spellings.values()]
          .sort((a, b) => b.count - a.count)
          .map((spelling) => ({ ...spelling, outlets: [...spelling.outlets] })),
        sources: appearances.flatMap((appearance) => {
          const source = referenced.summary(appearance.source);
          return source
            ? [
                {
                  source,
                  spellings: appearance.variants,
                  mentionCount: appearance.mentionCount,
                  role: appearance.role,
                  titles: appearance.titles,
                },
              ]
            : [];
        }),
        claims: claimViews.sort((a, b) => firstReport(a) - firstReport(b)),
        discrepancies: discrepancies.map((record) => referenced.discrepancy(record)),
        notes: notes.map((note) => referenced.note(note)),
      };
    },
  );
}

export async function claimView(db: CrosscheckDatabase, id: string): Promise<ClaimView | null> {
  return db.transaction(
    'r',
    [db.claims, db.allegations, db.people, db.sources, db.discrepancies, db.notes],
    async () => {
      const [claim, members, discrepancies, notes] = await Promise.all([
        db.claims.get(id),
        db.allegations.where('claim').equals(id).toArray(),
        discrepanciesOf(db, discrepancySubject('claim', id)).toArray(),
        db.notes.where('target.claim').equals(id).toArray(),
      ]);
      if (!claim) return null;
      const referenced = new Referenced(db);
      await referenced.load(referencesOf({ discrepancies, allegations: members, notes }));
      return {
        claim: claimSummary(claim),
        reports: referenced.reports(members),
        discrepancies: discrepancies.map((record) => referenced.discrepancy(record)),
        notes: notes.map((note) => referenced.note(note)),
      };
    },
  );
}
