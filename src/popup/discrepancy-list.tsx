import { discrepancyLabels } from '../page/hover-card/card-model.ts';
import type { DiscrepancyView } from '../store/views.ts';
import { type Route, routeHash } from './routes.ts';

export interface DiscrepancyItem {
  discrepancy: DiscrepancyView;
  /** The person or claim it is about, when the list mixes several. */
  subject?: { name: string; route: Route };
}

/** Where the sources differ: for each difference, what it is about and each outlet's version. */
export function DiscrepancyList({ items }: { items: DiscrepancyItem[] }) {
  return (
    <ul class="discrepancies">
      {items.map(({ discrepancy, subject }, index) => (
        <li key={index} class="discrepancy">
          <p class="discrepancy__label">
            {discrepancyLabels[discrepancy.kind]}
            {discrepancy.about && <span class="discrepancy__about">: {discrepancy.about}</span>}
            {subject && (
              <>
                {' '}
                <a class="discrepancy__subject" href={routeHash(subject.route)}>
                  {subject.name}
                </a>
              </>
            )}
          </p>
          <dl class="discrepancy__values">
            {discrepancy.values.map((value, valueIndex) => (
              <div key={valueIndex} class="discrepancy__value">
                <dt>{value.outlet}</dt>
                <dd>{value.text}</dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ul>
  );
}
