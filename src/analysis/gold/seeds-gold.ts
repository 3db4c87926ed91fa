/**
 * The seeds' gold standard (seeds.json): what a careful reader finds in the two seed articles. The
 * accuracy bench scores the engine against it, and the linking tests build analyses from it, so that
 * cross-source linking is tested on exactly what the documents say.
 */
import type {
  Allegation,
  ArticleInput,
  BlockSpan,
  DiscrepancyKind,
  DocumentAnalysis,
  Mention,
  MentionForm,
  Person,
  PersonGroup,
  PersonRole,
  Stance,
} from '../types.ts';
import gold from './seeds.json' with { type: 'json' };

/** The seed texts as received, or the fixture pages that wrap them in invented headlines and bylines. */
export type GoldSource = 'seed' | 'fixture';

interface Only {
  /** Present in this form of the document only. */
  only?: GoldSource;
}

export interface GoldMention extends Only {
  /** The words as printed, title included: "Mr Dong". */
  as: string;
  form: MentionForm;
  title?: string;
}

export interface GoldPerson extends Only {
  name: string;
  role?: PersonRole;
  titles?: string[];
  mentions: GoldMention[];
}

export interface GoldGroup {
  name: string;
  as: string;
  members: string[];
}

export interface GoldAllegation extends Only {
  key: string;
  /** The sentence, verbatim. */
  quote: string;
  stance: Stance;
  accused: string[];
  /** Phrases the attribution must name. */
  attributedTo?: string[];
}

export interface GoldDocument {
  id: string;
  seed: string;
  fixture: string;
  metadata: { outlet: string; published: string };
  people: GoldPerson[];
  groups: GoldGroup[];
  allegations: GoldAllegation[];
  /** Sentences with allegation words that are not allegations against anyone. */
  notAllegations?: string[];
}

export interface GoldValue {
  document: string;
  /** Words the discrepancy's value for that document must contain. */
  text: string;
}

export interface GoldDiscrepancy {
  kind: DiscrepancyKind;
  values?: GoldValue[];
  /** The documents a discrepancy without values must cover. */
  documents?: string[];
}

export interface GoldLinkedPerson extends Only {
  name: string;
  documents: string[];
  variants: string[];
  discrepancies?: GoldDiscrepancy[];
}

export interface GoldClaim {
  about: string;
  accused: string[];
  /** Keys of the allegations that make up the claim. */
  members: string[];
  discrepancies: GoldDiscrepancy[];
}

export interface Gold {
  documents: GoldDocument[];
  links: { people: GoldLinkedPerson[]; claims: GoldClaim[] };
}

const everything = gold as unknown as Gold;

/** The gold for one form of the seeds: items found only in the other form are left out. */
export function seedsGold(source: GoldSource): Gold {
  const keep = <T extends Only>(items: T[]) => items.filter((item) => !item.only || item.only === source);
  const documents = everything.documents.map((document) => ({
    ...document,
    people: keep(document.people),
    allegations: keep(document.allegations),
  }));
  const allegationKeys = new Set(documents.flatMap((document) => document.allegations.map((item) => item.key)));
  return {
    documents,
    links: {
      people: keep(everything.links.people),
      claims: everything.links.claims.map((claim) => ({
        ...claim,
        members: claim.members.filter((key) => allegationKeys.has(key)),
      })),
    },
  };
}

/** Every occurrence of `phrase` in `text` as whole words. */
export function occurrences(text: string, phrase: string): number[] {
  const found: number[] = [];
  const wordChar = /[\p{L}\p{N}]/u;
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const before = text[at - 1];
    const after = text[at + phrase.length];
    if ((before === undefined || !wordChar.test(before)) && (after === undefined || !wordChar.test(after))) {
      found.push(at);
    }
  }
  return found;
}

const cues: Record<Stance, RegExp> = {
  alleged: /alleg\w*/,
  accused: /accused/,
  charged: /charge[sd]?/,
  suspected: /suspected/,
  reported: /according to|reported/i,
  denied: /denied|untrue|false/,
  rejected: /rejected/,
  admitted: /admitted/,
  confirmed: /confirmed/,
  cleared: /cleared/,
};

/**
 * The analysis the gold describes, on the text of `input`: every printed form of each person found
 * as whole words (longest forms first), each allegation at its quote.
 */
export function goldAnalysis(document: GoldDocument, input: ArticleInput): DocumentAnalysis {
  const blocks: BlockSpan[] = [];
  let text = '';
  for (const block of input.blocks) {
    if (blocks.length > 0) text += '\n\n';
    blocks.push({ kind: block.kind, start: text.length, end: text.length + block.text.length });
    text += block.text;
  }

  const taken: { start: number; end: number }[] = [];
  const free = (start: number, end: number) => !taken.some((span) => start < span.end && end > span.start);
  const forms = document.people
    .flatMap((person, index) => person.mentions.map((mention) => ({ mention, index })))
    .sort((a, b) => b.mention.as.length - a.mention.as.length);
  const mentions: Mention[][] = document.people.map(() => []);
  for (const { mention, index } of forms) {
    for (const at of occurrences(text, mention.as)) {
      if (!free(at, at + mention.as.length)) continue;
      taken.push({ start: at, end: at + mention.as.length });
      const offset = mention.title ? mention.as.indexOf(mention.title) + mention.title.length + 1 : 0;
      const name = mention.as.slice(offset);
      (mentions[index] as Mention[]).push({
        start: at + offset,
        end: at + mention.as.length,
        text: name,
        form: mention.form,
        ...(mention.title ? { title: mention.title } : {}),
      });
    }
  }
  const people: Person[] = document.people.map((person, index) => {
    const found = (mentions[index] as Mention[]).sort((a, b) => a.start - b.start);
    return {
      id: `p${index + 1}`,
      name: person.name,
      role: person.role ?? 'subject',
      mentions: found,
      variants: [person.name, ...new Set(found.map((mention) => mention.text).filter((name) => name !== person.name))],
      titles: person.titles ?? [],
    };
  });
  const idOf = (name: string) => people.find((person) => person.name === name)?.id ?? name;

  const groups: PersonGroup[] = document.groups.map((group) => ({
    name: group.name,
    mentions: occurrences(text, group.as).map((at) => ({
      start: at,
      end: at + group.as.length,
      text: group.as,
      form: 'full' as const,
    })),
    members: group.members.map(idOf),
  }));

  const allegations: Allegation[] = document.allegations.map((allegation) => {
    const start = text.indexOf(allegation.quote);
    if (start < 0) throw new Error(`gold quote not in the text: ${allegation.quote}`);
    const cue = cues[allegation.stance].exec(allegation.quote);
    return {
      start,
      end: start + allegation.quote.length,
      text: allegation.quote,
      stance: allegation.stance,
      cue: cue ? { start: start + cue.index, end: start + cue.index + cue[0].length } : { start, end: start },
      accused: allegation.accused.map(idOf),
      attributedTo: allegation.attributedTo ?? [],
    };
  });
  return { text, blocks, people, groups, allegations };
}
