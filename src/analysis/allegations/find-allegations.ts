/**
 * The allegations of one sentence: its cues, the person each points at, and the sentence's
 * attribution. Cues about the same people make one allegation; a response by the accused outranks
 * the allegation it answers ("has denied allegations that he lobbied…" is a denial). A cue inside
 * a condition ("if the allegations were true…") accuses no one, nor does a response to something
 * other than an allegation ("denied that Beijing ever attempted to interfere").
 */
import type { Token } from '../text/tokenize.ts';
import { type Allegation, isResponse, type Span, type Stance } from '../types.ts';
import { isHonorific, isRoleWord } from '../people/titles.ts';
import { findAttributions } from './attribution.ts';
import { type Cue, findCues, mayHoldCue } from './cues.ts';
import type { Entity } from './entities.ts';

export interface SentenceToRead extends Span {
  text: string;
  /** The sentence's tokens, in order. */
  tokens: readonly Token[];
  entities: readonly Entity[];
  /** A headline names its subject first and its allegation after: "Han Dong: MP quits over allegations". */
  headline: boolean;
}

const precedence: Stance[] = [
  'cleared',
  'admitted',
  'confirmed',
  'denied',
  'rejected',
  'charged',
  'accused',
  'suspected',
  'alleged',
  'reported',
];
const conditions = new Set(['if', 'unless', 'whether']);
// A colon does not end the clause: "Han Dong: MP quits over allegations".
const clauseEnds = new Set([';', '—', '–']);
const prepositions = new Set(['to', 'against', 'with', 'by', 'for', 'from', 'of', 'about', 'regarding']);
// Words before an allegation noun that make the sentence's subject the accused: "resigned over
// allegations", "faces accusations"; and, for charges, "held on spying charges".
const nounLeads = new Set(['over', 'amid', 'after', 'following', 'despite', 'faces', 'face', 'faced', 'facing', 'of']);
const chargeLeads = new Set(['on', 'under', 'over', 'faces', 'face', 'faced', 'facing', 'of']);
const possessives = new Set(['his', 'their', 'its']);
// Words that open a clause with a subject of its own: "Yoon … had not appeared after lawmakers … voted
// to reject it"; "the government, which was suspected of…".
const clauseOpeners = new Set([
  'which',
  'after',
  'before',
  'when',
  'while',
  'because',
  'since',
  'although',
  'though',
  'until',
  'whereas',
]);
const objectMarkers = new Set(['of', 'with', 'in', 'over', 'for']);
const speechVerbs = new Set(['said', 'says', 'told', 'added', 'wrote', 'tweeted']);
const allegationNouns =
  /^(?:allegations?|accusations?|claims?|charges?|reports?|wrongdoing|involvement|guilt|responsibility|it|them|this|these|those)$/i;
const objectDeterminers = /^(?:the|all|any|these|those|such|both|every|each|his|her|their)$/i;
const subjectPronoun = /^(?:he|she|they|i|we)$/i;

export function sentenceAllegations(sentence: SentenceToRead): Allegation[] {
  if (!mayHoldCue.test(sentence.text)) return [];
  const byAccused = new Map<string, { ids: string[]; cues: Cue[] }>();
  for (const cue of findCues(sentence.text, sentence.start)) {
    if (inCondition(sentence, cue)) continue;
    if (cue.needsAllegationObject && !answersAnAllegation(sentence, cue)) continue;
    const accused = accusedOf(sentence, cue);
    if (!accused || accused.length === 0) continue;
    const key = [...accused].sort().join(' ');
    const entry = byAccused.get(key) ?? { ids: accused, cues: [] };
    entry.cues.push(cue);
    byAccused.set(key, entry);
  }
  const found = [...byAccused.values()].map(({ ids, cues }) => {
    const cue = cues.reduce((best, candidate) =>
      precedence.indexOf(candidate.stance) < precedence.indexOf(best.stance) ? candidate : best,
    );
    return { ids, cue, reports: cues.some((candidate) => candidate.shape === 'report') };
  });
  // When a sentence makes several allegations, its sources go with the one it reports.
  const anyReports = found.some((allegation) => allegation.reports);
  return found
    .sort((a, b) => a.cue.start - b.cue.start)
    .map(({ ids, cue, reports }) => ({
      start: sentence.start,
      end: sentence.end,
      text: sentence.text,
      stance: cue.stance,
      cue: { start: cue.start, end: cue.end },
      accused: ids,
      attributedTo:
        found.length > 1 && anyReports && !reports
          ? []
          : findAttributions(around(sentence, cue), cue, cue.shape !== 'noun' && !isResponse(cue.stance)),
    }));
}

/** How far, in tokens, a cue looks for the people and words it goes with: a clause, not a whole run-on text. */
const reach = 60;

/** The index of the first token that ends after `offset`. */
function tokenAt(sentence: SentenceToRead, offset: number): number {
  let low = 0;
  let high = sentence.tokens.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sentence.tokens[middle] as Token).end <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The index of the first entity that starts at or after token `index`. */
function entityFrom(sentence: SentenceToRead, index: number): number {
  let low = 0;
  let high = sentence.entities.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sentence.entities[middle] as Entity).first < index) low = middle + 1;
    else high = middle;
  }
  return low;
}

function word(sentence: SentenceToRead, index: number): string {
  return sentence.tokens[index]?.text.toLowerCase() ?? '';
}

/** "said that if the allegations were true, …": a cue in an if-clause supposes, it does not allege. */
function inCondition(sentence: SentenceToRead, cue: Cue): boolean {
  const first = tokenAt(sentence, cue.start);
  for (let index = first - 1; index >= 0 && index >= first - reach; index--) {
    const text = word(sentence, index);
    if (text === ',' || clauseEnds.has(text)) return false;
    if (conditions.has(text)) return true;
  }
  return false;
}

/**
 * Whether what a response answers is an allegation: "denied the allegations", "denied any
 * wrongdoing", "admitted taking bribes", and for a denial "denied that he…". An admission of
 * anything else ("admitted that his failure… is his greatest frustration") admits no allegation.
 */
function answersAnAllegation(sentence: SentenceToRead, cue: Cue): boolean {
  const after = tokenAt(sentence, cue.end);
  const [first, second, third] = [word(sentence, after), word(sentence, after + 1), word(sentence, after + 2)];
  if (allegationNouns.test(first) || first.endsWith('ing') || first === 'having') return true;
  if (objectDeterminers.test(first) && (allegationNouns.test(second) || allegationNouns.test(third))) return true;
  if (first !== 'that' || (cue.stance !== 'denied' && cue.stance !== 'rejected')) return false;
  const subject = sentence.tokens[after + 1];
  return (
    subject !== undefined &&
    (subjectPronoun.test(subject.text) || sentence.entities[entityFrom(sentence, after + 1)]?.first === after + 1)
  );
}

/** The people a cue accuses (or who respond), by the cue's shape. */
function accusedOf(sentence: SentenceToRead, cue: Cue): string[] | null {
  const first = tokenAt(sentence, cue.start);
  const after = tokenAt(sentence, cue.end);
  switch (cue.shape) {
    case 'object':
      // "Yoon accused the parliament of…" accuses no person: not Yoon, who makes the accusation.
      return personObject(sentence, after)?.ids ?? null;
    case 'subject': {
      // "Accused of fraud, Smith resigned": a cue that opens the sentence points ahead.
      const ahead = first <= 2 ? entityAfter(sentence, after) : undefined;
      return subjectBefore(sentence, first) ?? (ahead?.kind === 'name' ? ahead.ids : null);
    }
    case 'noun':
      return nounTarget(sentence, first, after);
    case 'report':
      return reportedSubject(sentence, cue, after);
    case 'falsity': {
      const inside = sentence.entities[entityFrom(sentence, first)];
      if (inside && inside.last <= after) return inside.ids;
      return firstUnquoted(sentence, first)?.ids ?? null;
    }
  }
}

/** The entity starting within `within` tokens of token `index`. */
function entityAt(sentence: SentenceToRead, index: number, within: number): Entity | undefined {
  const entity = sentence.entities[entityFrom(sentence, index)];
  return entity && entity.first < index + within ? entity : undefined;
}

/** The first entity after token `index`, within reach, that is not the object of a preposition. */
function entityAfter(sentence: SentenceToRead, index: number): Entity | undefined {
  for (let at = entityFrom(sentence, index); at < sentence.entities.length; at++) {
    const entity = sentence.entities[at] as Entity;
    if (entity.first >= index + reach) return undefined;
    if (!isPrepositional(sentence, entity)) return entity;
  }
  return undefined;
}

/** The first entity, within reach before token `index`, outside quotation marks: who says the words. */
function firstUnquoted(sentence: SentenceToRead, index: number): Entity | undefined {
  for (let at = entityFrom(sentence, Math.max(0, index - reach)); at < sentence.entities.length; at++) {
    const entity = sentence.entities[at] as Entity;
    if (entity.first >= index + reach) return undefined;
    if (!entity.quoted) return entity;
  }
  return undefined;
}

/** The person a verb acts on, right after it: "accused Moitra of", "accusing her of"; not "accused his opponents". */
function personObject(sentence: SentenceToRead, after: number): Entity | undefined {
  const object = entityAt(sentence, after, 2);
  if (!object || object.kind !== 'pronoun') return object;
  const pronoun = word(sentence, object.first);
  if (possessives.has(pronoun)) return undefined;
  return pronoun === 'her' && !objectMarkers.has(word(sentence, object.last)) ? undefined : object;
}

/**
 * The subject of the clause a cue is in: the nearest entity before it that is neither the object of a
 * preposition nor a possessor ("Yoon's office has not commented": the office), in the same clause.
 */
function subjectBefore(sentence: SentenceToRead, index: number): string[] | null {
  for (let at = entityFrom(sentence, index) - 1; at >= 0; at--) {
    const entity = sentence.entities[at] as Entity;
    if (entity.last > index) continue;
    if (index - entity.last > reach) return null;
    const between = sentence.tokens.slice(entity.last, index);
    if (between.some((token) => clauseEnds.has(token.text) || clauseOpeners.has(token.text.toLowerCase()))) return null;
    const possessor = sentence.tokens[entity.last]?.kind === 'clitic' || possessives.has(word(sentence, entity.first));
    if (!isPrepositional(sentence, entity) && !possessor) return entity.ids;
  }
  return null;
}

function isPrepositional(sentence: SentenceToRead, entity: Entity): boolean {
  return prepositions.has(word(sentence, entity.first - 1));
}

/**
 * "allegations against (Mr) Dong", "allegations that he…", "allegations he…"; "resigned over
 * allegations" and "held on spying charges" accuse the subject; "allegations involving Yoon's wife"
 * and "commented on the allegations" name no accused.
 */
function nounTarget(sentence: SentenceToRead, first: number, after: number): string[] | null {
  let at = after;
  if (word(sentence, at) === 'made') at++;
  // Within two tokens: a name may follow its title ("against Mr Dong", "that Mr Dong").
  if (word(sentence, at) === 'against') return entityAt(sentence, at + 1, 2)?.ids ?? null;
  if (word(sentence, at) === 'that') return entityAt(sentence, at + 1, 2)?.ids ?? null;
  const next = entityAt(sentence, at, 1);
  if (next?.kind === 'pronoun' && subjectPronoun.test(word(sentence, at))) return next.ids;
  const leads = /^charge|^indictment/.test(word(sentence, first)) ? chargeLeads : nounLeads;
  const lead = [word(sentence, first - 1), word(sentence, first - 2), word(sentence, first - 3)];
  if (sentence.headline || lead.some((text) => leads.has(text))) return subjectBefore(sentence, first);
  return null;
}

/**
 * "According to …, Dong had advised…": the subject after the attribution; "…, according to X." at the
 * end: the sentence's subject. Only when what it is according to is a source that reports (a report,
 * sources, documents, police, an outlet): "according to the schedule" or "according to Mr Smith,
 * Jones will attend" allege nothing.
 */
function reportedSubject(sentence: SentenceToRead, cue: Cue, after: number): string[] | null {
  if (!/^according/i.test(sentence.text.slice(cue.start - sentence.start))) {
    return entityAt(sentence, after, 3)?.ids ?? null;
  }
  let end = after;
  while (end < sentence.tokens.length && end < after + reach && word(sentence, end) !== ',') end++;
  if (!namesASource(sentence, after, end)) return null;
  if (word(sentence, end) === ',') return entityAfter(sentence, end + 1)?.ids ?? null;
  // "…, he said according to a transcript": what a person said, not an allegation against them.
  const subject = firstUnquoted(sentence, 0);
  return subject && !speechVerbs.has(word(sentence, subject.last)) ? subject.ids : null;
}

const reportingSources =
  /^(?:reports?|reporting|sources?|documents?|papers|records?|filings?|files|officials?|police|prosecutors?|investigators?|intelligence|court|indictment|complaint|lawsuit|charges?|media|outlets?|newspapers?|leaks?|leaked|memos?|emails?|testimony|witness(?:es)?|authorities|agency)$/i;
const capitalised = /^\p{Lu}/u;

/** Whether tokens [from, to) name a reporting source: a source noun, or a capitalised name that is not a person's (an outlet). */
function namesASource(sentence: SentenceToRead, from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    const token = sentence.tokens[index] as Token;
    if (reportingSources.test(token.text)) return true;
    const entity = sentence.entities[entityFrom(sentence, index + 1) - 1];
    const inPerson = entity !== undefined && entity.first <= index && index < entity.last;
    const titled = isHonorific(token.text) || isRoleWord(token.text);
    if (token.kind === 'word' && capitalised.test(token.text) && !inPerson && !titled) return true;
  }
  return false;
}

// How much of a sentence around its cue can hold the allegation's attribution.
const attributionBefore = 600;
const attributionAfter = 300;

/** The part of the sentence an attribution can be in: all of any ordinary sentence. */
function around(sentence: SentenceToRead, cue: Cue): { text: string; start: number } {
  const start = Math.max(sentence.start, cue.start - attributionBefore);
  const end = Math.min(sentence.end, cue.end + attributionAfter);
  return { text: sentence.text.slice(start - sentence.start, end - sentence.start), start };
}
