/**
 * A stand-in for the trained name tagger in tests of what comes after it: it "finds" exactly the
 * names it is given, as whole words, longest first. Tests of the engine as shipped use the real tagger.
 */
import { occurrences } from '../gold/seeds-gold.ts';
import type { PersonName, PersonNameFinder } from '../names/find-person-names.ts';

export function nameListFinder(names: readonly string[]): PersonNameFinder {
  const longestFirst = [...names].sort((a, b) => b.length - a.length);
  return (text) => {
    const found: PersonName[] = [];
    for (const name of longestFirst) {
      for (const start of occurrences(text, name)) {
        const end = start + name.length;
        if (!found.some((other) => start < other.end && end > other.start)) found.push({ start, end, text: name });
      }
    }
    return found.sort((a, b) => a.start - b.start);
  };
}
