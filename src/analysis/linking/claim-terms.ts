/**
 * What an allegation says, reduced to terms two outlets' wordings can share: content words, stemmed,
 * with the common synonyms of allegation reporting merged ("spying" and "espionage", "lobbied" and
 * "advised"). Function words, the vocabulary of reporting itself ("said", "according", "sources")
 * and allegation cues are left out: every allegation has them, so they tell claims apart from nothing.
 * So are capitalised words inside the text: the places, parties and nationalities of the story
 * ("Canadian", "Beijing", "Liberal") recur in every allegation it reports, whatever the claim; the
 * people it names are compared as people, by the caller.
 */
import { stemmer } from 'stemmer';
import { tokenize } from '../text/tokenize.ts';
import type { Span } from '../types.ts';

const functionWords = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each either ever every few for from further ' +
    'had has have having he her here hers herself him himself his how i if in into is it its itself just me ' +
    'more most my myself neither never no nor not now of off on once only or other our ours out over own same ' +
    'she should so some such than that the their theirs them themselves then there these they this those ' +
    'through to too under until up very was we were what when where which while who whom whose why will with ' +
    'would you your yours yet may might must shall ' +
    // Counts are compared by the number discrepancies; as terms, "two Canadians" and "both Canadians" agree.
    'both one two three four five six seven eight nine ten'
  ).split(' '),
);

const reportingWords = new Set(
  (
    'said says say saying told tell tells added adding according citing cited cite report reports reported ' +
    'reporting reportedly source sources news media outlet statement statements claim claims claimed allegation ' +
    'allegations alleged allegedly allege alleges accused accuse accuses accusation accusations charged charge ' +
    'charges suspected suspect denied deny denies denial rejected reject rejects admitted admit admits confirmed ' +
    'confirm confirms cleared clear false untrue baseless unfounded'
  ).split(' '),
);

/** Words that different outlets use for one thing in allegation reporting, mapped to one of them. */
const synonyms: Record<string, string> = {};
for (const group of [
  'espionage spying spy spies',
  'bribery bribe bribes bribed bribing kickback kickbacks',
  'fraud fraudulent defraud defrauded defrauding',
  'advise advised advising lobby lobbied lobbying urged urging suggested suggesting recommended recommending pressed',
  'release released releasing free freed freeing',
  'detain detained detention imprisoned imprisonment jailed held',
  'diplomat diplomats consul consul-general envoy ambassador',
  'delay delayed delaying postpone postponed',
  'interference interfere interfering meddling meddle',
  'assault assaulted attacked attack',
  'harassment harassed harassing',
  'embezzlement embezzled embezzling misappropriation misappropriated',
  'corruption corrupt',
  'money funds cash',
]) {
  const [canonical, ...others] = group.split(' ') as [string, ...string[]];
  for (const word of [canonical, ...others]) synonyms[word] = canonical;
}

const letters = /\p{L}/u;
const capitalised = /^\p{Lu}/u;

/**
 * The terms of `text` (a sentence or part of one, starting at `offset` in the document), skipping the
 * spans given (the names in it) and the words of the attribution.
 */
export function claimTerms(
  text: string,
  offset: number,
  skip: readonly Span[],
  attribution: readonly string[],
): string[] {
  const attributionWords = new Set(
    attribution.flatMap((phrase) => tokenize(phrase).map((token) => token.text.toLowerCase())),
  );
  const terms = new Set<string>();
  tokenize(text).forEach((token, index) => {
    if (token.kind !== 'word' || !letters.test(token.text) || (index > 0 && capitalised.test(token.text))) return;
    const start = token.start + offset;
    if (skip.some((span) => start < span.end && start + token.text.length > span.start)) return;
    const word = token.text.toLowerCase().replace(/[’']/g, '');
    if (functionWords.has(word) || reportingWords.has(word) || attributionWords.has(word)) return;
    terms.add(synonyms[word] ?? stemmer(word));
  });
  return [...terms];
}

/** The words of `text` that carry meaning, lower-cased and unstemmed: what a wording comparison reads. */
export function meaningfulWords(text: string): string[] {
  return tokenize(text)
    .filter((token) => token.kind === 'word' && letters.test(token.text))
    .map((token) => token.text.toLowerCase().replace(/[’']/g, ''))
    .filter((word) => !functionWords.has(word));
}
