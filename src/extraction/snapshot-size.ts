/**
 * How large a page snapshot is, known before it is parsed: what the background checks first, so
 * that a page too large to read, or too bare to hold an article, costs no parse.
 */
import type { NativeSnapshot, PageSnapshot } from '../page/page-snapshot.ts';

/**
 * The text's length: the native snapshot's Text nodes less the script and style text the page took
 * out (none of it is read). The written snapshot announces only how many Text nodes it holds, so its
 * markup's length stands for its text: an upper bound, and what the parse's time follows; the compact
 * markup writes each text once with few attributes around it (on the real news pages, 0.8 to 2.3
 * times the text).
 */
export function snapshotTextLength(snapshot: PageSnapshot | NativeSnapshot): number {
  if ('html' in snapshot) return snapshot.texts === 0 ? 0 : snapshot.html.length;
  const removed = snapshot.removed.reduce((sum, value, index) => (index % 2 === 1 ? sum + value : sum), 0);
  return snapshot.lengths.reduce((sum, length) => sum + length, 0) - removed;
}

/**
 * How many elements the snapshot holds: its start tags. Exact for the written snapshot, whose text
 * and attributes are escaped. In the browser's serialisation, the text of a raw-text element such
 * as `<noscript>` is written as it is, and may look like tags: there the count is an upper bound.
 */
export function snapshotElementCount(snapshot: PageSnapshot | NativeSnapshot): number {
  if ('html' in snapshot) return startTags(snapshot.html);
  // `after` only closes what `before` opened, from an honest page: from a forged one it is parsed all the same.
  return startTags(snapshot.before) + startTags(snapshot.markup) + startTags(snapshot.after);
}

const lowerA = 0x61;
const lowerZ = 0x7a;
const lowerCaseBit = 0x20;

function startTags(markup: string): number {
  let count = 0;
  for (let at = markup.indexOf('<'); at >= 0; at = markup.indexOf('<', at + 1)) {
    const next = markup.charCodeAt(at + 1) | lowerCaseBit;
    if (next >= lowerA && next <= lowerZ) count++;
  }
  return count;
}
