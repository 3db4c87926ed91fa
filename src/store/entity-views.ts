/** The popup's and notebook's detail views: one person across every source, one claim across outlets. */
import type { CrosscheckDatabase } from './database.ts';
import {
  appearancesOf,
  claimSummaries,
  discrepancyViews,
  noteOf,
  personNames,
  reportViews,
  SourceCache,
  sourceTime,
} from './summaries.ts';
import type { ClaimView, PersonView } from './views.ts';

/** Sources a person view lists, the most recent first; the count of all is in the page view. */
export const personSourceLimit = 1_000;

export async function personView(db: CrosscheckDatabase, id: string): Promise<PersonView | null> {
  return db.transaction(
    'r',
    [db.people, db.appearances, db.sources, db.claims, db.allegations, db.discrepancies, db.notes],
    async () => {
      const person = await db.people.get(id);
      if (!person) return null;
      const [appearances, claims, discrepancies, notes] = await Promise.all([
        appearancesOf(db, id).reverse().limit(personSourceLimit).toArray(),
        db.claims.where('accused').equals(id).toArray(),
        db.discrepancies.where('person').equals(id).toArray(),
        db.notes.where('target.person').equals(id).toArray(),
      ]);
      const sources = new SourceCache(db);
      await sources.load(appearances.map((appearance) => appearance.source));

      const spellings = new Map<string, { text: string; count: number; outlets: Set<string> }>();
      for (const appearance of appearances) {
        const outlet = sources.get(appearance.source)?.outlet ?? appearance.source;
        for (const variant of appearance.profile.variants) {
          const spelling = spellings.get(variant.text) ?? { text: variant.text, count: 0, outlets: new Set() };
          spelling.count += variant.count;
          spelling.outlets.add(outlet);
          spellings.set(variant.text, spelling);
        }
      }

      const members = await db.allegations
        .where('claim')
        .anyOf(claims.map((claim) => claim.id))
        .toArray();
      const names = await personNames(db, members);
      const summaries = await claimSummaries(claims, sources);
      const claimViews: PersonView['claims'] = [];
      for (const [index, claim] of claims.entries()) {
        const reports = await reportViews(
          members.filter((member) => member.claim === claim.id),
          names,
          sources,
        );
        claimViews.push({ claim: summaries[index] as (typeof summaries)[number], reports });
      }
      const firstReport = (view: (typeof claimViews)[number]) =>
        view.reports[0] ? sourceTime(view.reports[0].source) : 0;
      claimViews.sort((a, b) => firstReport(a) - firstReport(b));

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
          const source = sources.summary(appearance.source);
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
        claims: claimViews,
        discrepancies: await discrepancyViews(discrepancies, sources),
        notes: notes.map(noteOf),
      };
    },
  );
}

export async function claimView(db: CrosscheckDatabase, id: string): Promise<ClaimView | null> {
  return db.transaction(
    'r',
    [db.claims, db.allegations, db.people, db.sources, db.discrepancies, db.notes],
    async () => {
      const claim = await db.claims.get(id);
      if (!claim) return null;
      const [members, discrepancies, notes] = await Promise.all([
        db.allegations.where('claim').equals(id).toArray(),
        db.discrepancies.where('claim').equals(id).toArray(),
        db.notes.where('target.claim').equals(id).toArray(),
      ]);
      const sources = new SourceCache(db);
      const [summary] = await claimSummaries([claim], sources);
      return {
        claim: summary as NonNullable<typeof summary>,
        reports: await reportViews(members, await personNames(db, members), sources),
        discrepancies: await discrepancyViews(discrepancies, sources),
        notes: notes.map(noteOf),
      };
    },
  );
}
