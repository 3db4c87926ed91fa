import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { importHash } from './data-transfer/import-panel.tsx';
import { parseRoute, type Route, routeHash } from './routes.ts';

vi.mock('webextension-polyfill', () => import('./test-support.ts').then((support) => support.polyfill));

describe('routes', () => {
  it('reads each view from the fragment', () => {
    expect(parseRoute('')).toEqual({ view: 'home' });
    expect(parseRoute('#/')).toEqual({ view: 'home' });
    expect(parseRoute('#/person/7f9a-08e')).toEqual({ view: 'person', id: '7f9a-08e' });
    expect(parseRoute('#/claim/c1')).toEqual({ view: 'claim', id: 'c1' });
    expect(parseRoute('#/settings')).toEqual({ view: 'settings' });
    expect(parseRoute(importHash)).toEqual({ view: 'settings' });
    expect(parseRoute('#/source/https%3A%2F%2Fnews.example%2Fa%3Fb%3D1')).toEqual({
      view: 'source',
      url: 'https://news.example/a?b=1',
    });
  });

  it('falls back to the home view on anything it does not know', () => {
    for (const hash of ['#/person/', '#/person', '#/nowhere/x', '#/claim/%E0%A4%A', '#/settings/extra']) {
      expect(parseRoute(hash)).toEqual({ view: 'home' });
    }
  });

  it('writes every route so that it reads back the same', () => {
    const text = fc.string({ minLength: 1 });
    const route: fc.Arbitrary<Route> = fc.oneof(
      fc.constant<Route>({ view: 'home' }),
      fc.constant<Route>({ view: 'settings' }),
      text.map((id): Route => ({ view: 'person', id })),
      text.map((id): Route => ({ view: 'claim', id })),
      text.map((url): Route => ({ view: 'source', url })),
    );
    fc.assert(
      fc.property(route, (value) => {
        expect(parseRoute(routeHash(value))).toEqual(value);
      }),
    );
  });
});
