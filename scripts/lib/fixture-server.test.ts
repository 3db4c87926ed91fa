import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from './fixture-server.ts';
import { fixturesDir } from './paths.ts';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());

describe('fixture server', () => {
  it('serves the sample articles from 127.0.0.1', async () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(server.url('/bbc-han-dong.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('Han Dong has been accused of lobbying');
  });

  it('serves nothing outside its folders', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/missing.html']) {
      expect((await fetch(server.url(path))).status).toBe(404);
    }
  });
});

describe('fixture server with extra folders and made-up pages', () => {
  it('serves a folder under its prefix with its headers, and pages the tests made up', async () => {
    const csp = "script-src 'none'";
    const extra = await startFixtureServer(
      { '/': fixturesDir, '/strict/': { dir: fixturesDir, headers: { 'content-security-policy': csp } } },
      0,
      { files: { '/edited.html': '<p>Edited</p>' } },
    );
    try {
      const strict = await fetch(extra.url('/strict/bbc-han-dong.html'));
      expect(strict.headers.get('content-security-policy')).toBe(csp);
      expect((await fetch(extra.url('/bbc-han-dong.html'))).headers.get('content-security-policy')).toBeNull();
      const edited = await fetch(extra.url('/edited.html'));
      expect(edited.headers.get('content-type')).toContain('text/html');
      expect(await edited.text()).toBe('<p>Edited</p>');
      expect((await fetch(extra.url('/strict/../../package.json'))).status).toBe(404);
    } finally {
      await extra.close();
    }
  });
});
