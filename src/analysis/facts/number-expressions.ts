/**
 * Counts as news prose writes them, with what they count: "two Canadians", "more than 1,000 days",
 * "two national security sources". Years are dates, not counts, and are left to the date checks.
 */
import { stemmer } from 'stemmer';

export interface Count {
  /** The words as written: "1,000 days". */
  text: string;
  value: number;
  /** The stem of the counted noun: "day", "canadian", "sourc". */
  unit: string;
}

/** Numbers written as words, and their values. */
export const numberWords: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  dozen: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  thousand: 1000,
  million: 1_000_000,
};

// Words that end the phrase after a number: what follows them is not what the number counts.
const phraseEnd =
  '(?:of|in|on|at|for|and|or|to|the|per|by|from|with|as|who|which|that|was|were|is|are|be|been|had|has|have|said|says|will|would)';
// A number, then up to three words that end at the counted noun. Bounded repetitions only.
const countPattern = new RegExp(
  `(?<![\\p{L}\\p{N}.,])(\\d{1,3}(?:,\\d{3})+|\\d{1,9}(?:\\.\\d+)?|${Object.keys(numberWords).join('|')})` +
    `((?:[ \\t]+(?!${phraseEnd}\\b)\\p{L}[\\p{L}'’-]{0,30}){1,3})`,
  'giu',
);

const scale: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000, billion: 1_000_000_000 };

export function findCounts(text: string): Count[] {
  const counts: Count[] = [];
  for (const match of text.matchAll(countPattern)) {
    const [whole, numeral, words] = match as unknown as [string, string, string];
    const digits = numeral.replace(/,/g, '');
    let value = /^\d/.test(digits) ? Number(digits) : (numberWords[numeral.toLowerCase()] ?? Number.NaN);
    // A year is a date: "the 2018 arrest".
    if (/^\d{4}$/.test(numeral) && value >= 1800 && value <= 2100) continue;
    const following = words.trim().split(/[ \t]+/);
    const multiplier = scale[following[0]?.toLowerCase() ?? ''];
    if (multiplier) {
      value *= multiplier;
      following.shift();
    }
    // "two national security sources": the counted noun is the plural one, or the last word.
    const noun = following.find((word) => /[^s]s$/i.test(word)) ?? following.at(-1);
    if (!noun || Number.isNaN(value)) continue;
    counts.push({ text: whole, value, unit: stemmer(noun.toLowerCase().replace(/[’']s?$/, '')) });
  }
  return counts;
}
