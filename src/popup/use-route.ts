import { useEffect, useState } from 'preact/hooks';
import { parseRoute, type Route } from './routes.ts';

/** The views visited in this document, the current one last: "Back" never leaves the app. */
const visited: string[] = [location.hash || '#/'];

/** The view the address names, following the reader's navigation. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const follow = () => {
      const hash = location.hash || '#/';
      if (visited.at(-2) === hash) visited.pop();
      else visited.push(hash);
      setRoute(parseRoute(hash));
    };
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  return route;
}

/** Whether the reader has moved between views since the app opened (and so where the focus should go). */
export function hasNavigated(): boolean {
  return visited.length > 1;
}

/** Whether there is a view of this app to go back to. */
export function canGoBack(): boolean {
  return visited.length > 1;
}
