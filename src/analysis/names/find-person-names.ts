/**
 * Finds the person names in a text: the spans of the proper names only, without titles ("Mr",
 * "Prime Minister") and without the possessive "'s". Each sentence is tagged on its own by an
 * averaged-perceptron model trained at build time (see scripts/train-names.ts and NOTICE); then a
 * personal honorific makes what follows it a name, and the document rules of propagate-names.ts
 * carry the names found to the mentions the sentences alone did not give away.
 *
 *   findPersonNames('Prime Minister Justin Trudeau\'s party') → [{ start: 15, end: 29, text: 'Justin Trudeau' }]
 *
 * Offsets are JavaScript string offsets. Any string is accepted; the time is linear in its length.
 */
import { splitSentences } from '../text/sentences.ts';
import { type Token, tokenize } from '../text/tokenize.ts';
import type { Span } from '../types.ts';
import { bestTags } from './best-tags.ts';
import { begin, inside, outside, type Tag, tags as tagNames, visitFeatures } from './features.ts';
import { Gazetteer, gazetteerKey } from './gazetteer.ts';
import { NameModel, type NameModelData } from './name-model.ts';
import shippedModel from './model.json' with { type: 'json' };
import { tagHonorificNames } from './honorific-names.ts';
import { propagateNames } from './propagate-names.ts';

export interface PersonName extends Span {
  text: string;
}

/** What the finder can reuse when the caller has already tokenized the text or split its sentences. */
export interface Segmentation {
  tokens: readonly Token[];
  sentences: readonly Span[];
}

export type PersonNameFinder = (text: string, segmentation?: Segmentation) => PersonName[];

export function createPersonNameFinder(data: NameModelData): PersonNameFinder {
  const model = new NameModel(data);
  const gazetteer = new Gazetteer(data.gazetteer);
  const listsOf = (token: Token) => gazetteer.lookup(gazetteerKey(token.text));

  return (text, segmentation) => {
    const tokens = segmentation?.tokens ?? tokenize(text);
    const sentences = segmentation?.sentences ?? splitSentences(text, tokens);
    const tags: Tag[] = [];
    let first = 0;
    for (const sentence of sentences) {
      while (first < tokens.length && (tokens[first] as Token).start < sentence.start) tags[first++] = outside;
      let last = first;
      while (last < tokens.length && (tokens[last] as Token).end <= sentence.end) last++;
      const sentenceTokens = tokens.slice(first, last);
      const local = new Float64Array(sentenceTokens.length * tagNames.length);
      const shapes = visitFeatures(sentenceTokens, gazetteer, (index, template, value, detail) =>
        model.add(local, index * tagNames.length, template, value, detail),
      );
      for (const tag of bestTags({ local, shapes }, model)) tags.push(tag);
      first = last;
    }
    while (tags.length < tokens.length) tags.push(outside);
    tagHonorificNames(tokens, tags);
    propagateNames(tokens, tags, listsOf);

    const names: PersonName[] = [];
    tags.forEach((tag, index) => {
      const token = tokens[index] as Token;
      const open = names.at(-1);
      if (tag === begin) names.push({ start: token.start, end: token.end, text: '' });
      else if (tag === inside && open) open.end = token.end;
    });
    for (const name of names) name.text = text.slice(name.start, name.end);
    return names;
  };
}

let shippedFinder: PersonNameFinder | undefined;

/** The person names in `text`, found with the model shipped in the extension. */
export const findPersonNames: PersonNameFinder = (text, segmentation) => {
  shippedFinder ??= createPersonNameFinder(shippedModel);
  return shippedFinder(text, segmentation);
};
