/**
 * Word lists written with front coding: each line starts with one character saying how many of the
 * previous line's leading characters it repeats, then the rest of it ("dong", "donovan" → "0dong",
 * "3ovan"). Sorted lists share long prefixes from line to line, which gzip's back-references
 * encode far less tightly than one character does: the model's feature names and gazetteer lists
 * shrink by a fifth once gzipped.
 */

// The shared length as one character: 0-9, then a-z; a longer shared prefix is written out in part.
const lengthDigits = '0123456789abcdefghijklmnopqrstuvwxyz';
const longestShared = lengthDigits.length - 1;

/** Lines (none may hold a line break) as one front-coded string; no lines give "". */
export function frontCode(lines: readonly string[]): string {
  let previous = '';
  return lines
    .map((line) => {
      let shared = 0;
      const limit = Math.min(line.length, previous.length, longestShared);
      while (shared < limit && line[shared] === previous[shared]) shared++;
      previous = line;
      return lengthDigits.charAt(shared) + line.slice(shared);
    })
    .join('\n');
}

/** The lines of a front-coded string; throws on one that repeats more than the line before it holds. */
export function frontDecode(coded: string): string[] {
  if (coded === '') return [];
  let previous = '';
  return coded.split('\n').map((entry) => {
    const shared = lengthDigits.indexOf(entry.charAt(0));
    if (shared < 0 || shared > previous.length) throw new Error(`Malformed front-coded line "${entry}".`);
    previous = previous.slice(0, shared) + entry.slice(1);
    return previous;
  });
}
