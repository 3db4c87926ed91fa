/**
 * What the tagger, reading one sentence at a time, cannot see: the rest of the document. After it
 * has tagged every sentence, three rules carry what it found to the mentions it missed:
 *
 * - a name found in full makes its words names wherever else the document capitalises them
 *   ("Spavor and Kovrig returned" after "Michael Spavor and Michael Kovrig"), unless they are common
 *   words or sit inside a longer capitalised name ("Kennedy Airport", "Fort Washington");
 * - a lone capitalised word joined by "and" or "or" to a name is a name too ("the Sparov and
 *   Kovrig"), unless the gazetteer knows it as a common word, a title, a place or an organisation;
 * - name words glued to a place without a comma are a name ("consul general in Toronto Han Tao").
 */
import type { Token } from '../text/tokenize.ts';
import { begin, inside, outside, type Tag } from './features.ts';
import type { GazetteerList } from './gazetteer.ts';

export type ListsOf = (token: Token) => readonly GazetteerList[];

const capitalised = /^\p{Lu}/u;
const conjunctions = new Set(['and', 'or', '&']);

function isCapitalisedWord(token: Token | undefined): token is Token {
  return token !== undefined && token.kind === 'word' && capitalised.test(token.text);
}

/** Adds, in place, the name tags the three rules find. */
export function propagateNames(tokens: readonly Token[], tags: Tag[], listsOf: ListsOf): void {
  // Only capitalised words matter to the rules: their lists are looked up once, the rest stay empty.
  const lists = tokens.map((token) => (isCapitalisedWord(token) ? listsOf(token) : []));
  const isOn = (index: number, list: GazetteerList, orList?: GazetteerList) => {
    const own = lists[index];
    return own !== undefined && (own.includes(list) || (orList !== undefined && own.includes(orList)));
  };
  const isUntaggedCapitalised = (index: number) => tags[index] === outside && isCapitalisedWord(tokens[index]);
  const tagName = (first: number, last: number) => {
    tags[first] = tags[first - 1] === begin || tags[first - 1] === inside ? inside : begin;
    for (let index = first + 1; index <= last; index++) tags[index] = inside;
  };
  /** The run of untagged capitalised words around a token, as [first, last]. */
  const runAround = (index: number): [number, number] => {
    let first = index;
    let last = index;
    while (isUntaggedCapitalised(first - 1)) first--;
    while (isUntaggedCapitalised(last + 1)) last++;
    return [first, last];
  };

  const nameWords = new Set<string>();
  const collectNameWords = () => {
    for (let index = 0; index < tokens.length; index++) {
      if (tags[index] !== begin || tags[index + 1] !== inside) continue;
      for (let member = index; member === index || tags[member] === inside; member++)
        if (isCapitalisedWord(tokens[member]) && !isOn(member, 'common', 'title'))
          nameWords.add((tokens[member] as Token).text);
    }
  };
  const isNameWord = (index: number) => isUntaggedCapitalised(index) && nameWords.has((tokens[index] as Token).text);

  // Glued to a place: "Toronto Han Tao".
  collectNameWords();
  for (let index = 0; index < tokens.length; index++) {
    if (!isUntaggedCapitalised(index)) continue;
    const [first, last] = runAround(index);
    const namePart = (member: number) => isOn(member, 'given', 'surname') || isNameWord(member);
    let nameLike = last - first >= 2 && isOn(first, 'place') && !namePart(first);
    for (let member = first + 1; nameLike && member <= last; member++) nameLike = namePart(member);
    if (nameLike) tagName(first + 1, last);
    index = last;
  }

  // The document's other mentions of its names' words.
  collectNameWords();
  for (let index = 0; index < tokens.length; index++) {
    if (!isNameWord(index)) continue;
    let last = index;
    while (isNameWord(last + 1)) last++;
    const previousTag = tags[index - 1];
    const continuesName = previousTag === begin || previousTag === inside;
    const enclosed =
      (isUntaggedCapitalised(index - 1) && !isOn(index - 1, 'common', 'title')) || isUntaggedCapitalised(last + 1);
    if (continuesName || !enclosed) tagName(index, last);
    index = last;
  }

  // Joined to a name by "and" or "or".
  const isNameEnd = (index: number) => tags[index] === begin || tags[index] === inside;
  for (let index = 0; index < tokens.length; index++) {
    if (!isUntaggedCapitalised(index) || isUntaggedCapitalised(index - 1) || isUntaggedCapitalised(index + 1)) continue;
    if (isOn(index, 'common', 'title') || isOn(index, 'place', 'organisation')) continue;
    const conjunctionAfter = conjunctions.has(tokens[index + 1]?.text ?? '') && tags[index + 2] === begin;
    const conjunctionBefore = conjunctions.has(tokens[index - 1]?.text ?? '') && isNameEnd(index - 2);
    if (conjunctionAfter || conjunctionBefore) tagName(index, index);
  }
}
