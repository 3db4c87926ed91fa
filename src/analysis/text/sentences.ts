/**
 * Splits tokenized text into sentences, each a span from its first token to its last. A sentence
 * ends at a terminator (". ! ? …", and the full-width and other scripts' stops) with any closing
 * quotes and brackets after it, when what follows can start a sentence; and always at a blank line
 * (the analysis text separates blocks with one). A stop that belongs to an abbreviation ends a
 * sentence only before a word that typically opens one: "Mr. Dong" never, "Acme Inc. The" yes.
 */
import type { Span } from '../types.ts';
import { leadingAbbreviations } from './abbreviations.ts';
import { type Token, tokenize } from './tokenize.ts';

const terminator = /^(?:[.!?…]+|[。！？｡؟۔।॥፧።]+)$/;
const unspacedTerminator = /^[。！？｡]+$/;
const closer = /^[”’»)\]}›」』]$/;
const straightQuote = /^["']$/;
const opener = /^[“‘«([‹「『¿¡"']$/;
const lowercaseStart = /^\p{Ll}/u;
const blankLine = /\n[^\S\n]*\n|\u2029/;

// Capitalised words that open sentences far more often than they continue a name or a title.
const sentenceOpeners = new Set(
  (
    'The A An He She It They We I You His Her Its Their Our My This That These Those There Here ' +
    'But And Or So Yet In On At For With After Before When While If As Since Although However ' +
    'Meanwhile Still Also Then Now Some Many Most Other Others One No Not'
  ).split(' '),
);

function isCloser(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  const previous = tokens[index - 1];
  if (!token || !previous || token.kind !== 'punct') return false;
  if (closer.test(token.text)) return true;
  // A straight quote closes when it touches what it follows: `false." He`.
  return straightQuote.test(token.text) && token.start === previous.end;
}

/** Whether a sentence may begin at this token after a terminator. */
function canStart(token: Token): boolean {
  if (token.kind === 'punct') return opener.test(token.text);
  return !lowercaseStart.test(token.text);
}

function abbreviationEnds(token: Token, next: Token): boolean {
  const word = token.text.slice(0, -1);
  if (leadingAbbreviations.has(word.toLowerCase())) return false;
  // An initial: "J. K. Rowling", "Harry S. Truman".
  if ([...word].length === 1 && word === word.toUpperCase()) return false;
  if (next.kind === 'punct') return opener.test(next.text);
  return sentenceOpeners.has(next.text);
}

export function splitSentences(text: string, tokens: readonly Token[] = tokenize(text)): Span[] {
  const sentences: Span[] = [];
  let first = 0;
  for (let index = 0; index < tokens.length; index++) {
    let last = index;
    const token = tokens[index] as Token;
    let ends = false;
    if (token.kind === 'punct' && terminator.test(token.text)) {
      while (isCloser(tokens, last + 1)) last++;
      const next = tokens[last + 1];
      ends = !next || unspacedTerminator.test(token.text) || canStart(next);
    } else if (token.kind === 'abbreviation') {
      while (isCloser(tokens, last + 1)) last++;
      const next = tokens[last + 1];
      ends = !next || abbreviationEnds(token, next);
    }
    const next = tokens[last + 1];
    if (!next || ends || blankLine.test(text.slice(tokens[last]!.end, next.start))) {
      sentences.push({ start: tokens[first]!.start, end: tokens[last]!.end });
      first = last + 1;
    }
    index = last;
  }
  return sentences;
}
