/**
 * Offsets in two units. JavaScript counts UTF-16 code units, so a character outside the Basic
 * Multilingual Plane (an emoji, a rare CJK character) takes two; the W3C TextPositionSelector counts
 * Unicode code points, where it takes one. The store keeps JavaScript offsets and, for each article,
 * where its astral characters are: that is enough to convert any offset either way without the text.
 */

/** The JavaScript offsets at which a surrogate pair (one astral character) starts, in order. */
export function astralOffsets(text: string): number[] {
  const offsets: number[] = [];
  for (let index = 0; index < text.length - 1; index++) {
    const unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        offsets.push(index);
        index++;
      }
    }
  }
  return offsets;
}

/** A JavaScript offset as a code point offset; an offset between the two halves of a pair counts as after it. */
export function toCodePoints(offset: number, astral: readonly number[]): number {
  // Each astral character that ends at or before the offset took one unit more than it counts.
  return offset - firstIndexWhere(astral.length, (n) => (astral[n] as number) + 2 > offset);
}

/** A code point offset as a JavaScript offset. */
export function fromCodePoints(codePoints: number, astral: readonly number[]): number {
  // The n-th astral character starts at code point astral[n] - n; each one before adds a unit.
  return codePoints + firstIndexWhere(astral.length, (n) => (astral[n] as number) - n >= codePoints);
}

/** The first index below `length` at which `reached` holds, `reached` holding from there on; else `length`. */
function firstIndexWhere(length: number, reached: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (reached(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}
