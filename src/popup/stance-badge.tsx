import { isResponse, type Stance } from '../analysis/types.ts';

/** A stance in a pill: red-toned for what is alleged, green-toned for a response such as a denial. */
export function StanceBadge({ stance }: { stance: Stance }) {
  return <span class={`stance stance--${isResponse(stance) ? 'response' : 'allegation'}`}>{stance}</span>;
}
