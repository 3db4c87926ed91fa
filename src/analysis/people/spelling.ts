/**
 * When two spellings of a name token are one name misspelt rather than two names. Reporters' slips
 * are swapped letters ("Sparov" for Spavor, "Korvig" for Kovrig) and, in longer names, one letter
 * added, dropped or changed ("Trudeu"). Short names are left alone: "Dong" and "Deng", "Chan" and
 * "Chen" are different names, not slips. The first letter is never the slip.
 *
 * `spellingKeys` gives every token keys such that two variants always share one, so a store can
 * find the candidates for a misspelt name through an index instead of comparing every name.
 */

const minSwapLength = 5;
const minEditLength = 6;

export function isSpellingVariant(a: string, b: string): boolean {
  if (a === b || a[0] !== b[0]) return false;
  if (a.length === b.length && a.length >= minSwapLength && isOneSwap(a, b)) return true;
  return Math.min(a.length, b.length) >= minEditLength && isOneEdit(a, b);
}

/** Index keys shared by a token and each of its spelling variants (and rarely by anything else). */
export function spellingKeys(token: string): string[] {
  const keys: string[] = [];
  if (token.length >= minSwapLength) keys.push(`swap:${[...token].sort().join('')}`);
  if (token.length >= minEditLength) {
    keys.push(`edit:${token}`);
    for (let i = 0; i < token.length; i++) keys.push(`edit:${token.slice(0, i)}${token.slice(i + 1)}`);
  }
  return keys;
}

/** b is a with two of its letters exchanged, anywhere in the word. */
function isOneSwap(a: string, b: string): boolean {
  const differences: number[] = [];
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      differences.push(i);
      if (differences.length > 2) return false;
    }
  }
  const [first, second] = differences;
  return (
    differences.length === 2 && a[first as number] === b[second as number] && a[second as number] === b[first as number]
  );
}

/** One letter inserted, deleted or replaced. */
function isOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < shorter.length && shorter[i] === longer[i]) i++;
  if (shorter.length === longer.length) return shorter.slice(i + 1) === longer.slice(i + 1);
  return shorter.slice(i) === longer.slice(i + 1);
}
