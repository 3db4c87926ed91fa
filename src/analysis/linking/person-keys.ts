/**
 * Blocking keys: the store indexes every known person under these (an IndexedDB multi-entry index)
 * and compares a new person only with the people that share one. Every way `matchPerson` can pair
 * two names goes through a shared name token or a pair of spelling variants, so two people it could
 * match always share a key (a property test holds the two to that).
 */
import { isInitial, nameTokens } from '../people/name-text.ts';
import { spellingKeys } from '../people/spelling.ts';
import type { PersonProfile } from '../types.ts';

export function personKeys(profile: PersonProfile): string[] {
  const keys = new Set<string>();
  for (const name of [profile.name, ...profile.variants.map((variant) => variant.text)]) {
    for (const token of nameTokens(name)) {
      if (isInitial(token)) continue;
      keys.add(`name:${token}`);
      for (const key of spellingKeys(token)) keys.add(key);
    }
  }
  return [...keys];
}
