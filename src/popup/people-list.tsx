import type { PagePerson } from '../store/views.ts';
import { count } from './format.ts';
import { routeHash } from './routes.ts';

/** The people an article names, most mentioned first, each opening the person across sources. */
export function PeopleList({ people }: { people: PagePerson[] }) {
  const sorted = [...people].sort((a, b) => b.mentionsHere - a.mentionsHere || a.name.localeCompare(b.name));
  return (
    <table class="people">
      <thead>
        <tr>
          <th scope="col">Person</th>
          <th scope="col" class="people__number">
            Mentions here
          </th>
          <th scope="col" class="people__number">
            Other sources
          </th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((person) => (
          <tr key={person.id}>
            <th scope="row" class="people__name">
              <a href={routeHash({ view: 'person', id: person.id })}>{person.name}</a>
              {person.discrepancies.length > 0 && (
                <span class="people__flag">{count(person.discrepancies.length, 'difference')}</span>
              )}
              {person.notes.length > 0 && <span class="people__notes">{count(person.notes.length, 'note')}</span>}
            </th>
            <td class="people__number">{person.mentionsHere}</td>
            <td class="people__number">
              {person.otherSourceCount > 0 ? (
                <strong class="row__cross">{person.otherSourceCount.toLocaleString()}</strong>
              ) : (
                <span class="muted">none yet</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
