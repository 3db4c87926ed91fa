/**
 * A personal honorific is always followed by a person's name: "Mr Spavor", "Ms Wanzhou", "Dr. Fauci".
 * The tagger learns this, but from text with few honorifics (Wikipedia, web text), so it can still
 * be outvoted by an odd neighbour; this rule makes it certain. Roles ("President", "Minister") are
 * left to the tagger: they also stand before organisations and offices ("the President's Office").
 */
import type { Token } from '../text/tokenize.ts';
import { begin, inside, outside, type Tag } from './features.ts';

const honorifics = new Set(['mr', 'mrs', 'ms', 'mx', 'miss', 'dr', 'prof', 'sir', 'dame', 'messrs', 'mme', 'mlle']);
const capitalised = /^\p{Lu}/u;

function isHonorific(token: Token | undefined): boolean {
  return token !== undefined && honorifics.has(token.text.replace(/\.$/, '').toLowerCase());
}

function isNamePart(token: Token | undefined): token is Token {
  return (
    token !== undefined && (token.kind === 'word' || token.kind === 'abbreviation') && capitalised.test(token.text)
  );
}

/** Tags, in place, the capitalised words after a personal honorific as a name, if the tagger did not. */
export function tagHonorificNames(tokens: readonly Token[], tags: Tag[]): void {
  for (let index = 1; index < tokens.length; index++) {
    if (!isHonorific(tokens[index - 1]) || !isNamePart(tokens[index]) || tags[index] !== outside) continue;
    if (isHonorific(tokens[index])) continue;
    tags[index] = begin;
    for (let next = index + 1; isNamePart(tokens[next]) && tags[next] === outside; next++) tags[next] = inside;
  }
}
