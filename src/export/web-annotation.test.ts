import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { ingestArticle } from '../store/ingest.ts';
import { freshDatabase } from '../store/test-support.ts';
import { articleAddress } from '../store/canonical-url.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { annotationCollection, annotationCollectionText, type WebAnnotation } from './web-annotation.ts';
import { bbc, exportDataOf, readSeedsWithNotes } from './test-support.ts';
import { parseJson } from './json-safety.ts';

const schema = parseJson(readFileSync(join(import.meta.dirname, 'web-annotation.schema.json'), 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function bodiesOf(annotation: WebAnnotation, purpose: string) {
  return (annotation.body ?? []).filter((body) => body.purpose === purpose);
}

describe('the W3C Web Annotation export', () => {
  it('validates against the Web Annotation model, for every scope', async () => {
    const db = freshDatabase();
    const { hanDong, claim } = await readSeedsWithNotes(db);
    for (const scope of [
      { kind: 'everything' },
      { kind: 'page', url: bbc.page },
      { kind: 'person', id: hanDong },
      { kind: 'claim', id: claim },
      { kind: 'dates', from: Date.UTC(2023, 2, 24), to: Date.UTC(2023, 2, 31) },
    ] as const) {
      const collection = parseJson(annotationCollectionText(await exportDataOf(db, scope)));
      expect(validate(collection), `${scope.kind}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });

  it('makes every mention, allegation and note an annotation with the motivation the model names', async () => {
    const db = freshDatabase();
    await readSeedsWithNotes(db);
    const data = await exportDataOf(db);
    const { first, total, type } = annotationCollection(data);
    expect(type).toBe('AnnotationCollection');
    expect(total).toBe(data.mentions.length + data.allegations.length + data.notes.length);
    const count = (...motivations: string[]) =>
      first.items.filter((item) => motivations.includes(item.motivation)).length;
    expect(count('identifying')).toBe(data.mentions.length);
    expect(count('questioning', 'assessing')).toBe(data.allegations.length);
    expect(count('questioning')).toBeGreaterThan(0);
    expect(count('assessing')).toBeGreaterThan(0);
    expect(count('commenting', 'highlighting')).toBe(data.notes.length);

    const denial = first.items.find(
      (item) => item.motivation === 'assessing' && JSON.stringify(item.target).includes('Mr Dong has denied'),
    ) as WebAnnotation;
    expect(bodiesOf(denial, 'classifying').map((body) => 'value' in body && body.value)).toEqual(['denied']);
    expect(bodiesOf(denial, 'identifying').map((body) => ('value' in body ? body.value : body.source))).toEqual([
      'Han Dong',
      expect.stringMatching(/^urn:uuid:[0-9a-f-]{36}$/),
    ]);
    expect(bodiesOf(denial, 'linking')).toHaveLength(1);

    const tagged = first.items.find(
      (item) => item.motivation === 'commenting' && item.target.source.startsWith('urn:uuid:'),
    );
    expect(bodiesOf(tagged as WebAnnotation, 'tagging').map((body) => 'value' in body && body.value)).toEqual([
      'Call',
      'Ottawa',
    ]);
    expect(tagged?.target.styleClass).toBe('crosscheck-note-pink');
    // Written on WION's page: that article is the scope it was written in; a note from the notebook has none.
    expect(tagged?.target.scope).toBe(data.sources.find((source) => source.outlet === 'WION')?.href);
    expect(first.items.filter((item) => item.target.scope !== undefined)).toHaveLength(1);
    expect(tagged?.stylesheet?.value).toContain('.crosscheck-note-pink {');
    const highlight = first.items.find((item) => item.motivation === 'highlighting');
    expect(highlight?.body).toBeUndefined();
  });

  it('selects each quote with its prefix and suffix, and the same place in code points', async () => {
    const db = freshDatabase();
    // An article with characters outside the Basic Multilingual Plane before the quote: 👍 and 𝒳 take two JS units each.
    const text = 'Breaking 👍 news 𝒳: Mr Dong has denied the allegations against him, his office said.';
    const start = text.indexOf('Mr Dong');
    const address = articleAddress('https://news.example/story');
    await ingestArticle(db, address, {
      metadata: { title: 'Story', outlet: 'Example News' },
      analysis: {
        text,
        blocks: [{ start: 0, end: text.length, kind: 'paragraph' }],
        people: [
          {
            id: 'p1',
            name: 'Han Dong',
            role: 'subject',
            mentions: [{ start: start + 3, end: start + 7, text: 'Dong', form: 'titled', title: 'Mr' }],
            variants: ['Han Dong', 'Dong'],
            titles: [],
          },
        ],
        groups: [],
        allegations: [
          {
            start,
            end: text.indexOf(', his'),
            text: text.slice(start, text.indexOf(', his')),
            stance: 'denied',
            cue: { start: start + 12, end: start + 18 },
            accused: ['p1'],
            attributedTo: ['his office'],
          },
        ],
      },
    });
    const { first } = annotationCollection(await exportDataOf(db));
    const mention = first.items.find((item) => item.motivation === 'identifying') as WebAnnotation;
    const [quote, position] = mention.target.selector ?? [];
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'Dong',
      prefix: text.slice(Math.max(0, start + 3 - 32), start + 3),
      suffix: text.slice(start + 7, start + 39),
    });
    const codePoints = [...text.slice(0, start + 3)].length;
    expect(position).toEqual({ type: 'TextPositionSelector', start: codePoints, end: codePoints + 4 });
    expect(codePoints).toBe(start + 3 - 2);
    const allegation = first.items.find((item) => item.motivation === 'assessing') as WebAnnotation;
    expect(bodiesOf(allegation, 'describing').map((body) => 'value' in body && body.value)).toEqual([
      'Attributed to his office',
    ]);
  });

  it('writes any text as it is, even what a replacement pattern would read as one', async () => {
    const db = freshDatabase();
    const { notes } = await readSeedsWithNotes(db);
    const tricky = 'Costs $$ and $& and $1 — "items": []';
    await db.notes.update(notes.person.id, { body: tricky });
    const collection = parseJson(annotationCollectionText(await exportDataOf(db))) as {
      first: { items: WebAnnotation[] };
    };
    const note = collection.first.items.find((item) => item.id === `urn:uuid:${notes.person.id}`);
    expect(bodiesOf(note as WebAnnotation, 'commenting').map((body) => 'value' in body && body.value)).toEqual([
      tricky,
    ]);
  });

  it('gives a record the same IRI in every export', async () => {
    const db = freshDatabase();
    await readSeedsWithNotes(db);
    const ids = async () =>
      annotationCollection(await exportDataOf(db, { kind: 'everything' }, Date.now())).first.items.map(
        (item) => item.id,
      );
    const first = await ids();
    expect(new Set(first).size).toBe(first.length);
    expect(await ids()).toEqual(first);
  });

  it('is checked by a schema that refuses what the model forbids', () => {
    const annotation = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:uuid:0b6f1c1e-1111-4c1c-9c1c-1c1c1c1c1c1c',
      type: 'Annotation',
      motivation: 'commenting',
      body: [{ type: 'TextualBody', value: 'A note', purpose: 'commenting' }],
      target: { source: 'https://news.example/a', selector: [{ type: 'TextPositionSelector', start: 3, end: 9 }] },
    };
    expect(validate(annotation)).toBe(true);
    const broken: [string, unknown][] = [
      ['no target', { ...annotation, target: undefined }],
      ['no id', { ...annotation, id: undefined }],
      ['another type', { ...annotation, type: 'Note' }],
      ['an unknown motivation', { ...annotation, motivation: 'gossiping' }],
      ['a body and a bodyValue', { ...annotation, bodyValue: 'Also a note' }],
      ['a textual body without a value', { ...annotation, body: [{ type: 'TextualBody', purpose: 'commenting' }] }],
      [
        'a negative position',
        {
          ...annotation,
          target: { source: 'https://news.example/a', selector: { type: 'TextPositionSelector', start: -1, end: 9 } },
        },
      ],
      [
        'a quote without its text',
        {
          ...annotation,
          target: { source: 'https://news.example/a', selector: { type: 'TextQuoteSelector', prefix: 'x' } },
        },
      ],
      ['a date that is not a date', { ...annotation, created: 'yesterday' }],
    ];
    for (const [what, value] of broken) expect(validate(JSON.parse(JSON.stringify(value))), what).toBe(false);
  });

  it('accepts the sample Hypothesis export (its JSON-LD follows the model)', () => {
    const sample = parseJson(
      readFileSync(join(import.meta.dirname, 'fixtures', 'hypothesis-annotations.jsonld'), 'utf8'),
    );
    expect(validate(sample), ajv.errorsText(validate.errors)).toBe(true);
  });
});
