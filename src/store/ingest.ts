/**
 * Storing a page's analysis: one transaction, so a failure or a stopped background leaves the
 * store as it was, and idempotent, so reading an article again (or its AMP, mobile or
 * utm-tagged variant, which share its canonical key) updates it and never duplicates it. An
 * edited article replaces what was found in it before; the reader's notes on it are anchored
 * again in the new text, and kept, marked orphaned, where their text is gone.
 */
import { mergeProfiles } from '../analysis/linking/person-profile.ts';
import type { SourceDocument } from '../analysis/types.ts';
import { anchorSelectors } from '../anchoring/anchor.ts';
import { astralOffsets } from '../anchoring/code-points.ts';
import { describeSpan } from '../anchoring/describe.ts';
import type { AnalysedArticle } from '../messaging/analysis-schema.ts';
import type { ArticleAddress } from './canonical-url.ts';
import type { CrosscheckDatabase } from './database.ts';
import { addressToFile, joinsByTextAlone } from './declared-address.ts';
import {
  linkClaims,
  linkPeople,
  recomputeClaims,
  refreshClaim,
  refreshPerson,
  restatePersonClaims,
} from './linking.ts';
import type {
  AllegationRecord,
  AppearanceRecord,
  NoteRecord,
  PersonRecord,
  SourceMentionsRecord,
  SourceRecord,
} from './records.ts';
import { type ClaimCopies, claimCopies, restateClaimSummaries } from './claim-copies.ts';
import { restateSourceCopies } from './source-copies.ts';
import { ofSource, sourceSummary, sourceTime } from './summaries.ts';

export type IngestOutcome = 'added' | 'updated' | 'unchanged';

/** SHA-256 of the analysed text, in hex: whether an article changed since it was last stored. */
export async function contentHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function ingestArticle(
  db: CrosscheckDatabase,
  page: ArticleAddress,
  article: AnalysedArticle,
  now = Date.now(),
): Promise<IngestOutcome> {
  // Hashed before the transaction: IndexedDB commits a transaction that waits on anything but itself.
  const hash = await contentHash(article.analysis.text);
  return db.transaction('rw', db.researchTables(), async () => {
    const address = await addressToFile(db, page, hash);
    // The notes on it are read with it, rather than after everything else: a round trip fewer.
    const [existing, notes] = await Promise.all([
      db.sources.get(address.url),
      db.notes.where('target.source').equals(address.url).toArray(),
      claimAlias(db, address.alias, address.url),
    ]);
    const source = joinsByTextAlone(address, existing)
      ? joinedAsCopy(existing, address.alias, now)
      : sourceRecord(address, article, hash, existing, now);
    if (existing?.contentHash === hash) {
      await db.sources.put(source);
      const summary = sourceSummary(source);
      if (sourceTime(existing) !== sourceTime(source)) await retime(db, source, now);
      // Most often nothing a view shows of it changed (its copies hold no read time): they stay as they are.
      else if (JSON.stringify(sourceSummary(existing)) !== JSON.stringify(summary)) {
        await restateSourceCopies(db, summary);
      }
      return 'unchanged';
    }
    await replaceFindings(db, source, article, { now, isNew: !existing });
    await reanchorNotes(db, notes, article.analysis.text);
    return existing ? 'updated' : 'added';
  });
}

function sourceRecord(
  address: ArticleAddress,
  { metadata, analysis }: AnalysedArticle,
  contentHash: string,
  existing: SourceRecord | undefined,
  now: number,
): SourceRecord {
  const publishedTime = metadata.published ? Date.parse(metadata.published) : Number.NaN;
  const aliases = [...new Set([...joinedAddresses(address, existing, contentHash), address.url, address.alias])];
  // The copies among the addresses kept stay copies; the page read now is the article's or a variant's.
  const copies = (existing?.copies ?? []).filter((copy) => copy !== address.alias && aliases.includes(copy));
  return {
    url: address.url,
    href: address.href,
    aliases,
    ...(copies.length > 0 ? { copies } : {}),
    site: address.site,
    outlet: metadata.outlet?.trim() || address.site,
    title: metadata.title?.trim() || address.href,
    ...(metadata.byline ? { byline: metadata.byline } : {}),
    ...(metadata.published ? { published: metadata.published } : {}),
    ...(metadata.modified ? { modified: metadata.modified } : {}),
    ...(Number.isFinite(publishedTime) ? { publishedTime } : {}),
    firstRead: existing?.firstRead ?? now,
    lastRead: now,
    contentHash,
    astralOffsets: astralOffsets(analysis.text),
  };
}

/** The article as a page that joins it by its text alone leaves it: listed as a copy, its read time new. */
function joinedAsCopy(existing: SourceRecord, alias: string, now: number): SourceRecord {
  const copies = [...new Set([...(existing.copies ?? []), alias])];
  return { ...existing, aliases: [...new Set([...existing.aliases, alias])], copies, lastRead: now };
}

/**
 * The addresses filed under the article before. Read at its own address with other text, the
 * article drops them: another page of its site may have declared it as its canonical address
 * before it was first read (see `declared-address.ts`); its true variants join it again when read.
 */
function joinedAddresses(address: ArticleAddress, existing: SourceRecord | undefined, contentHash: string): string[] {
  if (!existing) return [];
  return address.alias === address.url && existing.contentHash !== contentHash ? [] : existing.aliases;
}

/**
 * An address belongs to one source. When a page starts declaring a canonical address it did not
 * before, its address moves to the new source, so the page finds what it is now stored as.
 */
async function claimAlias(db: CrosscheckDatabase, alias: string, url: string): Promise<void> {
  const others = (await db.sources.where('aliases').equals(alias).toArray()).filter((other) => other.url !== url);
  if (others.length === 0) return;
  await db.sources.bulkPut(others.map((other) => withoutAlias(other, alias)));
}

/** The source without `alias`, as an address and as a copy's (see `SourceRecord.copies`). */
function withoutAlias(source: SourceRecord, alias: string): SourceRecord {
  const { copies, ...rest } = source;
  const kept = copies?.filter((copy) => copy !== alias) ?? [];
  return {
    ...rest,
    aliases: source.aliases.filter((known) => known !== alias),
    ...(kept.length > 0 ? { copies: kept } : {}),
  };
}

/** A changed publication date reorders the source among each person's sources and each claim's reports. */
async function retime(db: CrosscheckDatabase, source: SourceRecord, now: number): Promise<void> {
  await ofSource(db.appearances, source.url).modify({ recency: -sourceTime(source) });
  // Which source used a spelling first may have changed too.
  const appearances = await ofSource(db.appearances, source.url).toArray();
  for (const person of await db.people.bulkGet(appearances.map((appearance) => appearance.person))) {
    if (person) await refreshPerson(db, person, { rebuild: true, now });
  }
  const allegations = await ofSource(db.allegations, source.url).toArray();
  const claims = await db.claims.bulkGet([...new Set(allegations.flatMap((a) => (a.claim ? [a.claim] : [])))]);
  await recomputeClaims(db, claims);
}

/** Takes out what the source's previous version contributed and puts in what this one finds, linked. */
async function replaceFindings(
  db: CrosscheckDatabase,
  source: SourceRecord,
  article: AnalysedArticle,
  { now, isNew }: { now: number; isNew: boolean },
): Promise<void> {
  const { analysis } = article;
  const document: SourceDocument = { id: source.url, metadata: article.metadata, analysis };
  // Linking reads the store as it is, the previous version included: an edited article's people
  // and claims are found to be the ones it named before, and keep their identity and notes. A
  // source read for the first time has no previous version to read or take out.
  const [people, previousAppearances, previousAllegations] = await Promise.all([
    linkPeople(db, document, now),
    isNew ? [] : ofSource(db.appearances, source.url).toArray(),
    isNew ? [] : ofSource(db.allegations, source.url).toArray(),
    db.sources.put(source),
  ]);
  const { reports, claimOf, members } = await linkClaims(db, document, people, now);
  if (!isNew) {
    await Promise.all([ofSource(db.appearances, source.url).delete(), ofSource(db.allegations, source.url).delete()]);
  }

  const recency = -sourceTime(source);
  const appearances: AppearanceRecord[] = [];
  const mentions: SourceMentionsRecord['mentions'] = [];
  const storedId = new Map<string, string>();
  for (const local of analysis.people) {
    const linked = people.byLocal.get(local.id);
    if (!linked) continue;
    storedId.set(local.id, linked.person.id);
    appearances.push({
      source: source.url,
      person: linked.person.id,
      local: local.id,
      recency,
      name: local.name,
      role: local.role,
      variants: [...new Set([...local.variants, ...local.mentions.map((mention) => mention.text)])],
      titles: local.titles,
      mentionCount: local.mentions.length,
      profile: linked.profile,
    });
    for (const mention of local.mentions) {
      mentions.push({
        index: mentions.length,
        person: linked.person.id,
        text: mention.text,
        form: mention.form,
        ...(mention.title ? { title: mention.title } : {}),
        selectors: describeSpan(analysis.text, mention),
      });
    }
  }
  const reportOf = new Map(reports.map((report) => [report.allegationIndex, report]));
  const allegations: AllegationRecord[] = analysis.allegations.map((allegation, index) => {
    const report = reportOf.get(index);
    const claim = claimOf.get(index);
    return {
      source: source.url,
      index,
      allegation,
      ...(report ? { report } : {}),
      accused: allegation.accused.flatMap((local) => storedId.get(local) ?? []),
      stance: allegation.stance,
      cue: analysis.text.slice(allegation.cue.start, allegation.cue.end),
      selectors: describeSpan(analysis.text, allegation),
      ...(claim ? { claim: claim.id } : {}),
    };
  });
  // IndexedDB carries out a transaction's requests in the order they are made: what the people and
  // claims read of them below (a rebuilt person's appearances) is already this version's.
  await Promise.all([
    db.appearances.bulkPut(appearances),
    // The previous version's mentions, if any, are replaced whole.
    mentions.length > 0
      ? db.sourceMentions.put({ source: source.url, mentions })
      : db.sourceMentions.delete(source.url),
    db.allegations.bulkPut(allegations),
    refreshLinked(),
  ]);

  async function refreshLinked(): Promise<void> {
    // A person the previous version named is rebuilt from their appearances, so that version's
    // profile is not counted twice; any other is merged with this article's profile.
    const before = new Set(previousAppearances.map((appearance) => appearance.person));
    const linked = [...people.byLocal.values()];
    const linkedIds = new Set(linked.map(({ person }) => person.id));
    const goneIds = [...before].filter((id) => !linkedIds.has(id));
    const gone = goneIds.length > 0 ? await db.people.bulkGet(goneIds) : [];
    const claims = new Map([...claimOf.values()].map((claim) => [claim.id, claim]));
    const previousClaims = [
      ...new Set(
        previousAllegations.flatMap((allegation) =>
          allegation.claim && !claims.has(allegation.claim) ? [allegation.claim] : [],
        ),
      ),
    ];
    for (const claim of previousClaims.length > 0 ? await db.claims.bulkGet(previousClaims) : []) {
      if (claim) claims.set(claim.id, claim);
    }
    const appearanceOf = new Map(appearances.map((appearance) => [appearance.person, appearance]));
    const summary = sourceSummary(source);
    // The claims this source accuses each person in: what their records list of their claims gains.
    const claimsAbout = new Map<string, string[]>();
    for (const { claim, report } of allegations) {
      if (!claim) continue;
      for (const id of report?.accusedIds ?? []) {
        const ids = claimsAbout.get(id);
        if (ids) ids.push(claim);
        else claimsAbout.set(id, [claim]);
      }
    }
    // What the people merged with this article are called once written: the claims about them take it from here.
    const names = new Map<string, string>();
    const rebuilt = (person: PersonRecord) => before.has(person.id) || !appearanceOf.has(person.id);
    const adding = linked.map(({ person, profile, isNew }) => {
      const added = appearanceOf.get(person.id);
      if (rebuilt(person) || !added) return { person, added: null };
      const merged = isNew ? profile : mergeProfiles(person.profile, profile);
      names.set(person.id, merged.name);
      return { person: { ...person, profile: merged }, added };
    });
    const refreshPeople = (copies?: ClaimCopies) =>
      Promise.all([
        ...adding.map(({ person, added }) =>
          added
            ? refreshPerson(db, person, {
                added,
                source: summary,
                claims: claimsAbout.get(person.id) ?? [],
                copies,
                now,
              })
            : refreshPerson(db, person, { rebuild: true, now }),
        ),
        ...gone.flatMap((person) => (person ? [refreshPerson(db, person, { rebuild: true, now })] : [])),
      ]);

    // A claim this source's previous version was not part of gains its allegations, joining the
    // members linking read; any other is recomputed.
    const claimedBefore = new Set(previousAllegations.flatMap((allegation) => allegation.claim ?? []));
    const refreshClaims = async () => {
      const refreshed = await Promise.all(
        [...claims.values()].map(async (claim) => {
          const joined = claimedBefore.has(claim.id)
            ? undefined
            : {
                allegations: allegations.filter((allegation) => allegation.claim === claim.id),
                source: summary,
                kept: members.get(claim.id),
                names,
              };
          return [claim.id, await refreshClaim(db, claim, joined)] as const;
        }),
      );
      return {
        written: new Map(refreshed.map(([id, refresh]) => [id, refresh.claim])),
        listsChanged: refreshed.flatMap(([, refresh]) => refresh.people),
      };
    };

    if (isNew && adding.every(({ added }) => added)) {
      // A new source's people are written once, after its claims, with the claims' summaries as they now
      // are; the other people those claims accuse get theirs copied beside.
      const { written, listsChanged } = await refreshClaims();
      const onPage = new Set(adding.map(({ person }) => person.id));
      await Promise.all([
        refreshPeople(claimCopies(written)),
        restateClaimSummaries(db, written, listsChanged, { except: onPage }),
      ]);
      return;
    }
    // A rebuilt person's name is found from their appearances: the claims read it once it is written.
    await refreshPeople();
    const { written, listsChanged } = await refreshClaims();
    // An edited source's people may have lost claims, and a person rebuilt from their appearances kept
    // their list as it was: listed again here.
    if (!isNew) await restatePersonClaims(db, listsChanged);
    await restateClaimSummaries(db, written, listsChanged);
  }
}

/**
 * The reader's notes on this article, attached again: a note on the whole article always is (it was
 * orphaned only if the article had been forgotten), a note on a selection where its text still is.
 */
async function reanchorNotes(db: CrosscheckDatabase, notes: NoteRecord[], text: string): Promise<void> {
  const changed: NoteRecord[] = [];
  for (const note of notes) {
    if (note.target.kind !== 'selection') {
      if (note.orphaned) changed.push({ ...note, orphaned: false });
      continue;
    }
    const anchoring = anchorSelectors(text, note.target.selectors);
    if (anchoring.status === 'anchored') {
      changed.push({
        ...note,
        target: { ...note.target, selectors: describeSpan(text, anchoring.span) },
        orphaned: false,
      });
    } else if (!note.orphaned) {
      changed.push({ ...note, orphaned: true });
    }
  }
  if (changed.length > 0) await db.notes.bulkPut(changed);
}
