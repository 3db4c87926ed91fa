/**
 * The export as a W3C Web Annotation collection (https://www.w3.org/TR/annotation-model/), in its
 * JSON-LD serialisation: an AnnotationCollection whose first (and only) page embeds every annotation.
 *
 * - A person mention is motivated `identifying`: its bodies name the person, as text and as the
 *   person's IRI, the same IRI in every source that names them.
 * - An allegation is `questioning` (it is claimed) or `assessing` (a response: a denial, an
 *   admission); its bodies give the stance (`classifying`), the accused (`identifying`), who it is
 *   attributed to (`describing`) and the claim it belongs to across sources (`linking`).
 * - A note is `commenting`, or `highlighting` when it has no text; its tags are bodies with
 *   purpose `tagging`, and its colour a CSS class with the stylesheet that draws it. A note written
 *   on an article's page (rather than in the notebook) has that article as its target's `scope`: the
 *   model's "resource that provides the scope or context" for the target, as a note about a person
 *   was written in the context of one article that names them.
 *
 * Targets select the quote in the article's text as Crosscheck reads it (whitespace collapsed,
 * blocks a blank line apart): a TextQuoteSelector with prefix and suffix, and a TextPositionSelector
 * counted in code points.
 */
import { layerStyles } from '../page/highlight-layers.ts';
import { noteColours, type NoteColour } from '../store/records.ts';
import { type ExportAnnotation, exportAnnotations } from './annotations.ts';
import type { ExportData } from './export-data.ts';
import { crosscheckAgent, uuidV5Of } from './record-ids.ts';

export const annotationContext = 'http://www.w3.org/ns/anno.jsonld';

type Body =
  | { type: 'TextualBody'; value: string; purpose: string; format: 'text/plain' }
  | { type: 'SpecificResource'; source: string; purpose: string };

interface Selector {
  type: 'TextQuoteSelector' | 'TextPositionSelector';
  [key: string]: unknown;
}

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: string;
  created?: string;
  modified?: string;
  generator: { id: string; type: 'Software'; name: string };
  body?: Body[];
  target: { source: string; selector?: Selector[]; styleClass?: string; scope?: string };
  stylesheet?: { type: 'CssStylesheet'; value: string };
}

export interface AnnotationCollection {
  '@context': string;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  generator: WebAnnotation['generator'];
  generated: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

/** The CSS class a note's colour is drawn with, in the exported stylesheet. */
export const colourClass = (colour: NoteColour) => `crosscheck-note-${colour}`;

/** The note colours as the page draws them, for tools that show annotations with their stylesheet. */
const noteStylesheet = noteColours
  .map((colour) => {
    const style = layerStyles[`note-${colour}`];
    return `.${colourClass(colour)} { background-color: ${style.backgroundColor}; text-decoration: ${style.textDecoration}; }`;
  })
  .join('\n');

export function annotationCollection(data: ExportData): AnnotationCollection {
  const generator = { id: crosscheckAgent, type: 'Software' as const, name: data.generator };
  const items = exportAnnotations(data).map((annotation) => webAnnotation(annotation, generator));
  // The collection's IRI names the export (scope and moment), so two exports of one moment are one collection.
  const id = `urn:uuid:${uuidV5Of(`collection ${JSON.stringify(data.scope)} ${data.generated}`)}`;
  return {
    '@context': annotationContext,
    id,
    type: 'AnnotationCollection',
    label: `Crosscheck: ${data.label}`,
    generator,
    generated: new Date(data.generated).toISOString(),
    total: items.length,
    first: { id: `${id}#page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** The collection as a file: one annotation per line, so that a large export stays readable and diffable. */
export function annotationCollectionText(data: ExportData): string {
  const { first, ...collection } = annotationCollection(data);
  const { items, ...page } = first;
  const head = JSON.stringify({ ...collection, first: { ...page, items: [] } }, null, 2);
  if (items.length === 0) return `${head}\n`;
  // The page's items are the last key written: spliced in there, never through a replacement
  // pattern, which would read a "$&" in an annotation's text as an instruction.
  const marker = '"items": []';
  const at = head.lastIndexOf(marker);
  const lines = items.map((item) => `      ${JSON.stringify(item)}`).join(',\n');
  return `${head.slice(0, at)}"items": [\n${lines}\n    ]${head.slice(at + marker.length)}\n`;
}

function webAnnotation(annotation: ExportAnnotation, generator: WebAnnotation['generator']): WebAnnotation {
  const { target, note } = annotation;
  const selector: Selector[] = [];
  if (target.quote) selector.push({ type: 'TextQuoteSelector', ...target.quote });
  if (target.position) selector.push({ type: 'TextPositionSelector', ...target.position });
  const body = bodiesOf(annotation);
  return {
    id: annotation.id,
    type: 'Annotation',
    motivation: annotation.motivation,
    ...(note ? { created: new Date(note.created).toISOString(), modified: new Date(note.updated).toISOString() } : {}),
    generator,
    ...(body.length > 0 ? { body } : {}),
    target: {
      source: target.source,
      ...(selector.length > 0 ? { selector } : {}),
      ...(note ? { styleClass: colourClass(note.colour) } : {}),
      ...(note?.writtenOn === undefined ? {} : { scope: note.writtenOn }),
    },
    ...(note ? { stylesheet: { type: 'CssStylesheet' as const, value: noteStylesheet } } : {}),
  };
}

function bodiesOf(annotation: ExportAnnotation): Body[] {
  const text = (value: string, purpose: string): Body => ({
    type: 'TextualBody',
    value,
    purpose,
    format: 'text/plain',
  });
  const link = (source: string, purpose: string): Body => ({ type: 'SpecificResource', source, purpose });
  const { note } = annotation;
  if (note) {
    return [
      ...(note.body === '' ? [] : [text(note.body, 'commenting')]),
      ...note.tags.map((tag) => text(tag, 'tagging')),
    ];
  }
  const bodies: Body[] = [];
  if (annotation.stance) bodies.push(text(annotation.stance, 'classifying'));
  for (const person of annotation.people) {
    if (person.name !== '') bodies.push(text(person.name, 'identifying'));
    bodies.push(link(person.iri, 'identifying'));
  }
  if (annotation.attributedTo.length > 0)
    bodies.push(text(`Attributed to ${annotation.attributedTo.join('; ')}`, 'describing'));
  if (annotation.claim) bodies.push(link(annotation.claim.iri, 'linking'));
  return bodies;
}
