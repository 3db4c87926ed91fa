/**
 * The schema of an analysed article as a content script sends it to be stored. The page shapes
 * every byte of it, so everything is bounded (strings, lists, offsets) and cross-checked (spans
 * inside the text, references to people that exist) before the store reads any of it.
 */
import * as v from 'valibot';
import type {
  AllegationStance,
  ArticleMetadata,
  BlockKind,
  DocumentAnalysis,
  MentionForm,
  PersonRole,
  ResponseStance,
} from '../analysis/types.ts';
import { responseStances } from '../analysis/types.ts';

export const limits = {
  /** A very long live blog; far beyond any article. */
  textLength: 2_000_000,
  blocks: 10_000,
  people: 2_000,
  mentionsPerPerson: 10_000,
  mentions: 50_000,
  allegations: 5_000,
  groups: 500,
  nameLength: 300,
  sentenceLength: 20_000,
  shortList: 100,
  metadataLength: 2_000,
  idLength: 64,
} as const;

// Records keyed by every member of a union: the compiler flags a stance or kind added to the types but not here.
const blockKinds: Record<BlockKind, true> = {
  headline: true,
  standfirst: true,
  byline: true,
  dateline: true,
  caption: true,
  credit: true,
  paragraph: true,
};
const mentionForms: Record<MentionForm, true> = { full: true, titled: true, surname: true, given: true, variant: true };
const personRoles: Record<PersonRole, true> = { subject: true, byline: true, credit: true };
const allegationStances: Record<AllegationStance, true> = {
  alleged: true,
  accused: true,
  charged: true,
  suspected: true,
  reported: true,
};

const keysOf = <K extends string>(record: Record<K, true>) => Object.keys(record) as K[];
export const stances = [...keysOf(allegationStances), ...(responseStances as ResponseStance[])];

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const name = text(limits.nameLength);
const list = <S extends v.GenericSchema>(item: S, max: number) => v.pipe(v.array(item), v.maxLength(max));
const offset = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(limits.textLength));
const spanEntries = { start: offset, end: offset };
const localId = v.pipe(v.string(), v.minLength(1), v.maxLength(limits.idLength));

export const stanceSchema = v.picklist(stances);
export const mentionFormSchema = v.picklist(keysOf(mentionForms));
export const personRoleSchema = v.picklist(keysOf(personRoles));

export const metadataSchema = v.object({
  title: v.optional(text(limits.metadataLength)),
  outlet: v.optional(text(limits.metadataLength)),
  url: v.optional(text(8192)),
  published: v.optional(text(100)),
  modified: v.optional(text(100)),
  byline: v.optional(text(limits.metadataLength)),
}) satisfies v.GenericSchema<unknown, ArticleMetadata>;

const mentionSchema = v.object({
  ...spanEntries,
  text: name,
  form: mentionFormSchema,
  title: v.optional(name),
});

const personSchema = v.object({
  id: localId,
  name,
  role: personRoleSchema,
  mentions: list(mentionSchema, limits.mentionsPerPerson),
  variants: list(name, limits.shortList),
  titles: list(name, limits.shortList),
});

export const allegationSchema = v.object({
  ...spanEntries,
  text: text(limits.sentenceLength),
  stance: stanceSchema,
  cue: v.object(spanEntries),
  accused: list(localId, limits.shortList),
  attributedTo: list(text(limits.metadataLength), limits.shortList),
});

const analysisSchema = v.pipe(
  v.object({
    text: text(limits.textLength),
    blocks: list(v.object({ ...spanEntries, kind: v.picklist(keysOf(blockKinds)) }), limits.blocks),
    people: list(personSchema, limits.people),
    groups: list(
      v.object({ name, mentions: list(mentionSchema, limits.shortList), members: list(localId, limits.shortList) }),
      limits.groups,
    ),
    allegations: list(allegationSchema, limits.allegations),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const problem = inconsistency(dataset.value);
    if (problem) addIssue({ message: problem });
  }),
) satisfies v.GenericSchema<unknown, DocumentAnalysis>;

/** What a content script sends to have its page stored: the page's metadata and the analysis of its text. */
export const analysedArticleSchema = v.object({ metadata: metadataSchema, analysis: analysisSchema });
export type AnalysedArticle = v.InferOutput<typeof analysedArticleSchema>;

/** The first way the parts of an analysis contradict each other, or null when they fit. */
function inconsistency(analysis: DocumentAnalysis): string | null {
  const length = analysis.text.length;
  const outside = (span: { start: number; end: number }) => span.start > span.end || span.end > length;
  const ids = new Set(analysis.people.map((person) => person.id));
  if (ids.size !== analysis.people.length) return 'two people share an id';
  let mentions = 0;
  for (const person of analysis.people) {
    mentions += person.mentions.length;
    if (person.mentions.some(outside)) return `a mention of ${person.id} lies outside the text`;
  }
  if (mentions > limits.mentions) return `more than ${limits.mentions} mentions`;
  if (analysis.blocks.some(outside)) return 'a block lies outside the text';
  for (const [index, allegation] of analysis.allegations.entries()) {
    if (outside(allegation) || outside(allegation.cue)) return `allegation ${index} lies outside the text`;
    if (allegation.accused.some((id) => !ids.has(id))) return `allegation ${index} accuses an unknown person`;
  }
  for (const group of analysis.groups) {
    if (group.mentions.some(outside)) return `a mention of ${group.name} lies outside the text`;
    if (group.members.some((id) => !ids.has(id))) return `the group ${group.name} has an unknown member`;
  }
  return null;
}
