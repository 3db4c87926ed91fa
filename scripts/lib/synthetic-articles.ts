/**
 * Analysed articles made up from a seed, for the store's benchmarks and load tests: news about a
 * population of people, some named far more often than others (as in real news), whose claims
 * several outlets report in their own words. The analyses are what the engine would produce for
 * such text (people with their mentions, allegations with their cues), built with exact offsets.
 * Pure TypeScript: it also runs inside a browser page.
 */
import type { Allegation, DocumentAnalysis, Mention, Person } from '../../src/analysis/types.ts';
import type { AnalysedArticle } from '../../src/messaging/analysis-schema.ts';
import { seededRandom } from './seeded-random.ts';

export interface SyntheticArticle {
  /** The address a browser would report for the page. */
  page: string;
  article: AnalysedArticle;
}

export interface CorpusOptions {
  /** How many different people the news is about. */
  people: number;
  /** How many different claims are made about them. */
  claims: number;
  /** People per article; an article alternates between this many and one fewer, as news does. */
  peoplePerArticle: number;
  seed: number;
}

// A few given names are common (as Michael or Wei are), most are rare: the store's blocking keys see
// realistic crowds of people who share one.
const commonGivenNames =
  'Michael Wei Maria Ahmed Anna David Li Fatima John Elena Juan Sarah James Priya Omar Olga Chen Daniel Amina Peter'.split(
    ' ',
  );
const syllables = 'ba ko ri sa ven dor lu mi ta nek ro shi val den ka por zu le mar tin go fe wy hal'.split(' ');
const outlets = [
  'Harbour Times',
  'Northern Ledger',
  'Daily Meridian',
  'The Courier Post',
  'Capital Wire',
  'Evening Standard-Bearer',
  'Coastal Herald',
  'Metro Dispatch',
  'The Continental',
  'Valley Observer',
  'Prairie Chronicle',
  'Island Gazette',
];
const acts = [
  ['taking bribes from', 'a construction firm bidding for the harbour contract'],
  ['leaking documents to', 'a foreign consulate before the trade talks'],
  ['lobbying', 'officials to delay the release of two detained engineers'],
  ['hiding payments from', 'a shipping company registered offshore'],
  ['rigging', 'the tender for the new hospital wing'],
  ['misusing', 'campaign funds to pay for private travel'],
  ['pressuring', 'regulators to approve the mining licence'],
  ['falsifying', 'the safety reports of the eastern dam'],
] as const;
const cities = ['Toronto', 'Vancouver', 'Lyon', 'Porto', 'Gdansk', 'Osaka', 'Nairobi', 'Recife'];
const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A made-up word from the syllables, distinct for each n. */
export function syllableWord(n: number): string {
  let word = '';
  for (let rest = n; word.length === 0 || rest > 0; rest = Math.floor(rest / syllables.length)) {
    word += syllables[rest % syllables.length];
  }
  return word;
}

/**
 * The n-th person of the population: a given name and a made-up surname, unique per n. One person
 * in eight has one of the twenty common given names; the others one of about two thousand rare ones.
 */
export function personName(n: number): { given: string; surname: string } {
  const draw = (Math.imul(n + 1, 2654435761) >>> 0) / 4294967296;
  const given =
    draw < 0.125
      ? (commonGivenNames[Math.floor(commonGivenNames.length ** (draw * 8)) - 1] as string)
      : `${capitalised(syllableWord(24 + Math.floor(draw * 2000)))}a`;
  return { given, surname: capitalised(syllableWord(n)) };
}

/** Zipf-like: item 0 comes up most, the long tail rarely. */
export function popular(next: () => number, size: number): number {
  return Math.min(size - 1, Math.floor(size ** next()) - 1);
}

class TextBuilder {
  text = '';
  readonly blocks: DocumentAnalysis['blocks'] = [];
  #blockStart = 0;

  startBlock(): void {
    if (this.text.length > 0) this.text += '\n\n';
    this.#blockStart = this.text.length;
  }

  endBlock(): void {
    this.blocks.push({ kind: 'paragraph', start: this.#blockStart, end: this.text.length });
  }

  /** Appends text and answers with its span. */
  add(words: string): { start: number; end: number } {
    const start = this.text.length;
    this.text += words;
    return { start, end: this.text.length };
  }
}

/** The `index`-th article of a corpus: the same index and options always give the same article. */
export function syntheticArticle(index: number, options: CorpusOptions): SyntheticArticle {
  const next = seededRandom(options.seed * 1_000_003 + index);
  const outlet = outlets[index % outlets.length] as string;
  const domain = `${outlet.toLowerCase().replace(/[^a-z]+/g, '-')}.example`;
  const cast = new Set<number>();
  const size = options.peoplePerArticle - (index % 2);
  while (cast.size < size) cast.add(popular(next, options.people));
  const chosen = [...cast];

  const builder = new TextBuilder();
  const mentions = new Map<number, Mention[]>(chosen.map((n) => [n, []]));
  const mention = (n: number, form: 'full' | 'titled' | 'surname') => {
    const { given, surname } = personName(n);
    if (form === 'full') {
      const span = builder.add(`${given} ${surname}`);
      mentions.get(n)?.push({ ...span, text: `${given} ${surname}`, form });
    } else {
      if (form === 'titled') builder.add('Dr ');
      const span = builder.add(surname);
      mentions.get(n)?.push({ ...span, text: surname, form, ...(form === 'titled' ? { title: 'Dr' } : {}) });
    }
  };

  const allegations: Allegation[] = [];
  const [subject = 0, ...others] = chosen;
  const claim = popular(next, options.claims);
  const [act, object] = acts[claim % acts.length] as (typeof acts)[number];
  const source = `${outlets[(index + 3) % outlets.length]} citing two officials`;

  builder.startBlock();
  const sentenceStart = builder.text.length;
  mention(subject, 'full');
  builder.add(' has been ');
  const cue = builder.add('accused of');
  builder.add(` ${act} ${object}, according to ${source}.`);
  allegations.push({
    start: sentenceStart,
    end: builder.text.length,
    text: builder.text.slice(sentenceStart),
    stance: 'accused',
    cue,
    accused: [`p${1}`],
    attributedTo: [source],
  });
  builder.endBlock();

  for (const [position, n] of others.entries()) {
    builder.startBlock();
    mention(n, 'full');
    builder.add(`, who met `);
    mention(subject, 'titled');
    builder.add(
      ` in ${cities[(index + position) % cities.length]} on ${weekdays[(index + position) % weekdays.length]}, said the talks were routine. `,
    );
    mention(n, 'surname');
    builder.add(' declined to say more, and ');
    mention(n, 'titled');
    builder.add(` left for ${cities[(index + position + 3) % cities.length]} the next day.`);
    builder.endBlock();
  }

  builder.startBlock();
  const denialStart = builder.text.length;
  mention(subject, 'titled');
  builder.add(' has ');
  const denial = builder.add('denied');
  builder.add(` ${act} ${object}.`);
  allegations.push({
    start: denialStart,
    end: builder.text.length,
    text: builder.text.slice(denialStart),
    stance: 'denied',
    cue: denial,
    accused: ['p1'],
    attributedTo: [],
  });
  builder.endBlock();

  const people: Person[] = chosen.map((n, i) => {
    const { given, surname } = personName(n);
    const found = mentions.get(n) ?? [];
    return {
      id: `p${i + 1}`,
      name: `${given} ${surname}`,
      role: 'subject',
      mentions: found,
      variants: [...new Set([`${given} ${surname}`, ...found.map((m) => m.text)])],
      titles: [],
    };
  });
  const day = 1 + (index % 28);
  const month = 1 + (Math.floor(index / 28) % 12);
  const published = `2023-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(index % 24).padStart(2, '0')}:00:00Z`;
  const url = `https://${domain}/news/${index}-${personName(subject).surname.toLowerCase()}`;
  return {
    page: url,
    article: {
      metadata: {
        title: `${personName(subject).given} ${personName(subject).surname} accused of ${act} ${object}`,
        outlet,
        url,
        published,
      },
      analysis: { text: builder.text, blocks: builder.blocks, people, groups: [], allegations },
    },
  };
}
