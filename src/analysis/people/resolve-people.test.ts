import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokenize.ts';
import type { BlockKind, Person } from '../types.ts';
import { nameCandidates } from './person-candidates.ts';
import { finish } from '../analyse.ts';
import { resolvePeople } from './resolve-people.ts';

/** The people of `text`, the names in it given (as the tagger would find them), in order of appearance. */
function people(text: string, names: string[], kind: BlockKind = 'paragraph'): Person[] {
  const spans: { start: number; end: number }[] = [];
  let from = 0;
  for (const name of names) {
    const start = text.indexOf(name, from);
    if (start < 0) throw new Error(`${name} not in the text after ${from}`);
    spans.push({ start, end: start + name.length });
    from = start + name.length;
  }
  return finish(resolvePeople(nameCandidates(text, { kind, start: 0, end: text.length }, tokenize(text), spans)));
}

const summary = (found: Person[]) =>
  found.map((person) => `${person.name}: ${person.mentions.map((m) => `${m.text}/${m.form}`).join(' ')}`);

describe('resolvePeople', () => {
  it('gives each titled surname, possessive and given-name-as-surname to its person', () => {
    const text =
      "Han Dong met China's consul-general in Toronto, Han Tao. Mr Dong said Mr Tao and Dong's aide knew Meng Wanzhou. Ms Wanzhou left.";
    expect(summary(people(text, ['Han Dong', 'Han Tao', 'Dong', 'Tao', 'Dong', 'Meng Wanzhou', 'Wanzhou']))).toEqual([
      'Han Dong: Han Dong/full Dong/titled Dong/surname',
      'Han Tao: Han Tao/full Tao/given',
      'Meng Wanzhou: Meng Wanzhou/full Wanzhou/given',
    ]);
  });

  it('keeps apart people who share a given name or a surname', () => {
    const text = 'Michael Kovrig and Michael Spavor were freed. Mr Kovrig thanked Mr Spavor.';
    expect(summary(people(text, ['Michael Kovrig', 'Michael Spavor', 'Kovrig', 'Spavor']))).toEqual([
      'Michael Kovrig: Michael Kovrig/full Kovrig/titled',
      'Michael Spavor: Michael Spavor/full Spavor/titled',
    ]);
  });

  it('gives a shared surname to the person named last before it', () => {
    const text = 'Jagmeet Singh spoke. Mr Singh left. Later Harjit Singh arrived, and Mr Singh sat down.';
    expect(summary(people(text, ['Jagmeet Singh', 'Singh', 'Harjit Singh', 'Singh']))).toEqual([
      'Jagmeet Singh: Jagmeet Singh/full Singh/titled',
      'Harjit Singh: Harjit Singh/full Singh/titled',
    ]);
  });

  it('takes a misspelt surname for the person it misspells, and keeps the spellings as variants', () => {
    const found = people('Michael Spavor was held. Spavor and the Sparov family.', [
      'Michael Spavor',
      'Spavor',
      'Sparov',
    ]);
    expect(summary(found)).toEqual(['Michael Spavor: Michael Spavor/full Spavor/surname Sparov/variant']);
    expect(found[0]?.variants).toEqual(['Michael Spavor', 'Spavor', 'Sparov']);
  });

  it('names a person by the fullest form, wherever it first appears', () => {
    const found = people('Mr Dong resigned. Later, Han Dong spoke.', ['Dong', 'Han Dong']);
    expect(found.map((person) => person.name)).toEqual(['Han Dong']);
    expect(found[0]?.mentions.map((mention) => mention.form)).toEqual(['titled', 'full']);
  });

  it('keeps a name it cannot place as a person of its own', () => {
    expect(summary(people('Mr Smith declined to comment.', ['Smith']))).toEqual(['Smith: Smith/titled']);
    expect(summary(people('The late Bowie sang.', ['Bowie']))).toEqual(['Bowie: Bowie/surname']);
  });

  it('does not take a lone word for a person when it reads as a thing or a group', () => {
    const text = 'Opposition Leader Bill Shorten spoke. The Bill passed. Islamists and Gunmen fled.';
    expect(summary(people(text, ['Bill Shorten', 'Bill', 'Islamists', 'Gunmen']))).toEqual([
      'Bill Shorten: Bill Shorten/titled',
    ]);
  });

  it('never gives a given name alone to a person without a title before it', () => {
    const text = 'Opposition Leader Bill Shorten spoke. A new Bill passed.';
    expect(summary(people(text, ['Bill Shorten', 'Bill']))).toEqual([
      'Bill Shorten: Bill Shorten/titled',
      'Bill: Bill/surname',
    ]);
  });
});
