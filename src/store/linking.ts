/**
 * Cross-source linking, one source at a time, with the analysis engine's primitives. A new
 * source's people are compared only with the stored people that share a blocking key with them,
 * and its claims only with the stored claims that share a claim key; and what is compared is
 * bounded (a person's most frequent companions, a claim's first and latest sources), so the cost of
 * an ingest grows neither with the size of the store nor with how often its people were reported.
 * `linkSources` in the engine runs the same steps over a list, and reaches the same decisions until
 * a person or claim outgrows those bounds.
 *
 * Everything here runs inside the ingest's transaction.
 */
import { Dexie, type Table } from 'dexie';
// The engine's linking primitives, from their own modules: the background needs none of the rest
// of the engine (the name tagger's model alone is larger than everything else it runs).
import { claimDiscrepancies } from '../analysis/linking/claim-discrepancies.ts';
import { claimKeys, groupDocumentClaims, matchClaim } from '../analysis/linking/claim-match.ts';
import { claimReports } from '../analysis/linking/claim-report.ts';
import { personDiscrepancies } from '../analysis/linking/person-discrepancies.ts';
import { matchDocumentPeople } from '../analysis/linking/person-match.ts';
import { mergeProfiles, personProfile } from '../analysis/linking/person-profile.ts';
import type { ClaimReport, ClaimTerms, Discrepancy, PersonProfile, SourceDocument } from '../analysis/types.ts';
import type { CrosscheckDatabase } from './database.ts';
import { lookupKeys, storedPersonKeys } from './person-blocking.ts';
import { noTallies, type PersonTallies, recentSummaries, tallied, talliesOf, withTallies } from './person-tallies.ts';
import type {
  AllegationRecord,
  AppearanceRecord,
  ClaimMembersRecord,
  ClaimRecord,
  ClaimTermsRecord,
  DiscrepancyRecord,
  PersonRecord,
  SourceRecord,
  SpellingRecord,
} from './records.ts';
import { type ClaimCopies, restateClaimSummaries, summariesListed } from './claim-copies.ts';
import {
  appearancesOf,
  claimSummary,
  discrepanciesOf,
  discrepancySubject,
  sourceSummaries,
  sourceTime,
} from './summaries.ts';
import { type ClaimSummary, claimsPerPersonLimit, type SourceSummary } from './views.ts';
import { primaryKeysWithAny, rowsWithAny } from './index-queries.ts';

/** Which stored person each of a document's people is, and their profile as this document gives it. */
export interface LinkedPeople {
  /** By the document's person id. */
  byLocal: Map<string, { person: PersonRecord; profile: PersonProfile; isNew: boolean }>;
}

/** Matches a document's people to stored people, creating those not yet known. Writes nothing. */
export async function linkPeople(db: CrosscheckDatabase, document: SourceDocument, now: number): Promise<LinkedPeople> {
  const { analysis } = document;
  const candidates = analysis.people.map((person) => personProfile(person, analysis));
  const keys = [...new Set(candidates.flatMap(lookupKeys))];
  // Oldest first, as the engine orders candidates: a tie goes to the person known longest.
  const nearby = (await rowsWithAny(db.people, 'keys', keys)).sort(
    (a, b) => a.firstSeen - b.firstSeen || a.id.localeCompare(b.id),
  );
  const matches = matchDocumentPeople(
    candidates,
    nearby.map((person) => person.profile),
  );
  const byLocal: LinkedPeople['byLocal'] = new Map();
  analysis.people.forEach((local, index) => {
    const profile = candidates[index] as PersonProfile;
    const match = matches[index];
    const known = match ? nearby[match.index] : undefined;
    const person: PersonRecord = known ?? {
      id: crypto.randomUUID(),
      name: profile.name,
      profile,
      keys: storedPersonKeys(profile),
      firstSeen: now,
      lastSeen: now,
      ...noTallies,
      claims: [],
      claimSummaries: [],
    };
    byLocal.set(local.id, { person, profile, isNew: !known });
  });
  return { byLocal };
}

/**
 * The claim each of a document's allegations belongs to, matching the document's claims against
 * the stored claims about the same people (including, for an edited source, the claims its earlier
 * version made, so they keep their identity and their notes), and the kept allegations of the stored
 * claims it joins (`members`). Writes nothing.
 */
export async function linkClaims(
  db: CrosscheckDatabase,
  document: SourceDocument,
  people: LinkedPeople,
  now: number,
): Promise<{ reports: ClaimReport[]; claimOf: Map<number, ClaimRecord>; members: Map<string, ClaimMembersRecord> }> {
  const reports = claimReports(document, (local) => {
    const linked = people.byLocal.get(local);
    return linked && { id: linked.person.id, name: linked.person.name };
  });
  const groups = groupDocumentClaims(reports);
  const keys = [...new Set(groups.flat().flatMap(claimKeys))];
  const ids = await primaryKeysWithAny(db.claims, 'keys', keys);
  // Every claim about the source's people is compared by its reports' terms; only those it joins are read whole.
  const [found, terms] = await Promise.all([db.claims.bulkGet(ids), db.claimTerms.bulkGet(ids)]);
  const termsOf = new Map(terms.flatMap((row) => (row ? [[row.claim, row.reports] as const] : [])));
  const nearby = found
    .filter((claim): claim is ClaimRecord => claim !== undefined)
    .sort((a, b) => a.created - b.created || a.id.localeCompare(b.id));
  const known: ClaimTerms[][] = nearby.map((claim) => [...(termsOf.get(claim.id) ?? [])]);

  const claimOf = new Map<number, ClaimRecord>();
  for (const group of groups) {
    const match = matchClaim(group, known);
    let claim: ClaimRecord;
    if (match === null) {
      claim = emptyClaim(now);
      // Later groups of the same document are compared with this one too, as the engine does.
      nearby.push(claim);
      known.push([...group]);
    } else {
      claim = nearby[match] as ClaimRecord;
      (known[match] as ClaimTerms[]).push(...group);
    }
    for (const report of group) claimOf.set(report.allegationIndex, claim);
  }
  const stored = new Set(ids);
  const joined = [...new Set([...claimOf.values()].map((claim) => claim.id))].filter((id) => stored.has(id));
  // Awaited even with none to read: Dexie follows its transaction through native awaits, and can lose it
  // in a function that awaits only sometimes (dexie/Dexie.js#1186).
  return { reports, claimOf, members: await membersOf(db, joined) };
}

/** What linking compares of a claim's kept allegations (see `ClaimTermsRecord`). */
export function claimTermsRecord(claim: string, allegations: readonly AllegationRecord[]): ClaimTermsRecord {
  return { claim, reports: reportsOf(allegations).map(({ terms, accusedIds }) => ({ terms, accusedIds })) };
}

/** The stored allegations claims' records keep (their first and latest), by claim id, in one read per claim. */
async function membersOf(db: CrosscheckDatabase, claims: string[]): Promise<Map<string, ClaimMembersRecord>> {
  const rows = await db.claimMembers.bulkGet(claims);
  return new Map(rows.flatMap((row) => (row ? [[row.claim, row] as const] : [])));
}

/**
 * Sets every claim's kept allegations, with their sources' summaries and what linking compares of
 * them (see `ClaimTermsRecord`), and its first source's summary, from the allegations and sources
 * stored now (in an upgrade, its transaction's tables): derived, so stated again rather than trusted
 * from an older version or a backup. The people's copies of the claims' summaries are
 * `recountPeople`'s, which runs after it.
 */
export async function restateClaimMembers(tables: {
  sources: Table<SourceRecord, string>;
  claims: Table<ClaimRecord, string>;
  allegations: Table<AllegationRecord, [string, number]>;
  claimMembers: Table<ClaimMembersRecord, string>;
  /** Absent in the upgrade to a version before the table's, whose own upgrade derives its rows after. */
  claimTerms?: Table<ClaimTermsRecord, string>;
  discrepancies: Table<DiscrepancyRecord, [string, number]>;
}): Promise<void> {
  const kept = new Map<string, Map<string, number>>();
  const firstSources: string[] = [];
  await tables.claims.each((claim) => {
    if (claim.sources[0] !== undefined) firstSources.push(claim.sources[0]);
    kept.set(claim.id, new Map(claim.members.map(([source, index], order) => [`${index} ${source}`, order])));
  });
  const rows = new Map<string, Omit<ClaimMembersRecord, 'claimSummary'>>();
  await tables.allegations.each((allegation) => {
    const order = allegation.claim === undefined ? undefined : kept.get(allegation.claim);
    if (!order?.has(`${allegation.index} ${allegation.source}`)) return;
    const claim = allegation.claim as string;
    const row = rows.get(claim) ?? { claim, allegations: [] as AllegationRecord[], sources: [], discrepancies: [] };
    row.allegations.push(allegation);
    rows.set(claim, row);
  });
  const summaryOf = new Map<string, ClaimSummary>();
  const [summaries, discrepancies] = await Promise.all([
    sourceSummaries(tables.sources, [
      ...[...rows.values()].flatMap((row) => row.allegations.map((allegation) => allegation.source)),
      ...firstSources,
    ]),
    subjectRange(tables.discrepancies, 'claim').toArray(),
  ]);
  for (const record of discrepancies) {
    rows.get(record.subject.slice(discrepancySubject('claim', '').length))?.discrepancies.push(record);
  }
  for (const row of rows.values()) {
    const order = kept.get(row.claim) as Map<string, number>;
    const at = (member: AllegationRecord) => order.get(`${member.index} ${member.source}`) ?? 0;
    row.allegations.sort((a, b) => at(a) - at(b));
    row.sources = summariesOf(row.allegations, summaries);
  }
  await tables.claims.toCollection().modify((claim, reference) => {
    const first = claim.sources[0];
    reference.value = { ...claim, firstReported: first === undefined ? undefined : summaries.get(first) };
    summaryOf.set(claim.id, claimSummary(reference.value));
  });
  const members = [...rows.values()].flatMap((row) => {
    const summary = summaryOf.get(row.claim);
    return summary ? [{ ...row, claimSummary: summary }] : [];
  });
  await Promise.all([tables.claimMembers.clear(), tables.claimTerms?.clear()]);
  await Promise.all([
    tables.claimMembers.bulkPut(members),
    tables.claimTerms?.bulkPut(members.map((row) => claimTermsRecord(row.claim, row.allegations))),
  ]);
}

/** The summaries of allegations' sources, one per source, in the allegations' order. */
function summariesOf(
  allegations: readonly AllegationRecord[],
  summaries: ReadonlyMap<string, SourceSummary>,
): SourceSummary[] {
  return [...new Set(allegations.map((allegation) => allegation.source))].flatMap((url) => summaries.get(url) ?? []);
}

/** Allegations grouped by the claim they belong to. */
export function byClaim(allegations: AllegationRecord[]): Map<string, AllegationRecord[]> {
  const grouped = new Map<string, AllegationRecord[]>();
  for (const allegation of allegations) {
    if (!allegation.claim) continue;
    const list = grouped.get(allegation.claim);
    if (list) list.push(allegation);
    else grouped.set(allegation.claim, [allegation]);
  }
  return grouped;
}

/**
 * How many of a claim's first sources, and of its latest, its record keeps with their allegations.
 * Whole sources, not single allegations: a source's several reports of the claim are what a new
 * source's own group of reports is compared with.
 */
export const claimReportLimit = 5;

function firstAndLatest<T>(items: readonly T[]): T[] {
  if (items.length <= 2 * claimReportLimit) return [...items];
  return [...items.slice(0, claimReportLimit), ...items.slice(-claimReportLimit)];
}

/** What a claim's record keeps of its members (their keys, the first reported first), given them all. */
function keptMembership(sources: readonly string[], members: readonly [string, number][]) {
  const kept = firstAndLatest(sources);
  const keptSet = new Set(kept);
  return { sources: kept, sourceCount: sources.length, members: members.filter(([source]) => keptSet.has(source)) };
}

/** What a claim's record keeps of its allegations, given them the first reported first. */
export function membership(
  ordered: readonly AllegationRecord[],
): Pick<ClaimRecord, 'sources' | 'sourceCount' | 'members'> {
  return keptMembership(
    [...new Set(ordered.map((member) => member.source))],
    ordered.map((member): [string, number] => [member.source, member.index]),
  );
}

/** A claim's record as a schema upgrade finds it, every source and allegation listed: bounded as it is kept now. */
export function boundedMembership(claim: ClaimRecord): ClaimRecord {
  return { ...claim, ...keptMembership(claim.sources, claim.members) };
}

/** What claim linking compares: the reports of the allegations that accuse someone (all of a claim's do). */
function reportsOf(allegations: readonly AllegationRecord[]): ClaimReport[] {
  return allegations.flatMap((allegation) => (allegation.report ? [allegation.report] : []));
}

function emptyClaim(now: number): ClaimRecord {
  return {
    id: crypto.randomUUID(),
    accused: [],
    accusedNames: [],
    keys: [],
    summary: '',
    stances: [],
    sources: [],
    sourceCount: 0,
    members: [],
    firstReportedTime: now,
    created: now,
  };
}

/**
 * Brings a stored person up to date with their appearances: the merged profile, its blocking keys,
 * their tallies and the spelling discrepancies between sources. With `added`, the person has just
 * appeared in one more source and `person.profile` already includes it, so nothing else is read;
 * with `rebuild`, everything is recomputed from their appearances. A person no source names any
 * more is deleted, unless the reader wrote a note about them: a note is never lost, and neither is
 * what it is about.
 */
export async function refreshPerson(
  db: CrosscheckDatabase,
  person: PersonRecord,
  options: (
    | { rebuild: true }
    // `copies`: the claims this ingest has written already, whose summaries the record then lists as they now are.
    | { added: AppearanceRecord; source: SourceSummary; claims: string[]; copies?: ClaimCopies }
  ) & {
    now: number;
  },
): Promise<void> {
  let profile = person.profile;
  let tallies: PersonTallies;
  let summaries: Map<string, SourceSummary>;
  if ('added' in options) {
    tallies = tallied(person, [options.added]);
    summaries = recentSummaries(person).set(options.source.url, options.source);
  } else {
    const appearances = await appearancesOf(db, person.id).toArray();
    if (appearances.length === 0) {
      await retire(db, 'person', person.id);
      return;
    }
    profile = appearances.map((appearance) => appearance.profile).reduce((merged, next) => mergeProfiles(merged, next));
    tallies = tallied(noTallies, appearances);
    summaries = await sourceSummaries(
      db.sources,
      tallies.recent.map((recent) => recent.url),
    );
  }
  // A rebuilt person's claims are the claims' business: what changes them lists them again (see `restatePersonClaims`).
  const claims = 'added' in options ? firstClaims([...person.claims, ...options.claims]) : person.claims;
  const copies = 'added' in options ? options.copies : undefined;
  const claimSummaries = copies ? summariesListed({ ...person, claims }, copies) : person.claimSummaries;
  const refreshed = withTallies(
    {
      ...person,
      name: profile.name,
      profile,
      keys: storedPersonKeys(profile),
      lastSeen: options.now,
      claims,
      claimSummaries,
    },
    tallies,
    summaries,
  );
  const discrepancies = personDiscrepancyRecords(refreshed);
  // Most sources use spellings already seen: their discrepancies stay as they were, and are not written again.
  const unchanged =
    'added' in options && JSON.stringify(discrepancies) === JSON.stringify(personDiscrepancyRecords(person));
  await Promise.all([
    db.people.put(refreshed),
    unchanged ? undefined : replaceDiscrepancies(db, discrepancySubject('person', person.id), discrepancies),
  ]);
}

/**
 * A person's spelling discrepancies, as stored: found from their record alone (the spellings with
 * their first sources), so a lookup computes them rather than reading them, one range per person.
 */
export function personDiscrepancyRecords(person: PersonRecord): DiscrepancyRecord[] {
  return discrepancyRecords(
    discrepancySubject('person', person.id),
    spellingDiscrepancies(person.spellings, person.profile),
  );
}

/**
 * Sets every stored person's tallies, and the spelling discrepancies found from them, from the
 * appearances stored now (in an upgrade, its transaction's tables): derived, so counted again
 * rather than trusted from an older version or a backup.
 */
export async function recountPeople(tables: {
  sources: Table<SourceRecord, string>;
  people: Table<PersonRecord, string>;
  appearances: Table<AppearanceRecord, [string, string]>;
  claims: Table<ClaimRecord, string>;
  discrepancies: Table<DiscrepancyRecord, [string, number]>;
}): Promise<void> {
  const tallies = await talliesOf(tables.appearances.toCollection());
  const claimsOf = new Map<string, string[]>();
  const summaryOf = new Map<string, ClaimSummary>();
  await tables.claims.each((claim) => {
    summaryOf.set(claim.id, claimSummary(claim));
    for (const person of claim.accused) {
      const ids = claimsOf.get(person);
      if (ids) ids.push(claim.id);
      else claimsOf.set(person, [claim.id]);
    }
  });
  const summaries = await sourceSummaries(
    tables.sources,
    [...tallies.values()].flatMap((counted) => counted.recent.map((recent) => recent.url)),
  );
  const discrepancies: DiscrepancyRecord[] = [];
  await tables.people.toCollection().modify((person, reference) => {
    const claims = firstClaims(claimsOf.get(person.id) ?? []);
    const claimSummaries = claims.flatMap((id) => summaryOf.get(id) ?? []);
    reference.value = withTallies(
      { ...person, keys: storedPersonKeys(person.profile), claims, claimSummaries },
      tallies.get(person.id) ?? noTallies,
      summaries,
    );
    discrepancies.push(...personDiscrepancyRecords(reference.value));
  });
  await subjectRange(tables.discrepancies, 'person').delete();
  await tables.discrepancies.bulkPut(discrepancies);
}

/** Every person's, or every claim's, discrepancies: their subjects all start `person:` (or `claim:`). */
function subjectRange(discrepancies: Table<DiscrepancyRecord, [string, number]>, kind: 'person' | 'claim') {
  const [from, to] = [discrepancySubject(kind, ''), discrepancySubject(kind, '\uffff')];
  return discrepancies.where(':id').between([from, Dexie.minKey], [to, Dexie.maxKey]);
}

/** The claims a person's record lists (see `PersonRecord.claims`), from any of the ids of claims about them. */
export function firstClaims(ids: Iterable<string>): string[] {
  // In the order IndexedDB sorts string keys: by UTF-16 code unit, as `<` compares.
  return [...new Set(ids)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).slice(0, claimsPerPersonLimit);
}

/** Lists these people's claims again from the `accused` index, after claims about them changed or went. */
export async function restatePersonClaims(db: CrosscheckDatabase, ids: Iterable<string>): Promise<void> {
  const distinct = [...new Set(ids)];
  if (distinct.length === 0) return;
  const [people, lists] = await Promise.all([
    db.people.bulkGet(distinct),
    Promise.all(distinct.map((id) => db.claims.where('accused').equals(id).limit(claimsPerPersonLimit).primaryKeys())),
  ]);
  const changed = people.flatMap((person, index) => {
    const claims = lists[index] ?? [];
    return person && claims.join(' ') !== person.claims.join(' ') ? [{ ...person, claims }] : [];
  });
  if (changed.length > 0) await db.people.bulkPut(changed);
}

function discrepancyRecords(subject: string, found: Discrepancy[]): DiscrepancyRecord[] {
  return found.map((discrepancy, index) => ({
    subject,
    index,
    kind: discrepancy.kind,
    ...(discrepancy.about === undefined ? {} : { about: discrepancy.about }),
    values: discrepancy.values.map((value) => ({ source: value.document, text: value.text })),
  }));
}

/**
 * The spellings of a name that differ between sources, each with the first sources to use it:
 * bounded by the number of spellings, not by the number of sources that name the person.
 */
function spellingDiscrepancies(spellings: SpellingRecord[], profile: PersonProfile): Discrepancy[] {
  // One member per source, the oldest first, with the spellings it is kept for.
  const uses = spellings
    .flatMap(({ text, sources }) => sources.map((source) => ({ ...source, text })))
    .sort((a, b) => a.time - b.time || a.url.localeCompare(b.url));
  const bySource = new Map<string, string[]>();
  for (const { url, text } of uses) bySource.set(url, [...(bySource.get(url) ?? []), text]);
  return personDiscrepancies(
    [...bySource].map(([document, variants]) => ({
      document,
      person: { id: '', name: profile.name, role: profile.role, mentions: [], variants, titles: [] },
    })),
  );
}

/**
 * Brings a claim up to date with its member allegations: who it accuses, which sources report it
 * (the first to report it first), its stances, its summary and the discrepancies between its first
 * and latest sources. With `added`, one more source's allegations have just joined it, and only the
 * members its record keeps (`kept`, with their sources' summaries, as linking read them) are taken
 * with them (what the others contributed, the record already holds); otherwise every member and
 * its source is read and everything recomputed. Answers the claim as written (null: retired, having
 * no allegation left) and the people whose lists of claims (see `PersonRecord.claims`) it may have
 * changed: who it accuses now and did not before, and, when it was recomputed, who it accused before
 * too. The names of the source's people, as their records
 * are being written (`added.names`), are taken from there rather than read back.
 */
export async function refreshClaim(
  db: CrosscheckDatabase,
  claim: ClaimRecord,
  added?: {
    allegations: AllegationRecord[];
    source: SourceSummary;
    kept: ClaimMembersRecord | undefined;
    names: ReadonlyMap<string, string>;
  },
): Promise<{ claim: ClaimRecord | null; people: string[] }> {
  const members = added
    ? [...(added.kept?.allegations ?? []), ...added.allegations]
    : await db.allegations.where('claim').equals(claim.id).toArray();
  if (members.length === 0) {
    await retire(db, 'claim', claim.id);
    return { claim: null, people: claim.accused };
  }
  const known: Pick<ClaimRecord, 'accused' | 'accusedNames' | 'keys' | 'stances'> = added
    ? claim
    : { accused: [], accusedNames: [], keys: [], stances: [] };
  const unnamed = [...new Set([...known.accused, ...reportsOf(members).flatMap((report) => report.accusedIds)])].filter(
    (id) => !added?.names.has(id),
  );
  const [summaries, people] = await Promise.all([
    added
      ? new Map([...(added.kept?.sources ?? []), added.source].map((source) => [source.url, source]))
      : sourceSummaries(
          db.sources,
          members.map((member) => member.source),
        ),
    unnamed.length > 0 ? db.people.bulkGet(unnamed) : [],
  ]);
  const time = reportTime(summaries);
  const ordered = firstReportedFirst(members, summaries);
  const reports = reportsOf(ordered);
  const first = ordered[0] as AllegationRecord;
  // Absent when its first source is not stored (never so inside an ingest).
  const firstReported = summaries.get(first.source);
  const kept = membership(ordered);
  // The people's current names, or, for anyone not stored yet, a report's (in the same order as its ids).
  const names = new Map(known.accused.map((id, i) => [id, known.accusedNames[i] ?? '']));
  for (const report of reports) report.accusedIds.forEach((id, i) => names.set(id, report.accused[i] ?? ''));
  for (const person of people) if (person) names.set(person.id, person.name);
  for (const [id, name] of added?.names ?? []) names.set(id, name);
  const accused = [...new Set([...known.accused, ...reports.flatMap((report) => report.accusedIds)])];
  const refreshed: ClaimRecord = {
    ...claim,
    firstReported,
    accused,
    accusedNames: accused.map((id) => names.get(id) ?? ''),
    keys: [...new Set([...known.keys, ...reports.flatMap(claimKeys)])],
    // The first report that says something of its own names the claim; a bare "denied" does not.
    summary: (ordered.find((member) => (member.report?.terms.length ?? 0) > 0) ?? first).allegation.text,
    stances: [...new Set([...known.stances, ...ordered.map((member) => member.stance)])],
    ...kept,
    sourceCount: added
      ? claim.sourceCount + new Set(added.allegations.map((member) => member.source)).size
      : kept.sourceCount,
    firstReportedTime: time(first),
  };
  const keptSources = new Set(kept.sources);
  const keptMembers = ordered.filter((member) => keptSources.has(member.source));
  const subject = discrepancySubject('claim', claim.id);
  const discrepancies = discrepancyRecords(subject, claimDiscrepancies(reportsOf(keptMembers)));
  // Most sources that join a claim change none of its discrepancies: they are not written again.
  const unchanged = added && JSON.stringify(discrepancies) === JSON.stringify(added.kept?.discrepancies ?? []);
  // Written together: nothing here reads what the others write, and each wait is a round trip.
  await Promise.all([
    db.claims.put(refreshed),
    db.claimMembers.put({
      claim: claim.id,
      allegations: keptMembers,
      sources: summariesOf(keptMembers, summaries),
      discrepancies,
      claimSummary: claimSummary(refreshed),
    }),
    db.claimTerms.put(claimTermsRecord(claim.id, keptMembers)),
    unchanged ? undefined : replaceDiscrepancies(db, subject, discrepancies),
  ]);
  const before = new Set(added ? claim.accused : []);
  return {
    claim: refreshed,
    people: [...new Set([...(added ? [] : claim.accused), ...accused.filter((id) => !before.has(id))])],
  };
}

/**
 * Recomputes these claims one by one from their allegations (after a source they hold went or was
 * re-dated), then lists again the claims of the people they accuse or accused, with their summaries.
 */
export async function recomputeClaims(db: CrosscheckDatabase, claims: (ClaimRecord | undefined)[]): Promise<void> {
  const recomputed = new Map<string, ClaimRecord | null>();
  const affected: string[] = [];
  for (const claim of claims) {
    if (!claim) continue;
    const refreshed = await refreshClaim(db, claim);
    recomputed.set(claim.id, refreshed.claim);
    affected.push(...refreshed.people);
  }
  await restatePersonClaims(db, affected);
  await restateClaimSummaries(db, recomputed, affected);
}

/** What a source's time is found from (see `sourceTime`): its record or its summary. */
type TimedSource = Pick<SourceRecord, 'publishedTime' | 'firstRead'>;

/** When an allegation was reported: its source's time, or never when its source is unknown. */
function reportTime(sources: ReadonlyMap<string, TimedSource>): (member: AllegationRecord) => number {
  return (member) => {
    const source = sources.get(member.source);
    return source ? sourceTime(source) : Number.MAX_SAFE_INTEGER;
  };
}

/** A claim's allegations, the first reported first. */
export function firstReportedFirst(
  members: readonly AllegationRecord[],
  sources: ReadonlyMap<string, TimedSource>,
): AllegationRecord[] {
  const time = reportTime(sources);
  return [...members].sort((a, b) => time(a) - time(b) || a.index - b.index);
}

/** Puts a subject's discrepancies in place of its old ones: the new ones over the first, the rest deleted. */
async function replaceDiscrepancies(
  db: CrosscheckDatabase,
  subject: string,
  records: DiscrepancyRecord[],
): Promise<void> {
  await Promise.all([
    db.discrepancies.bulkPut(records),
    db.discrepancies.where(':id').between([subject, records.length], [subject, Dexie.maxKey]).delete(),
  ]);
}

/** Removes a person or claim nothing refers to any more, unless a note of the reader's is about it. */
async function retire(db: CrosscheckDatabase, subject: 'person' | 'claim', id: string): Promise<void> {
  await Promise.all([
    discrepanciesOf(db, discrepancySubject(subject, id)).delete(),
    subject === 'claim' ? db.claimMembers.delete(id) : undefined,
    subject === 'claim' ? db.claimTerms.delete(id) : undefined,
  ]);
  const noted = (await db.notes.where(`target.${subject}`).equals(id).count()) > 0;
  if (subject === 'person') {
    if (!noted) await db.people.delete(id);
    else
      await db.people
        .where('id')
        .equals(id)
        .modify((person, reference) => {
          reference.value = withTallies(person, noTallies, new Map());
        });
  } else if (noted) {
    await db.claims.update(id, { sources: [], sourceCount: 0, stances: [], members: [], firstReported: undefined });
  } else {
    await db.claims.delete(id);
  }
}
