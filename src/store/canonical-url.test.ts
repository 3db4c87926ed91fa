import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleAddress, canonicalUrl, siteOf } from './canonical-url.ts';

const bbc = 'https://www.bbc.com/news/world-us-canada-65044925';

describe('canonicalUrl', () => {
  it('strips tracking parameters and the fragment, and keeps the ones that choose the article', () => {
    expect(
      canonicalUrl(
        `${bbc}?utm_source=twitter&utm_medium=social&at_campaign=64&fbclid=IwAR0&gclid=x&mc_cid=1&mc_eid=2&ns_mchannel=social#comments`,
      ),
    ).toBe('https://bbc.com/news/world-us-canada-65044925');
    expect(canonicalUrl('https://example.com/article.php?utm_term=a&id=42&page=2&UTM_Content=b')).toBe(
      'https://example.com/article.php?id=42&page=2',
    );
    expect(canonicalUrl('https://example.com/a?__proto__=1&constructor=2')).toBe(
      'https://example.com/a?__proto__=1&constructor=2',
    );
  });

  it('orders the remaining parameters, so their order does not make two articles', () => {
    expect(canonicalUrl('https://example.com/a?b=2&a=1')).toBe(canonicalUrl('https://example.com/a?a=1&b=2'));
  });

  it('folds AMP, mobile and print renderings of one article together', () => {
    const key = canonicalUrl(bbc);
    for (const variant of [
      'https://www.bbc.com/news/amp/world-us-canada-65044925',
      'https://www.bbc.com/news/world-us-canada-65044925.amp',
      'https://amp.bbc.com/news/world-us-canada-65044925',
      'https://m.bbc.com/news/world-us-canada-65044925/',
      'https://mobile.bbc.com/news/world-us-canada-65044925?mobile=1',
      'https://www.bbc.com/news/world-us-canada-65044925/amp',
      'https://www.bbc.com/news/world-us-canada-65044925?amp=1',
      'https://www.bbc.com/news/world-us-canada-65044925?outputType=amp',
      'https://www.bbc.com/news/world-us-canada-65044925?print=true',
      'https://www.bbc.com/news/world-us-canada-65044925/print',
      'https://bbc.com/news/world-us-canada-65044925?view=print&utm_source=x',
      'https://www-bbc-com.cdn.ampproject.org/c/s/www.bbc.com/news/amp/world-us-canada-65044925?amp_js_v=0.1&usqp=mq331AQ',
      'https://WWW.BBC.COM/news/world-us-canada-65044925#top',
    ]) {
      expect(canonicalUrl(variant), variant).toBe(key);
    }
    expect(canonicalUrl('https://example.com/story.amp.html')).toBe(canonicalUrl('https://example.com/story.html'));
  });

  it('keeps different articles apart', () => {
    const keys = [
      'https://www.bbc.com/news/world-us-canada-65044925',
      'https://www.bbc.com/news/world-us-canada-65044926',
      'https://www.bbc.co.uk/news/world-us-canada-65044925',
      'https://news.bbc.com/world-us-canada-65044925',
      'https://example.com/article.php?id=1',
      'https://example.com/article.php?id=2',
      'https://example.com/print/article',
      'https://example.com/amplifiers',
    ].map(canonicalUrl);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('does not take a site that is itself called amp or www apart', () => {
    expect(canonicalUrl('https://amp.dev/about/')).toBe('https://amp.dev/about');
    expect(canonicalUrl('https://www.amp.dev/about')).toBe('https://amp.dev/about');
    expect(canonicalUrl('https://m.me/page')).toBe('https://m.me/page');
  });

  it('is idempotent on any web address', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (address) => {
        const key = canonicalUrl(address);
        expect(canonicalUrl(key)).toBe(key);
      }),
    );
    // Generous: the machines that run the suite are often busy.
  }, 30_000);
});

describe('articleAddress', () => {
  it('takes the canonical address the page declares on its own site', () => {
    const address = articleAddress(
      'https://m.bbc.com/news/amp/world-us-canada-65044925?utm_source=twitter',
      `${bbc}?at_medium=RSS`,
    );
    expect(address).toEqual({
      url: 'https://bbc.com/news/world-us-canada-65044925',
      href: bbc,
      alias: 'https://bbc.com/news/world-us-canada-65044925',
      site: 'bbc.com',
    });
  });

  it('resolves a relative canonical link against the page', () => {
    const address = articleAddress('http://127.0.0.1:8127/bbc-han-dong.html', '/news/world-us-canada-han-dong');
    expect(address.url).toBe('http://127.0.0.1:8127/news/world-us-canada-han-dong');
    expect(address.alias).toBe('http://127.0.0.1:8127/bbc-han-dong.html');
    expect(address.site).toBe('127.0.0.1');
  });

  it('never lets a page claim another site’s article', () => {
    for (const [page, claimed] of [
      ['https://evil.example/fake', bbc],
      ['https://bbc.com.evil.example/news/x', bbc],
      ['https://evil.github.io/a', 'https://victim.github.io/a'],
      ['http://127.0.0.1:8127/evil.html', 'http://localhost:8127/news/world-us-canada-han-dong'],
      ['http://127.0.0.1:8127/evil.html', 'http://127.0.0.2:8127/news/world-us-canada-han-dong'],
      ['https://evil.example/a', 'javascript:alert(1)'],
      ['https://evil.example/a', 'https://evil-example.cdn.ampproject.org/c/s/www.bbc.com/news/x'],
    ] as const) {
      const address = articleAddress(page, claimed);
      expect(address.url, claimed).toBe(canonicalUrl(page));
      expect(address.href).toBe(page);
    }
  });

  it('accepts a canonical address on another host of the same site', () => {
    expect(articleAddress('https://edition.cnn.com/2023/03/22/story', 'https://www.cnn.com/2023/03/22/story').url).toBe(
      'https://cnn.com/2023/03/22/story',
    );
  });

  it('keeps the page’s own address beside another it declares on the site, for the store to weigh', () => {
    for (const [page, claimed] of [
      ['https://edition.cnn.com/2023/03/22/story', 'https://www.cnn.com/2023/03/22/story'],
      ['https://attacker.substack.com/p/whatever', 'https://reporter.substack.com/p/han-dong'],
      ['https://medium.com/@attacker/whatever?source=x', 'https://medium.com/@reporter/han-dong'],
    ] as const) {
      const address = articleAddress(page, claimed);
      expect(address.url).toBe(canonicalUrl(claimed));
      expect(address.undeclared).toEqual(articleAddress(page));
    }
    // A variant that declares what it folds into anyway has nothing to weigh.
    expect(articleAddress(`${bbc}?amp=1`, bbc).undeclared).toBeUndefined();
  });

  it('files a page from the AMP cache under the publisher it came from', () => {
    const address = articleAddress(
      'https://www-bbc-com.cdn.ampproject.org/c/s/www.bbc.com/news/amp/world-us-canada-65044925',
      bbc,
    );
    expect(address.url).toBe('https://bbc.com/news/world-us-canada-65044925');
    expect(address.site).toBe('bbc.com');
  });

  it('files a page on the AMP cache under another publisher only when the cache’s host is that publisher’s', () => {
    // Any page on the cache can change its own path to name another publisher (history.pushState), not its host.
    const forged = 'https://evil-example.cdn.ampproject.org/c/s/www.bbc.com/news/world-us-canada-han-dong';
    const address = articleAddress(forged);
    expect(address.url).toBe(canonicalUrl(forged));
    expect(address.url).toBe('https://evil-example.cdn.ampproject.org/c/s/www.bbc.com/news/world-us-canada-han-dong');
    expect(address.site).toBe('ampproject.org');
    expect(canonicalUrl(forged)).not.toBe(canonicalUrl(bbc));
    // A publisher whose host has hyphens, or reads as punycode once they are doubled.
    expect(canonicalUrl('https://news--site-example-com.cdn.ampproject.org/c/s/news-site.example.com/a')).toBe(
      'https://news-site.example.com/a',
    );
    expect(canonicalUrl('https://0-xn----7sbbm-com-0.cdn.ampproject.org/c/s/xn--7sbbm.com/a')).toBe(
      'https://xn--7sbbm.com/a',
    );
  });

  it('ignores a declaration of the front page as an article’s address', () => {
    const address = articleAddress('https://news.example.org/2023/story?utm_source=x', 'https://news.example.org/');
    expect(address.url).toBe('https://news.example.org/2023/story');
  });

  it('ignores a declaration that is not an address', () => {
    expect(articleAddress('https://news.example.org/story', 'http://[bad').url).toBe('https://news.example.org/story');
  });

  it('refuses pages that are not on the web', () => {
    expect(() => articleAddress('file:///home/reader/story.html')).toThrow(/not a web page/);
  });
});

describe('siteOf', () => {
  it('is the registrable domain, honouring private suffixes', () => {
    expect(siteOf('www.bbc.co.uk')).toBe('bbc.co.uk');
    expect(siteOf('victim.github.io')).toBe('victim.github.io');
    expect(siteOf('127.0.0.1')).toBe('127.0.0.1');
    expect(siteOf('localhost')).toBe('localhost');
  });
});
