/**
 * How names compare: case, accents and apostrophe styles do not make two names different
 * ("José" and "Jose", "O’Brien" and "O'Brien"), so every comparison goes through one folding.
 */

// Letters that Unicode decomposition leaves whole but readers treat as accented Latin letters.
const unaccented: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const combiningMarks = /\p{M}/gu;
const apostrophes = /[\u2018\u2019\u02bc\u0060\u00b4]/g;
const dashes = /[\u2010\u2011\u2012\u2013\u2014]/g;
const foldable = /[øæœßłđðþı]/g;

const plainAscii = /^[A-Za-z0-9.'-]*$/;

/** The form two spellings of a name are compared in: lower case, no accents, one apostrophe, one space. */
export function foldName(text: string): string {
  // Most words are plain ASCII letters: nothing to decompose or replace.
  if (plainAscii.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(combiningMarks, '')
    .toLowerCase()
    .replace(foldable, (letter) => unaccented[letter] ?? letter)
    .replace(apostrophes, "'")
    .replace(dashes, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The folded words of a name, initials without their full stop: "J. K. Rowling" → ["j", "k", "rowling"]. */
export function nameTokens(name: string): string[] {
  return foldName(name)
    .split(' ')
    .map((token) => token.replace(/\.+$/, ''))
    .filter((token) => token.length > 0);
}

/** An initial standing for a given name: "J" in "J. Rowling". */
export function isInitial(token: string): boolean {
  return token.length === 1;
}
