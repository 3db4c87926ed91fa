import { ClaimView } from './claim-view.tsx';
import { PersonView } from './person-view.tsx';
import type { Route } from './routes.ts';
import { SourceView } from './source-view.tsx';

/** The person, claim or article the address names; nothing for the app's other views. */
export function EntityView({ route }: { route: Route }) {
  switch (route.view) {
    case 'person':
      return <PersonView key={route.id} id={route.id} />;
    case 'claim':
      return <ClaimView key={route.id} id={route.id} />;
    case 'source':
      return <SourceView key={route.url} url={route.url} />;
    default:
      return null;
  }
}
