/**
 * Where the app is: the view named by the address's fragment, so that the notebook's back and
 * forward buttons, a reload and a link from the popup all land on the same view.
 *
 *   #/                   the current page (popup) or the search (notebook)
 *   #/person/<id>        one person across every source
 *   #/claim/<id>         one claim across outlets
 *   #/source/<url>       what Crosscheck found in one stored article
 *   #/settings           settings, storage, export and import
 *   #import              the same, with the import ready (the popup sends the reader there to import)
 */
export type Route =
  | { view: 'home' }
  | { view: 'person'; id: string }
  | { view: 'claim'; id: string }
  | { view: 'source'; url: string }
  | { view: 'settings' };

export const homeRoute: Route = { view: 'home' };

export function parseRoute(hash: string): Route {
  const [view, ...rest] = hash.replace(/^#\/?/, '').split('/');
  const value = decodePart(rest.join('/'));
  if (value) {
    if (view === 'person') return { view, id: value };
    if (view === 'claim') return { view, id: value };
    if (view === 'source') return { view, url: value };
  }
  if ((view === 'settings' || view === 'import') && rest.length === 0) return { view: 'settings' };
  return homeRoute;
}

export function routeHash(route: Route): string {
  switch (route.view) {
    case 'home':
      return '#/';
    case 'settings':
      return '#/settings';
    case 'person':
      return `#/person/${encodeURIComponent(route.id)}`;
    case 'claim':
      return `#/claim/${encodeURIComponent(route.id)}`;
    case 'source':
      return `#/source/${encodeURIComponent(route.url)}`;
  }
}

function decodePart(part: string): string | null {
  try {
    return part === '' ? null : decodeURIComponent(part);
  } catch {
    return null; // A malformed escape: better the home view than an exception.
  }
}
