/**
 * What Crosscheck found in one article and what the other sources say: the people, the allegations,
 * where the sources differ, and the reader's notes. The current page in the popup, and any stored
 * article in the notebook.
 */
import { sourceDate } from '../page/hover-card/card-model.ts';
import type { PageView } from '../store/views.ts';
import { AllegationList } from './allegation-list.tsx';
import { type DiscrepancyItem, DiscrepancyList } from './discrepancy-list.tsx';
import { NotesSection } from './notes-section.tsx';
import { PeopleList } from './people-list.tsx';
import { routeHash } from './routes.ts';
import { Section } from './section.tsx';

/** The article's outlet, date and byline, and a link to it unless the reader is on it. */
export function ArticleMeta({ source, link = true }: { source: PageView['source']; link?: boolean }) {
  return (
    <p class="article-meta">
      <span class="source-line__outlet">{source.outlet}</span>
      <span>{sourceDate(source)}</span>
      {source.byline && <span>{source.byline}</span>}
      {link && (
        <a href={source.href} target="_blank" rel="noopener noreferrer">
          Open the article <span aria-hidden="true">↗</span>
        </a>
      )}
    </p>
  );
}

export function PageReport({ view }: { view: PageView }) {
  const subjects = view.people.filter((person) => person.role === 'subject');
  const makers = view.people.filter((person) => person.role !== 'subject');
  const differences = discrepancies(view);
  return (
    <>
      {subjects.length === 0 && view.allegations.length === 0 && (
        <p class="empty-state">Crosscheck found no named people and no allegations in this article.</p>
      )}
      {subjects.length > 0 && (
        <Section title="People" count={subjects.length}>
          <PeopleList people={subjects} />
          {makers.length > 0 && (
            <p class="section__aside">
              Written or credited by{' '}
              {makers.map((person, index) => (
                <span key={person.id}>
                  {index > 0 && ', '}
                  <a href={routeHash({ view: 'person', id: person.id })}>{person.name}</a>
                </span>
              ))}
            </p>
          )}
        </Section>
      )}
      {view.allegations.length > 0 && (
        <Section title="Allegations and responses" count={view.allegations.length}>
          <AllegationList allegations={view.allegations} />
        </Section>
      )}
      {differences.length > 0 && (
        <Section title="Where your sources differ" count={differences.length}>
          <DiscrepancyList items={differences} />
        </Section>
      )}
      <NotesSection
        target={{ kind: 'source', source: view.source.url }}
        about="this article"
        notes={view.notes}
        empty="No notes on this article yet. Select words on the page to note them, or add a note here."
      />
    </>
  );
}

/** Each person's and each claim's differences once, though several of the page's allegations share a claim. */
function discrepancies(view: PageView): DiscrepancyItem[] {
  const items: DiscrepancyItem[] = view.people.flatMap((person) =>
    person.discrepancies.map((discrepancy) => ({
      discrepancy,
      subject: { name: person.name, route: { view: 'person', id: person.id } as const },
    })),
  );
  const seen = new Set<string>();
  for (const allegation of view.allegations) {
    if (!allegation.claim || seen.has(allegation.claim)) continue;
    seen.add(allegation.claim);
    const claim = allegation.claim;
    const name = `the claim about ${allegation.accused.map((person) => person.name).join(', ') || 'this'}`;
    for (const discrepancy of allegation.discrepancies) {
      items.push({ discrepancy, subject: { name, route: { view: 'claim', id: claim } } });
    }
  }
  return items;
}
