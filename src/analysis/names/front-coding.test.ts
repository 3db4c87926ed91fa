import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frontCode, frontDecode } from './front-coding.ts';

describe('front coding', () => {
  it('writes each line as how much of the previous one it repeats, then the rest', () => {
    expect(frontCode(['dong', 'donovan', 'dong', 'tao'])).toBe('0dong\n3ovan\n3g\n0tao');
    expect(frontCode([''])).toBe('0');
    expect(frontCode([])).toBe('');
  });

  it('writes a prefix longer than one character can count in part', () => {
    const long = 'x'.repeat(50);
    expect(frontCode([long, `${long}y`])).toBe(`0${long}\nz${'x'.repeat(15)}y`);
  });

  it('reads back exactly the lines it wrote, in their order', () => {
    fc.assert(
      fc.property(fc.array(fc.string().map((line) => line.replace(/\n/g, ' '))), (lines) => {
        expect(frontDecode(frontCode(lines))).toEqual(lines);
      }),
    );
  });

  it('refuses a line that repeats more than the previous line holds', () => {
    expect(() => frontDecode('0do\n5ng')).toThrow(/Malformed front-coded line "5ng"/);
    expect(() => frontDecode('!dong')).toThrow(/Malformed/);
  });
});
