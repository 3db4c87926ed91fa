/**
 * Where a page that declares another article's address as its canonical one is filed. Being on the
 * same site is not enough: on substack.com, medium.com or wordpress.com every writer shares it, and
 * a page that joined another's stored article would replace what was found in it, orphan the
 * reader's notes on it and be answered with them. So a page joins a stored article only when that
 * article already lists the page's address (it was filed under it before: an AMP, mobile or edition
 * variant) or holds the very same text; an article not stored yet is the page's to start, until the
 * article is read at its own address (see `ingest.ts`). Otherwise the page is filed under its own.
 * A page that joins by its text alone (a copy on another writer's pages is one) has no say in what
 * the article is called or who wrote it, and stays a copy (`SourceRecord.copies`) when read again:
 * listing its address is not a reason to trust it, or a copy read twice would rewrite the article.
 */
import type { ArticleAddress } from './canonical-url.ts';
import type { CrosscheckDatabase } from './database.ts';
import type { SourceRecord } from './records.ts';
import { isCopyAt, sourceAt } from './page-view.ts';

export async function addressToFile(
  db: CrosscheckDatabase,
  address: ArticleAddress,
  contentHash: string,
): Promise<ArticleAddress> {
  if (!address.undeclared) return address;
  const claimed = await sourceAt(db, address.url);
  if (!claimed) return address;
  const borneOut =
    claimed.url === address.url && (listsFor(claimed, address.alias) || claimed.contentHash === contentHash);
  return borneOut ? address : address.undeclared;
}

/**
 * Whether the page joins the stored article by its text alone: not at an address the article lists
 * for a reason (its own, or one of its variants', see `listsFor`).
 */
export function joinsByTextAlone(
  address: ArticleAddress,
  existing: SourceRecord | undefined,
): existing is SourceRecord {
  return existing !== undefined && address.undeclared !== undefined && !listsFor(existing, address.alias);
}

/** Whether the source lists `alias` other than as a copy's: the article's own address or a variant's. */
function listsFor(source: SourceRecord, alias: string): boolean {
  return source.aliases.includes(alias) && !isCopyAt(source, alias);
}
