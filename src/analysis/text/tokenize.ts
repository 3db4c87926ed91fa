/**
 * Splits text into tokens with their offsets: words, numbers, punctuation, and the things on the
 * web that must stay whole (URLs, e-mail addresses, @handles, #hashtags, emoji). Offsets are
 * JavaScript string offsets, so a token's text is always `text.slice(start, end)`.
 *
 * The scanner moves forward only: every pattern it tries is anchored at the current position and
 * either bounded in length or consumed whole, so the time is linear in the text's length whatever
 * the text (no spaces, 5 MB of one letter, control characters, lone surrogates). It never throws.
 */
import type { Span } from '../types.ts';
import { abbreviations, numericAbbreviations } from './abbreviations.ts';

export type TokenKind =
  /** Letters, marks and digits, with inner apostrophes and hyphens: "O'Brien", "Bailey-Ross", "don't". */
  | 'word'
  /** A word with its full stop: initials ("J."), titles ("Mr."), dotted forms ("U.S.", "e.g."). */
  | 'abbreviation'
  /** Starts with a digit: "2021", "1,000", "3.5", "10:30", "21st". */
  | 'number'
  /** The possessive or contracted "'s", and the apostrophe of a plural possessive ("Charles'"). */
  | 'clitic'
  | 'punct'
  | 'symbol'
  | 'emoji'
  | 'url'
  | 'email'
  | 'handle'
  | 'hashtag';

export interface Token extends Span {
  kind: TokenKind;
  text: string;
}

const whitespace = /\s+/y;
const wordRun = /[\p{L}\p{M}\p{N}\u00ad\u200c\u200d]+/uy;
const url = /(?:https?:\/\/|www\.)[^\s<>"“”«»]+/iy;
// Bounded quantifiers keep a failed attempt cheap; the domain parts exclude the dots between them.
const email = /[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,8}/uy;
const handle = /@[\p{L}\p{N}_]{1,50}/uy;
const hashtag = /#\p{L}[\p{L}\p{M}\p{N}_]{0,138}/uy;
// A flag, or a pictograph with its variation selector, skin tone, tag characters and ZWJ sequence.
const emoji =
  /(?:\p{RI}\p{RI}|\p{Emoji_Presentation}|\p{Extended_Pictographic}\ufe0f)(?:\ufe0f|\p{Emoji_Modifier}|[\u{e0020}-\u{e007f}])*(?:\u200d\p{Extended_Pictographic}\ufe0f?\p{Emoji_Modifier}?)*/uy;
const terminators = /[.!?…]+/y;
const punctuation = /\p{P}/uy;
const symbol = /[\p{S}\p{Co}]/uy;
const unreadable = /[\p{Cc}\p{Cf}\p{Cn}\p{Cs}]+/uy;
const anyCodePoint = /[^]/uy;
// Tried last, in this order: a run of terminators ("...", "?!") is one token.
const singleTokens: [RegExp, TokenKind][] = [
  [terminators, 'punct'],
  [punctuation, 'punct'],
  [symbol, 'symbol'],
];
// Han, kana and their punctuation are written without spaces: one token per character.
const unspaced = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;
const unspacedChar = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]\p{M}*/uy;
const wordChar = /[\p{L}\p{M}\p{N}]/u;
const lowerOrDigit = /[\p{Ll}\p{N}]/u;
const digit = /\p{N}/u;
const urlTail = /[.,;:!?'’)\]}]/;

const maxEmailLength = 64;

function matchAt(pattern: RegExp, text: string, position: number): number {
  pattern.lastIndex = position;
  return pattern.test(text) ? pattern.lastIndex : -1;
}

function isApostrophe(char: string | undefined): boolean {
  return char === "'" || char === '’' || char === 'ʼ';
}

function isHyphen(char: string | undefined): boolean {
  return char === '-' || char === '‐' || char === '‑';
}

function isWordChar(text: string, position: number): boolean {
  const char = text[position];
  return char !== undefined && wordChar.test(char);
}

/** Drops punctuation that ends the sentence around a URL rather than the URL; keeps balanced brackets. */
function trimUrl(text: string, start: number, end: number): number {
  while (end > start && urlTail.test(text[end - 1] ?? '')) {
    if (text[end - 1] === ')') {
      const body = text.slice(start, end);
      if (body.split('(').length >= body.split(')').length) break;
    }
    end--;
  }
  return end;
}

/** Where the word that starts at `start` ends, joining the runs that apostrophes, hyphens and stops hold together. */
function wordEnd(text: string, start: number, runEnd: number): number {
  let end = runEnd;
  let segmentStart = start;
  for (;;) {
    const char = text[end];
    const nextEnd = matchAt(wordRun, text, end + 1);
    if (nextEnd < 0) return end;
    if (isApostrophe(char)) {
      // "Dong's" is "Dong" and a clitic; "O'Brien" and "don't" are one word.
      if (nextEnd === end + 2 && (text[end + 1] === 's' || text[end + 1] === 'S')) return end;
    } else if (char === '.' || char === ',' || char === ':') {
      const segment = text.slice(segmentStart, end);
      const next = text.slice(end + 1, nextEnd);
      const numeric = digit.test(text[start] ?? '') && digit.test(next[0] ?? '');
      // "3.5", "1,000", "10:30"; "bbc.co.uk", "Node.js"; "U.S", "Ph.D" (the final stop is taken below).
      const joined =
        numeric || (char === '.' && (lowerOrDigit.test(next[0] ?? '') || (segment.length <= 2 && next.length <= 2)));
      if (!joined) return end;
    } else if (!isHyphen(char)) {
      return end;
    }
    segmentStart = end + 1;
    end = nextEnd;
  }
}

/** Whether the stop after a word belongs to it: initials, dotted forms and known abbreviations. */
function takesStop(text: string, start: number, end: number): boolean {
  if (text[end] !== '.' || text[end + 1] === '.') return false;
  const word = text.slice(start, end);
  if (digit.test(word[0] ?? '')) return false;
  const lower = word.toLowerCase();
  // A lone "I" is the pronoun far more often than an initial.
  if (([...word].length === 1 && word !== 'I') || word.includes('.') || abbreviations.has(lower)) return true;
  if (!numericAbbreviations.has(lower)) return false;
  const after = matchAt(whitespace, text, end + 1);
  return digit.test(text[after < 0 ? end + 1 : after] ?? '');
}

function wordKind(text: string, start: number, end: number): TokenKind {
  if (text[end - 1] === '.') return 'abbreviation';
  return digit.test(text[start] ?? '') ? 'number' : 'word';
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  /** Adds a token and returns where it ends. */
  const push = (kind: TokenKind, start: number, end: number) => {
    tokens.push({ kind, start, end, text: text.slice(start, end) });
    return end;
  };
  // The next "@" at or after the position: an e-mail address is only tried when one is near.
  let nextAt = -1;
  let position = 0;
  while (position < text.length) position = scan(position);
  return tokens;

  /** Reads what starts at `position`, pushes its token if it has one, and returns where the next starts. */
  function scan(position: number): number {
    const char = text[position] as string;
    const code = text.charCodeAt(position);
    const afterWord = position > 0 && isWordChar(text, position - 1);
    const take = (kind: TokenKind, end: number) => push(kind, position, end);

    const spaceEnd = matchAt(whitespace, text, position);
    if (spaceEnd > 0) return spaceEnd;

    if (!afterWord && (char === 'h' || char === 'H' || char === 'w' || char === 'W')) {
      const urlEnd = matchAt(url, text, position);
      if (urlEnd > 0) return take('url', trimUrl(text, position, urlEnd));
    }

    if (nextAt < position && nextAt !== -2) {
      nextAt = text.indexOf('@', position);
      if (nextAt < 0) nextAt = -2;
    }
    if (!afterWord && nextAt >= 0 && nextAt - position <= maxEmailLength) {
      const emailEnd = matchAt(email, text, position);
      if (emailEnd > 0) return take('email', emailEnd);
    }

    const runEnd = matchAt(wordRun, text, position);
    if (runEnd > 0) {
      let end = wordEnd(text, position, runEnd);
      if (takesStop(text, position, end)) end++;
      if (unspaced.test(text.slice(position, end))) pushUnspaced(position, end);
      else push(wordKind(text, position, end), position, end);
      return end;
    }

    if ((char === '@' || char === '#') && !afterWord) {
      const end = matchAt(char === '@' ? handle : hashtag, text, position);
      if (end > 0) return take(char === '@' ? 'handle' : 'hashtag', end);
    }

    if (isApostrophe(char) && afterWord) {
      const clitic = text[position + 1] === 's' || text[position + 1] === 'S' ? position + 2 : position + 1;
      const previous = text[position - 1];
      const possessive =
        clitic === position + 2
          ? !isWordChar(text, clitic)
          : (previous === 's' || previous === 'S') && /^\s\p{L}/u.test(text.slice(position + 1, position + 3));
      if (possessive) return take('clitic', clitic);
    }

    if (code >= 0x2000 || code === 0xa9 || code === 0xae) {
      const end = matchAt(emoji, text, position);
      if (end > 0) return take('emoji', end);
    }

    for (const [pattern, kind] of singleTokens) {
      const end = matchAt(pattern, text, position);
      if (end > 0) return take(kind, end);
    }
    // Control and format characters, lone surrogates: nothing to read, skipped.
    const unreadableEnd = matchAt(unreadable, text, position);
    return unreadableEnd > 0 ? unreadableEnd : matchAt(anyCodePoint, text, position);
  }

  function pushUnspaced(start: number, end: number): void {
    let position = start;
    let wordStart = start;
    while (position < end) {
      const charEnd = matchAt(unspacedChar, text, position);
      if (charEnd < 0) {
        position = matchAt(anyCodePoint, text, position);
        continue;
      }
      if (wordStart < position) push(wordKind(text, wordStart, position), wordStart, position);
      push('word', position, Math.min(charEnd, end));
      position = wordStart = Math.min(charEnd, end);
    }
    if (wordStart < end) push(wordKind(text, wordStart, end), wordStart, end);
  }
}
