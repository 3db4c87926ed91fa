/** Gazetteer data for tests: the lists a test names, every other list empty. */
import { type GazetteerData, gazetteerLists } from '../names/gazetteer.ts';

export function testGazetteer(lists: Partial<GazetteerData>): GazetteerData {
  return Object.fromEntries(gazetteerLists.map((list) => [list, lists[list] ?? ''])) as GazetteerData;
}
