/**
 * What a person's record keeps of their appearances (one per source) so that no lookup or ingest
 * reads all of them: how many sources name them, each spelling with the first few sources that
 * used it, the people most often named alongside them, and the latest sources with the spellings
 * each used (what a page's lookup shows of the person elsewhere, without an index read per person).
 * Ingest adds one appearance at a time; a schema upgrade, a rebuilt person and an import count them
 * again from the appearances stored, rather than trust a stored or imported figure.
 */
import type { Collection } from 'dexie';
import { foldName } from '../analysis/people/name-text.ts';
import type { AppearanceRecord, CompanionRecord, PersonRecord, RecentSourceRecord } from './records.ts';
import { otherSourceLimit, type SourceSummary } from './views.ts';

/** One of a person's latest sources as counted from their appearances, before its summary is copied in. */
export type RecentUse = Omit<RecentSourceRecord, 'source'>;

export type PersonTallies = Pick<PersonRecord, 'sourceCount' | 'spellings' | 'companions'> & { recent: RecentUse[] };

/** A person's tallies before any appearance, as their record too starts (no latest sources to copy). */
export const noTallies: PersonTallies & Pick<PersonRecord, 'recent'> = {
  sourceCount: 0,
  spellings: [],
  companions: [],
  recent: [],
};

/** How many sources a spelling keeps: enough to show who wrote it which way, not every source. */
export const spellingSourceLimit = 5;

/**
 * How many companions a person keeps. Linking needs evidence that two sources give a person the
 * same context, and the people named most often alongside someone are that evidence; the long
 * tail of names seen once next to a much-reported person backs no match a frequent one would not.
 */
export const companionLimit = 40;

/** How many of the latest sources a person keeps: a page's lookup shows `otherSourceLimit` besides itself. */
export const recentSourceLimit = otherSourceLimit + 1;

/** The tallies with these appearances added. */
export function tallied(tallies: PersonTallies, appearances: readonly AppearanceRecord[]): PersonTallies {
  const spellings = new Map(tallies.spellings.map((spelling) => [spelling.text, spelling.sources]));
  const companions = new Map(tallies.companions.map((companion) => [foldName(companion.name), companion]));
  const recent = new Map(tallies.recent.map((source) => [source.url, source]));
  for (const appearance of appearances) {
    const use = { url: appearance.source, time: -appearance.recency };
    recent.set(use.url, { ...use, spellings: appearance.variants });
    for (const { text } of appearance.profile.variants) {
      const sources = (spellings.get(text) ?? []).filter((known) => known.url !== use.url);
      sources.push(use);
      sources.sort((a, b) => a.time - b.time || a.url.localeCompare(b.url));
      spellings.set(text, sources.slice(0, spellingSourceLimit));
    }
    // The first spelling of each name, as merging profiles keeps it.
    const named = new Map([...appearance.profile.coMentioned].reverse().map((name) => [foldName(name), name]));
    for (const [key, name] of named) {
      const known = companions.get(key);
      companions.set(
        key,
        known
          ? { name: known.name, count: known.count + 1, time: Math.max(known.time, use.time) }
          : { name, count: 1, time: use.time },
      );
    }
  }
  return {
    sourceCount: tallies.sourceCount + appearances.length,
    spellings: [...spellings].map(([text, sources]) => ({ text, sources })),
    companions: mostFrequent([...companions.values()]),
    recent: latest([...recent.values()]),
  };
}

/** The latest first, in the order of the appearances' `[person+recency]` index (the key's source breaks a tie). */
function latest(sources: RecentUse[]): RecentUse[] {
  return sources
    .sort((a, b) => b.time - a.time || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
    .slice(0, recentSourceLimit);
}

function mostFrequent(companions: CompanionRecord[]): CompanionRecord[] {
  return companions
    .sort((a, b) => b.count - a.count || b.time - a.time || a.name.localeCompare(b.name))
    .slice(0, companionLimit);
}

/**
 * The person with these tallies, their profile's co-mentioned names the companions kept, and each
 * of their latest sources with its summary from `summaries` (a source with none is no longer stored).
 */
export function withTallies(
  person: PersonRecord,
  tallies: PersonTallies,
  summaries: ReadonlyMap<string, SourceSummary>,
): PersonRecord {
  return {
    ...person,
    ...tallies,
    recent: tallies.recent.flatMap(({ url, time, spellings }) => {
      const source = summaries.get(url);
      return source ? [{ url, time, spellings, source }] : [];
    }),
    profile: { ...person.profile, coMentioned: tallies.companions.map((companion) => companion.name) },
  };
}

/** The summaries a person's record holds of their latest sources. */
export function recentSummaries(person: PersonRecord): Map<string, SourceSummary> {
  return new Map(person.recent.map((recent) => [recent.url, recent.source]));
}

/** Every person's tallies, from one pass over the appearances. */
export async function talliesOf(appearances: Collection<AppearanceRecord>): Promise<Map<string, PersonTallies>> {
  const tallies = new Map<string, PersonTallies>();
  await appearances.each((appearance) => {
    tallies.set(appearance.person, tallied(tallies.get(appearance.person) ?? noTallies, [appearance]));
  });
  return tallies;
}
