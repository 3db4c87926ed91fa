/**
 * One key per article, whatever address it was read at. Pages declare their canonical address
 * (`<link rel=canonical>`, `og:url`), but a page can declare anything: a declared address is taken
 * only when it belongs to the same site as the address the browser reports for the page, so
 * evil.example can never file its text under a BBC article. Being on the same site is not enough
 * where writers share one (substack.com, medium.com): the store takes it only when what it holds
 * bears it out (see `declared-address.ts`). The key then folds the variants of one article
 * together: tracking parameters, AMP, mobile and print versions.
 */
import { getDomain } from 'tldts';

export interface ArticleAddress {
  /** The key: the article's canonical URL with its variants folded together. */
  url: string;
  /** The canonical URL as a reader can follow it: declared address (when trusted), tracking stripped. */
  href: string;
  /** The key of the address the browser reported: how the page finds its source again. */
  alias: string;
  /** The registrable domain, or the host when it has none. */
  site: string;
  /** When the page declares another article's address: its own, where it is filed unless the store bears the declaration out. */
  undeclared?: ArticleAddress;
}

// Parameters that say how the reader arrived, never which article they read.
const trackingParameters = new Set([
  '__twitter_impression',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'action_object_map',
  'action_ref_map',
  'action_type_map',
  'cmp',
  'cmpid',
  'dclid',
  'ef_id',
  'fb_action_ids',
  'fb_action_types',
  'fb_ref',
  'fb_source',
  'fbclid',
  'gbraid',
  'gclid',
  'gclsrc',
  'guccounter',
  'guce_referrer',
  'guce_referrer_sig',
  'igsh',
  'igshid',
  'intcmp',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  'mkt_tok',
  'msclkid',
  'ncid',
  'ocid',
  'ref_src',
  'ref_url',
  's_cid',
  's_kwcid',
  'smid',
  'smtyp',
  'soc_src',
  'soc_trk',
  'sr_share',
  'ttclid',
  'twclid',
  'wbraid',
  'wt.mc_id',
  'xtor',
  'yclid',
]);
const trackingPrefixes = ['utm_', 'at_', 'ns_', 'pk_', 'mtm_', 'hsa_', 'oly_', 'vero_'];

// Parameters that only choose a rendering of the same article (AMP caches add the first three).
const renderingParameters = new Set(['amp_js_v', 'amp_gsa', 'usqp']);
// A Map, not an object literal: parameter names come from the page ("__proto__", "constructor").
const renderingSwitches = new Map<string, Set<string>>([
  ['amp', new Set(['', '1', 'true', 'yes'])],
  ['print', new Set(['', '1', 'true', 'yes'])],
  ['mobile', new Set(['1', 'true', 'yes'])],
  ['m', new Set(['1'])],
  ['outputtype', new Set(['amp'])],
  ['output', new Set(['amp', 'print'])],
  ['view', new Set(['amp', 'print', 'mobile'])],
]);

// Host labels that name a rendering of the site rather than a different part of it.
const renderingHostLabels = new Set(['www', 'm', 'mobile', 'amp']);

const ampCacheSuffix = '.cdn.ampproject.org';

/**
 * The article's address. `declared` is the canonical URL the page gives (absolute or relative);
 * `reported` is the URL the browser reports for the page, which the page cannot choose.
 */
export function articleAddress(reported: string, declared?: string): ArticleAddress {
  const page = new URL(reported);
  if (page.protocol !== 'http:' && page.protocol !== 'https:') {
    throw new Error(`not a web page: ${page.protocol}`);
  }
  const origin = unwrapAmpCache(page);
  const claimed = declared ? trustedDeclaration(declared, page, origin) : undefined;
  const own = addressAt(origin, origin);
  if (!claimed) return own;
  const address = addressAt(claimed, origin);
  return address.url === own.url ? address : { ...address, undeclared: own };
}

function addressAt(chosen: URL, origin: URL): ArticleAddress {
  return {
    url: canonicalUrl(chosen.href),
    href: withoutTracking(chosen).href,
    alias: canonicalUrl(origin.href),
    site: siteOf(chosen.hostname),
  };
}

/** The key of any address: the same string for every variant of one article. */
export function canonicalUrl(address: string): string {
  const url = unwrapAmpCache(withoutTracking(new URL(address)));
  url.hostname = withoutRenderingLabels(url.hostname);
  keepParameters(url, (name, value) => !renderingParameters.has(name) && !renderingSwitches.get(name)?.has(value));
  url.searchParams.sort();
  url.pathname = withoutRenderingPath(url.pathname);
  return url.href;
}

/** The registrable domain of a host, or the host itself for addresses that have none. */
export function siteOf(hostname: string): string {
  return getDomain(hostname, { allowPrivateDomains: true }) ?? hostname;
}

function trustedDeclaration(declared: string, page: URL, origin: URL): URL | undefined {
  let url: URL;
  try {
    url = unwrapAmpCache(new URL(declared, page));
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (siteOf(url.hostname) !== siteOf(origin.hostname)) return undefined;
  // Some sites declare their front page as every article's canonical address: that is no article's address.
  if (withoutRenderingPath(url.pathname) === '/' && withoutRenderingPath(origin.pathname) !== '/') return undefined;
  return url;
}

/**
 * A page served from Google's AMP cache (`www-bbc-com.cdn.ampproject.org/c/s/www.bbc.com/...`) is
 * the publisher's page: its address names the publisher's own in its path. Only when the cache's
 * subdomain is the one the cache gives that publisher: any page on the cache can rewrite its own path
 * (`history.pushState`), but not its host, so a path naming another publisher under a host that
 * does not is that page's own address, not the publisher's.
 */
function unwrapAmpCache(url: URL): URL {
  if (!url.hostname.endsWith(ampCacheSuffix)) return url;
  const match = /^\/[cv]\/(s\/)?([^/]+)(\/.*)?$/.exec(url.pathname);
  if (!match?.[2]) return url;
  try {
    const unwrapped = new URL(`${match[1] ? 'https' : 'http'}://${match[2]}${match[3] ?? '/'}`);
    if (ampCacheLabel(unwrapped.hostname) !== url.hostname.slice(0, -ampCacheSuffix.length)) return url;
    unwrapped.search = url.search;
    return unwrapped;
  } catch {
    return url;
  }
}

/**
 * The AMP cache's subdomain for a publisher's host (already in punycode, as URL gives it): each "-"
 * doubled, each "." made "-", and a label that would read as punycode ("xn--…") wrapped in "0-…-0".
 * The cache's other form, a hash for hosts too long for one label, is not unwrapped: such a page is
 * filed under the cache's address.
 */
function ampCacheLabel(hostname: string): string {
  const label = hostname.replaceAll('-', '--').replaceAll('.', '-');
  return label.slice(2, 4) === '--' ? `0-${label}-0` : label;
}

function withoutTracking(url: URL): URL {
  const clean = new URL(url.href);
  clean.hash = '';
  keepParameters(
    clean,
    (name) => !trackingParameters.has(name) && !trackingPrefixes.some((prefix) => name.startsWith(prefix)),
  );
  return clean;
}

/** Keeps the query parameters `keep` accepts; it sees names and values lower-cased. */
function keepParameters(url: URL, keep: (name: string, value: string) => boolean): void {
  const kept = [...url.searchParams].filter(([name, value]) => keep(name.toLowerCase(), value.toLowerCase()));
  if (kept.length !== url.searchParams.size) url.search = new URLSearchParams(kept).toString();
}

function withoutRenderingLabels(hostname: string): string {
  const site = siteOf(hostname);
  let host = hostname;
  for (;;) {
    const dot = host.indexOf('.');
    const rest = host.slice(dot + 1);
    if (dot < 0 || !renderingHostLabels.has(host.slice(0, dot)) || !rest.endsWith(site)) return host;
    host = rest;
  }
}

function withoutRenderingPath(pathname: string): string {
  const path = pathname
    .split('/')
    .filter((segment, index, segments) => segment !== 'amp' && !(segment === 'print' && index === segments.length - 1))
    .join('/')
    .replace(/\.amp(\.html?)?$/i, (_, extension: string | undefined) => extension ?? '')
    .replace(/\/+$/, '');
  return path.startsWith('/') ? path || '/' : `/${path}`;
}
