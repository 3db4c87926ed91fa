/**
 * Dates as news prose writes them ("24 September, 2021", "March 24", "February 2021", "Wednesday
 * (March 24)", "2023-03-23"), read well enough to compare two outlets' dates and to check a weekday
 * against the date printed beside it. A date without a year is in the year the article was
 * published, unless that would put it months after publication: "December 28" in a January article is last year's.
 */

export interface DateExpression {
  start: number;
  end: number;
  text: string;
  year?: number;
  /** 1 to 12. */
  month: number;
  day?: number;
  /** 0 (Sunday) to 6, when the text names the day of the week with the date. */
  weekday?: number;
}

// How far after publication a date without a year may fall and still be in the same year (an announced event).
const maxDaysAhead = 120;

const monthNames = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const weekdayNames = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const month =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const weekday = '(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)';
const day = '(\\d{1,2})(?!\\d)(?:st|nd|rd|th)?';
const year = '((?:1[89]|20)\\d\\d)';
// Every part is a fixed word or a bounded run of digits, so a failed match costs a few characters.
const datePattern = new RegExp(
  [
    `(?:${weekday}[ \\t]*,?[ \\t]*\\(?[ \\t]*)?`,
    '(?:',
    `${month}[ \\t]+${day}(?:,?[ \\t]+${year})?`, // March 24, 2023
    `|${day}[ \\t]+(?:of[ \\t]+)?${month}(?:,?[ \\t]+${year})?`, // 24 September, 2021
    `|${month},?[ \\t]+${year}`, // February 2021
    `|${year}-(\\d\\d)-(\\d\\d)`, // 2023-03-23
    ')\\)?',
  ].join(''),
  // Case matters: "may" is a verb, "May" a month.
  'gu',
);

/** Every date in `text`; `published` (the article's ISO date) completes dates given without a year. */
export function findDates(text: string, published?: string): DateExpression[] {
  const reference = /^(\d{4})-(\d\d)-(\d\d)/.exec(published ?? '');
  const found: DateExpression[] = [];
  for (const match of text.matchAll(datePattern)) {
    const [, weekdayName, m1, d1, y1, d2, m2, y2, m3, y3, isoYear, isoMonth, isoDay] = match;
    const before = text[match.index - 1];
    if (before !== undefined && /[\p{L}\p{N}]/u.test(before)) continue;
    const expression: DateExpression = {
      start: match.index,
      end: match.index + match[0].length,
      text: match[0].replace(/[\s,(]+$/, ''),
      month: isoMonth ? Number(isoMonth) : monthNumber((m1 ?? m2 ?? m3) as string),
    };
    const dayNumber = Number(d1 ?? d2 ?? isoDay ?? Number.NaN);
    if (!Number.isNaN(dayNumber)) expression.day = dayNumber;
    const yearNumber = Number(y1 ?? y2 ?? y3 ?? isoYear ?? Number.NaN);
    if (!Number.isNaN(yearNumber)) expression.year = yearNumber;
    else if (reference && expression.day !== undefined) {
      const [, referenceYear, referenceMonth, referenceDay] = reference.map(Number) as [number, number, number, number];
      const sameYear = Date.UTC(referenceYear, expression.month - 1, expression.day);
      const daysAfter = (sameYear - Date.UTC(referenceYear, referenceMonth - 1, referenceDay)) / 86_400_000;
      expression.year = daysAfter > maxDaysAhead ? referenceYear - 1 : referenceYear;
    }
    if (weekdayName) expression.weekday = weekdayNames.indexOf(weekdayName.toLowerCase());
    if (expression.month < 1 || expression.month > 12) continue;
    if (expression.day !== undefined && (expression.day < 1 || expression.day > daysIn(expression))) continue;
    found.push(expression);
  }
  return found;
}

/** The weekday the date really fell on, when the text names another; null when it fits or cannot be checked. */
export function trueWeekday(date: DateExpression): string | null {
  if (date.weekday === undefined || date.day === undefined || date.year === undefined) return null;
  const actual = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return actual === date.weekday ? null : capitalise(weekdayNames[actual] as string);
}

/** "March 24, 2023", "February 2021": a date as the discrepancy notes print it. */
export function formatDate(date: DateExpression): string {
  const name = capitalise(monthNames[date.month - 1] as string);
  if (date.day === undefined) return date.year === undefined ? name : `${name} ${date.year}`;
  return date.year === undefined ? `${name} ${date.day}` : `${name} ${date.day}, ${date.year}`;
}

function monthNumber(name: string): number {
  const prefix = name.slice(0, 3).toLowerCase();
  return monthNames.findIndex((month) => month.startsWith(prefix)) + 1;
}

function daysIn(date: DateExpression): number {
  return new Date(Date.UTC(date.year ?? 2024, date.month, 0)).getUTCDate();
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The latest date with a year that the text gives in full: when a page states no date, it is written on or after it. */
export function latestFullDate(text: string): string | undefined {
  let latest: string | undefined;
  for (const date of findDates(text)) {
    if (date.year === undefined || date.day === undefined) continue;
    const iso = `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
    if (!latest || iso > latest) latest = iso;
  }
  return latest;
}
