/**
 * One claim across outlets: each outlet's wording side by side with the differences marked, who
 * reported it first, the accused's responses, and the reports source by source.
 */
import { useState } from 'preact/hooks';
import { sourceDate } from '../page/hover-card/card-model.ts';
import type { ClaimView as ClaimData, ReportView } from '../store/views.ts';
import { claimLayout, type SourceReports } from './claim-layout.ts';
import { DataTransfer } from './data-transfer/data-transfer.tsx';
import { DiscrepancyList } from './discrepancy-list.tsx';
import { count } from './format.ts';
import { useLayout } from './layout.ts';
import { NotesSection } from './notes-section.tsx';
import { QueryStatus } from './query-status.tsx';
import { routeHash } from './routes.ts';
import { StanceBadge } from './stance-badge.tsx';
import { useStoreQuery } from './use-store-query.ts';
import { ViewHeading } from './view-heading.tsx';
import { WordingComparison } from './wording-comparison.tsx';
import { Section } from './section.tsx';

export function ClaimView({ id }: { id: string }) {
  const query = useStoreQuery({ type: 'store/claim', id }, ['claims', 'sources', 'people', 'notes']);
  const view = query.value;
  if (!view) {
    return (
      <QueryStatus query={query} missing="This claim is no longer in your sources." loading="Gathering the reports…" />
    );
  }
  return <ClaimDetails view={view} />;
}

function ClaimDetails({ view }: { view: ClaimData }) {
  const notebook = useLayout() === 'tab';
  const { claim } = view;
  const layout = claimLayout(view);
  const accused = claim.accused.filter((person) => person.name !== '');
  const accusedNames = accused.map((person) => person.name).join(' and ') || 'the accused';
  return (
    <article class="view" aria-labelledby="claim-heading">
      <ViewHeading kind="Claim" id="claim-heading">
        About{' '}
        {accused.length === 0
          ? 'no one named'
          : accused.map((person, index) => (
              <span key={person.id}>
                {index > 0 && ' and '}
                <a href={routeHash({ view: 'person', id: person.id })}>{person.name}</a>
              </span>
            ))}
      </ViewHeading>
      <blockquote class="view__quote">{claim.summary}</blockquote>
      <p class="view__meta">
        {claim.stances.map((stance) => (
          <StanceBadge key={stance} stance={stance} />
        ))}
        <span>Reported by {count(claim.sourceCount, 'source')}</span>
        {claim.firstReported && (
          <span>
            first by <strong>{claim.firstReported.outlet}</strong>, {sourceDate(claim.firstReported)}
          </span>
        )}
      </p>

      <Section title={layout.wordings.length > 1 ? 'Each outlet’s wording' : 'The wording'}>
        <WordingComparison wordings={layout.wordings} />
      </Section>

      {view.discrepancies.length > 0 && (
        <Section title="Where the sources differ" count={view.discrepancies.length}>
          <DiscrepancyList items={view.discrepancies.map((discrepancy) => ({ discrepancy }))} />
        </Section>
      )}

      <Section title="Responses" count={layout.responses.length}>
        {layout.responses.length === 0 ? (
          <p class="empty-state">None of your sources reports a response from {accusedNames}.</p>
        ) : (
          <ReportList reports={layout.responses} showSource />
        )}
      </Section>

      <Section title="First report and later developments">
        <ol class="timeline">
          {layout.sources.map((group, index) => (
            <TimelineEntry key={group.source.url} group={group} first={index === 0} />
          ))}
        </ol>
      </Section>

      <NotesSection target={{ kind: 'claim', claim: claim.id }} about="this claim" notes={view.notes} />
      {notebook && <DataTransfer layout="tab" claim={{ id: claim.id, summary: claim.summary }} />}
    </article>
  );
}

// Reports shown per source before the reader asks for the rest.
const reportsShown = 3;

function TimelineEntry({ group, first }: { group: SourceReports; first: boolean }) {
  const { source, daysAfterFirst, reports } = group;
  const [all, setAll] = useState(false);
  const hidden = reports.length - reportsShown;
  return (
    <li class="timeline__entry">
      <p class="timeline__source">
        <span class="source-line__outlet">{source.outlet}</span>
        <span class="source-line__date">{sourceDate(source)}</span>
        <span class="badge">
          {first ? 'First report' : daysAfterFirst <= 0 ? 'Same day' : `${count(daysAfterFirst, 'day')} later`}
        </span>
        <a href={routeHash({ view: 'source', url: source.url })}>{source.title || 'The article'}</a>
      </p>
      <ReportList reports={all || hidden <= 1 ? reports : reports.slice(0, reportsShown)} />
      {hidden > 1 && (
        <button type="button" class="button button--quiet button--small timeline__more" onClick={() => setAll(!all)}>
          {all ? `Show the first ${reportsShown} only` : `Show ${count(hidden, 'more report')} from ${source.outlet}`}
        </button>
      )}
    </li>
  );
}

function ReportList({ reports, showSource = false }: { reports: ReportView[]; showSource?: boolean }) {
  return (
    <ul class="reports">
      {reports.map((report) => (
        <li key={`${report.source.url}#${report.index}`} class="report">
          <StanceBadge stance={report.stance} />
          {showSource && (
            <span class="report__source">
              {report.source.outlet}, {sourceDate(report.source)}:
            </span>
          )}
          <q class="report__text">{report.text}</q>
          {report.attributedTo.length > 0 && (
            <span class="report__attribution">according to {report.attributedTo.join('; ')}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
