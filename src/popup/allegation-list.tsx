import type { PageAllegation } from '../store/views.ts';
import { count } from './format.ts';
import { routeHash } from './routes.ts';
import { StanceBadge } from './stance-badge.tsx';

/** An article's allegations and responses in the order it makes them, each opening its claim. */
export function AllegationList({ allegations }: { allegations: PageAllegation[] }) {
  return (
    <ul class="rows">
      {allegations.map((allegation) => {
        const content = <AllegationSummary allegation={allegation} />;
        return (
          <li key={allegation.index}>
            {allegation.claim ? (
              <a class="row" href={routeHash({ view: 'claim', id: allegation.claim })}>
                {content}
              </a>
            ) : (
              <div class="row row--static">{content}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function AllegationSummary({ allegation }: { allegation: PageAllegation }) {
  const otherSources = allegation.otherSourceCount;
  const accused = allegation.accused.map((person) => person.name).filter(Boolean);
  return (
    <>
      <span class="row__line">
        <StanceBadge stance={allegation.stance} />
        {accused.length > 0 && <span class="row__about">{accused.join(', ')}</span>}
      </span>
      <span class="row__quote">{allegation.text}</span>
      <span class="row__meta">
        {allegation.attributedTo.length > 0 && <span>According to {allegation.attributedTo.join('; ')}</span>}
        {otherSources > 0 ? (
          <strong class="row__cross">also in {count(otherSources, 'other source')}</strong>
        ) : (
          <span>only here so far</span>
        )}
        {allegation.discrepancies.length > 0 && (
          <span class="row__flag">{count(allegation.discrepancies.length, 'difference')}</span>
        )}
      </span>
    </>
  );
}
