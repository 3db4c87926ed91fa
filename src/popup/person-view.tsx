/** One person across every source: spellings, sources, the allegations about them by claim, notes. */
import type { PersonView as PersonData } from '../store/views.ts';
import { DataTransfer } from './data-transfer/data-transfer.tsx';
import { DiscrepancyList } from './discrepancy-list.tsx';
import { count } from './format.ts';
import { useLayout } from './layout.ts';
import { NotesSection } from './notes-section.tsx';
import { QueryStatus } from './query-status.tsx';
import { routeHash } from './routes.ts';
import { SourceLine } from './source-line.tsx';
import { StanceBadge } from './stance-badge.tsx';
import { useStoreQuery } from './use-store-query.ts';
import { ViewHeading } from './view-heading.tsx';
import { Section } from './section.tsx';

// Reports listed under each claim here; the claim view has them all.
const reportsPerClaim = 3;

export function PersonView({ id }: { id: string }) {
  const query = useStoreQuery({ type: 'store/person', id }, ['people', 'sources', 'claims', 'notes']);
  const notebook = useLayout() === 'tab';
  const person = query.value;
  if (!person) {
    return (
      <QueryStatus query={query} missing="This person is no longer in your sources." loading="Gathering the sources…" />
    );
  }
  return (
    <article class="view" aria-labelledby="person-name">
      <ViewHeading kind="Person" id="person-name">
        {person.name}
      </ViewHeading>
      {person.titles.length > 0 && <p class="view__subtitle">{person.titles.join(', ')}</p>}
      <Spellings person={person} />
      <Section title="Named in" count={count(person.sources.length, 'source')}>
        <ul class="rows">
          {person.sources.map(({ source, spellings, mentionCount, role }) => (
            <li key={source.url} class="row row--static">
              <SourceLine
                source={source}
                detail={`${count(mentionCount, 'mention')} as ${spellings.join(', ')}${role === 'subject' ? '' : ` (${role})`}`}
              />
            </li>
          ))}
        </ul>
      </Section>
      <Section title={<>Allegations about {person.name}</>} count={person.claims.length}>
        {person.claims.length === 0 ? (
          <p class="empty-state">None of your sources makes an allegation about {person.name}.</p>
        ) : (
          <ul class="claims">
            {person.claims.map(({ claim, reports }) => (
              <li key={claim.id} class="claim-card">
                <a class="claim-card__summary" href={routeHash({ view: 'claim', id: claim.id })}>
                  {claim.summary}
                </a>
                <p class="claim-card__meta">
                  {claim.stances.map((stance) => (
                    <StanceBadge key={stance} stance={stance} />
                  ))}
                  <span>{count(claim.sourceCount, 'source')}</span>
                  {claim.firstReported && <span>first by {claim.firstReported.outlet}</span>}
                </p>
                <ul class="claim-card__reports">
                  {reports.slice(0, reportsPerClaim).map((report) => (
                    <li key={`${report.source.url}#${report.index}`}>
                      <span class="claim-card__outlet">{report.source.outlet}</span> <q>{report.text}</q>
                    </li>
                  ))}
                </ul>
                {reports.length > reportsPerClaim && (
                  <a class="claim-card__more" href={routeHash({ view: 'claim', id: claim.id })}>
                    All {reports.length} reports side by side
                  </a>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>
      {person.discrepancies.length > 0 && (
        <Section title="Where your sources differ">
          <DiscrepancyList items={person.discrepancies.map((discrepancy) => ({ discrepancy }))} />
        </Section>
      )}
      <NotesSection target={{ kind: 'person', person: person.id }} about={person.name} notes={person.notes} />
      {notebook && <DataTransfer layout="tab" person={{ id: person.id, name: person.name }} />}
    </article>
  );
}

/** Each spelling seen, and which outlets used it. */
function Spellings({ person }: { person: PersonData }) {
  if (person.spellings.length < 2) return null;
  return (
    <Section title="Spellings seen">
      <table class="spellings">
        <thead>
          <tr>
            <th scope="col">Written as</th>
            <th scope="col">By</th>
            <th scope="col" class="spellings__count">
              Mentions
            </th>
          </tr>
        </thead>
        <tbody>
          {person.spellings.map((spelling) => (
            <tr key={spelling.text}>
              <th scope="row">{spelling.text}</th>
              <td>{spelling.outlets.join(', ')}</td>
              <td class="spellings__count">{spelling.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
