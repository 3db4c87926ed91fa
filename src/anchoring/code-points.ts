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
  return offset - countBelow(astral, offset - 1);
}

/** A code point offset as a JavaScript offset. */
export function fromCodePoints(codePoints: number, astral: readonly number[]): number {
  // The n-th astral character starts at code point astral[n] - n; each one passed adds a unit.
  let low = 0;
  let high = astral.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((astral[middle] as number) - middle < codePoints) low = middle + 1;
    else high = middle;
  }
  return codePoints + low;
}

/** How many of the sorted offsets are below `limit`. */
function countBelow(sorted: readonly number[], limit: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < limit) low = middle + 1;
    else high = middle;
  }
  return low;
}
