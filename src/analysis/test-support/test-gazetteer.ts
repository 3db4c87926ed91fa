/** Gazetteer data for tests: the lists a test names, one word per line, every other list empty. */
import { englishStem, type GazetteerData, type GazetteerList, gazetteerLists } from '../names/gazetteer.ts';
import { encodeWordSet } from '../names/word-set.ts';

export function testGazetteer(lists: Partial<Record<GazetteerList, string>>): GazetteerData {
  const written = Object.fromEntries(gazetteerLists.map((list) => [list, lists[list] ?? ''])) as Record<
    GazetteerList,
    string
  >;
  const english = written.english.split('\n').filter(Boolean).map(englishStem);
  return { ...written, english: encodeWordSet(english, 8) };
}
