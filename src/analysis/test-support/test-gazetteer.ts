/** Gazetteer data for tests: the lists a test names, one word per line in any order, every other list empty. */
import { frontCode } from '../names/front-coding.ts';
import { englishStem, type GazetteerData, type GazetteerList, gazetteerLists } from '../names/gazetteer.ts';
import { encodeWordSet } from '../names/word-set.ts';

export function testGazetteer(lists: Partial<Record<GazetteerList, string>>): GazetteerData {
  const words = (list: GazetteerList) => (lists[list] ?? '').split('\n').filter(Boolean).sort();
  const written = Object.fromEntries(gazetteerLists.map((list) => [list, frontCode(words(list))])) as Record<
    GazetteerList,
    string
  >;
  return { ...written, english: encodeWordSet(words('english').map(englishStem), 8) };
}
