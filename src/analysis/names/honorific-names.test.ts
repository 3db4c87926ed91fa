import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokenize.ts';
import { begin, inside, outside, type Tag } from './features.ts';
import { tagHonorificNames } from './honorific-names.ts';

function tagged(text: string, tags?: Tag[]): string {
  const tokens = tokenize(text);
  const result = tags ?? tokens.map((): Tag => outside);
  tagHonorificNames(tokens, result);
  return tokens.map((token, index) => `${token.text}/${'OBI'[result[index] as Tag]}`).join(' ');
}

describe('tagHonorificNames', () => {
  it('makes the capitalised words after a personal honorific a name', () => {
    expect(tagged('Mr Spavor and Ms Meng Wanzhou met Dr. Fauci.')).toBe(
      'Mr/O Spavor/B and/O Ms/O Meng/B Wanzhou/I met/O Dr./O Fauci/B ./O',
    );
  });

  it('leaves roles, lower-case words and what the tagger already found alone', () => {
    expect(tagged('President Biden met Mr. and Mrs Smith.')).toBe(
      'President/O Biden/O met/O Mr./O and/O Mrs/O Smith/B ./O',
    );
    expect(tagged('Mr Han Dong', [outside, begin, inside])).toBe('Mr/O Han/B Dong/I');
  });
});
