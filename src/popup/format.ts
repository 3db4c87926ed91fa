/** Numbers and times as the popup and the notebook write them. */

/** "1 source", "3 sources". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

const noteTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** When the reader wrote or last changed a note. */
export function writtenAt(time: number): string {
  return noteTime.format(time);
}
