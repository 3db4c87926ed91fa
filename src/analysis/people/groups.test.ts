import { describe, expect, it } from 'vitest';
import type { Person } from '../types.ts';
import { groupMentions, linkGroups } from './groups.ts';

const findGroups = (text: string, people: Person[]) => linkGroups(groupMentions(text, 0), people);

const person = (id: string, name: string): Person => ({
  id,
  name,
  role: 'subject',
  mentions: [],
  variants: [name],
  titles: [],
});

describe('findGroups', () => {
  it('links a named group to the people it names when the count fits', () => {
    const people = [person('p1', 'Michael Kovrig'), person('p2', 'Han Dong'), person('p3', 'Michael Spavor')];
    const text = 'They became known as the "Two Michaels". The Two Michaels returned.';
    const first = text.indexOf('Two Michaels');
    const second = text.lastIndexOf('Two Michaels');
    expect(findGroups(text, people)).toEqual([
      {
        name: 'Two Michaels',
        mentions: [
          { start: first, end: first + 12, text: 'Two Michaels', form: 'full' },
          { start: second, end: second + 12, text: 'Two Michaels', form: 'full' },
        ],
        members: ['p1', 'p3'],
      },
    ]);
  });

  it('links nothing when the count does not fit', () => {
    expect(findGroups('the Three Michaels', [person('p1', 'Michael Kovrig'), person('p2', 'Michael Spavor')])).toEqual(
      [],
    );
  });
});
