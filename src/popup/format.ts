/** Numbers and times as the popup and the notebook write them. */

/** "1 source", "3 sources", "1,200 people". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? singular : plural}`;
}

const units = ['KB', 'MB', 'GB', 'TB'];

/** "512 bytes", "853.0 KB", "81.9 GB". */
export function size(bytes: number): string {
  if (bytes < 1024) return count(bytes, 'byte');
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

const noteTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** When the reader wrote or last changed a note. */
export function writtenAt(time: number): string {
  return noteTime.format(time);
}

/** `text` ending as a sentence ends: with a full stop, unless it already has one (or a ? ! or …). */
export function sentence(text: string): string {
  const trimmed = text.trimEnd();
  return /[.?!…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
