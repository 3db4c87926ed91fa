/**
 * Builds the name tagger's gazetteer at training time: the given names, surnames, honorifics, role
 * nouns, places and organisations of compromise's lexicon (MIT licence; compromise is a dev
 * dependency, only these word lists reach the model file), plus short lists written here of words
 * news uses around names and of common surnames that English lexicons miss.
 */
import nlp from 'compromise';
import { type GazetteerData, type GazetteerList, gazetteerKey } from '../../src/analysis/names/gazetteer.ts';

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

function words(list: string): string[] {
  return list.split(' ').filter(Boolean);
}

/** Every list but the common words, which come from the training text (see name-training.ts). */
export function buildGazetteer(): Omit<GazetteerData, 'common'> {
  const lists: Record<Exclude<GazetteerList, 'common'>, Set<string>> = {
    given: new Set(),
    surname: new Set(),
    title: new Set(words(titles)),
    place: new Set(words(placeWords)),
    organisation: new Set(words(organisationWords)),
  };
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
        lists[fromLexicon[tag] as Exclude<GazetteerList, 'common'>].add(parts[0] as string);
      } else if (fromLexicon[tag] === 'title') {
        for (const part of parts) lists.title.add(part);
      }
    }
  }
  const sorted = (set: Set<string>) => [...set].filter((word) => /^[\p{L}'-]+$/u.test(word)).sort();
  return {
    given: sorted(lists.given).join('\n'),
    surname: sorted(lists.surname).join('\n'),
    title: sorted(lists.title).join('\n'),
    place: sorted(lists.place).join('\n'),
    organisation: sorted(lists.organisation).join('\n'),
  };
}
