/**
 * The schemas of an analysis's parts, for what arrives from outside the extension (a backup being
 * imported, a search's filters): everything is bounded (strings, lists, offsets).
 */
import * as v from 'valibot';
import type {
  AllegationStance,
  ArticleMetadata,
  DocumentAnalysis,
  MentionForm,
  PersonRole,
  ResponseStance,
} from '../analysis/types.ts';
import { responseStances } from '../analysis/types.ts';

export const limits = {
  /** A very long live blog; far beyond any article. */
  textLength: 2_000_000,
  people: 2_000,
  mentionsPerPerson: 10_000,
  nameLength: 300,
  sentenceLength: 20_000,
  shortList: 100,
  metadataLength: 2_000,
  idLength: 64,
} as const;

// Records keyed by every member of a union: the compiler flags a stance or kind added to the types but not here.
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

export const allegationSchema = v.object({
  ...spanEntries,
  text: text(limits.sentenceLength),
  stance: stanceSchema,
  cue: v.object(spanEntries),
  accused: list(localId, limits.shortList),
  attributedTo: list(text(limits.metadataLength), limits.shortList),
});

/**
 * An article as the store keeps it: its metadata and the analysis of its text. Only the background
 * makes one, from its own reading of a page; a backup brings its parts through the backup schema.
 */
export interface AnalysedArticle {
  metadata: ArticleMetadata;
  analysis: DocumentAnalysis;
}
