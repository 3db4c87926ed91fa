import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokenize.ts';
import type { BlockKind } from '../types.ts';
import { nameCandidates } from './person-candidates.ts';

function candidates(text: string, names: string[], kind: BlockKind = 'paragraph') {
  const spans = names.map((name) => {
    const start = text.indexOf(name);
    return { start, end: start + name.length };
  });
  return nameCandidates(text, { kind, start: 0, end: text.length }, tokenize(text), spans);
}

describe('nameCandidates', () => {
  it('sets the printed title apart from the name, also when the tagger took it in', () => {
    const [trudeau, dong, wang] = candidates("Prime Minister Justin Trudeau's party, Mr. Dong and Dr Wang Wenbin", [
      'Justin Trudeau',
      'Mr. Dong',
      'Wang Wenbin',
    ]);
    expect(trudeau).toMatchObject({ text: 'Justin Trudeau', title: 'Prime Minister', roles: ['Prime Minister'] });
    expect(dong).toMatchObject({ text: 'Dong', title: 'Mr.', roles: [] });
    expect(wang).toMatchObject({ text: 'Wang Wenbin', title: 'Dr', roles: [] });
  });

  it('reads the roles a sentence gives a person before or after the name', () => {
    const [tao] = candidates("Mr Dong spoke to China's consul-general in Toronto, Han Tao, last year.", ['Han Tao']);
    expect(tao).toMatchObject({ roles: ['consul general'] });
    expect(tao?.descriptions.join(' ')).toContain('China');
    expect(candidates('Canadian member of parliament Han Dong resigned.', ['Han Dong'])[0]?.roles).toEqual(['MP']);
    expect(candidates('Wang Wenbin, a spokesman for the ministry, said so.', ['Wang Wenbin'])[0]?.roles).toEqual([
      'spokesman',
    ]);
    expect(candidates('New Democratic Party (NDP) leader Jagmeet Singh said so.', ['Jagmeet Singh'])[0]?.roles).toEqual(
      ['leader'],
    );
  });

  it('drops titles alone and things named after people or places', () => {
    expect(candidates('Mr Speaker, I am in your hands.', ['Speaker'])).toEqual([]);
    expect(candidates('He represents Don Valley North in Ottawa.', ['Don Valley'])).toEqual([]);
    expect(candidates("A statement from the Prime Minister's Office followed.", ['Prime Minister'])).toEqual([]);
    expect(candidates('They landed at John Kennedy Airport.', ['John Kennedy'])).toEqual([]);
    expect(candidates('It amends the Data Retention Bill again.', ['Bill'])).toEqual([]);
  });

  it('tells bylines and photo credits from the people a story is about', () => {
    expect(candidates('By Maya Lindqvist, BBC News', ['Maya Lindqvist'], 'byline')[0]?.role).toBe('byline');
    expect(candidates('Photo: Jane Smith/Reuters', ['Jane Smith'])[0]?.role).toBe('credit');
    expect(candidates('Image source, Getty Images. Jane Smith smiles.', ['Jane Smith'], 'caption')[0]?.role).toBe(
      'subject',
    );
    expect(candidates('Reporting by Arjun Mehta', ['Arjun Mehta'])[0]?.role).toBe('byline');
    expect(candidates('Trump speaks. JIM WATSON/AFP/Getty Images', ['JIM WATSON'])[0]?.role).toBe('credit');
    expect(candidates('The pipes burst.CreditChang W. Lee', ['CreditChang W. Lee'])[0]).toMatchObject({
      text: 'Chang W. Lee',
      role: 'credit',
    });
  });
});
