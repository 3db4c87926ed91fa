/**
 * Reading W3C Web Annotations written by other tools (Hypothesis's JSON-LD, Recogito's export,
 * anything that follows https://www.w3.org/TR/annotation-model/) as the reader's notes.
 *
 * Accepted: an AnnotationCollection with its pages embedded, an AnnotationPage, a list of
 * annotations, or one annotation. Each target becomes a note: on the text its TextQuoteSelector
 * quotes, or on the whole page when it has none (an image region, an XPath range without a quote).
 * Positions are not taken: other tools count characters in their own copy of a page, so Crosscheck
 * finds the quote in its own reading of the article, as it does for its own notes. Commenting bodies
 * become the note's text; tagging bodies its tags; any other body (a link, a classification) a line
 * of the text, so that nothing the file says is dropped.
 *
 * What Crosscheck's own analysis exported (its mentions and allegations) is not imported as notes:
 * reading the article finds them again.
 */
import * as v from 'valibot';
import { noteColours, type NoteColour } from '../store/records.ts';
import { findingMotivations } from './annotations.ts';
import { ImportError, type ImportProblem, formatPath } from './import-problems.ts';
import { crosscheckAgent, uuidOfIri, uuidV5Of } from './record-ids.ts';
import { colourClass } from './web-annotation.ts';

const limits = { body: 100_000, quote: 20_000, context: 500, tag: 64, tags: 50, iri: 8192 } as const;

/** A note as the file gives it; the background resolves its target against the store. */
export const incomingNoteSchema = v.strictObject({
  id: v.pipe(v.string(), v.uuid()),
  target: v.strictObject({
    /** The page's address, or the IRI of a person or claim (a Crosscheck export's `urn:uuid:`). */
    source: v.pipe(v.string(), v.maxLength(limits.iri), v.url()),
    quote: v.optional(
      v.strictObject({
        exact: v.pipe(v.string(), v.minLength(1), v.maxLength(limits.quote)),
        prefix: v.pipe(v.string(), v.maxLength(limits.context)),
        suffix: v.pipe(v.string(), v.maxLength(limits.context)),
      }),
    ),
  }),
  body: v.pipe(v.string(), v.maxLength(limits.body)),
  tags: v.pipe(v.array(v.pipe(v.string(), v.maxLength(limits.tag))), v.maxLength(limits.tags)),
  colour: v.picklist(noteColours),
  created: v.pipe(v.number(), v.integer(), v.minValue(0)),
  updated: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type IncomingNote = v.InferOutput<typeof incomingNoteSchema>;

export interface AnnotationFile {
  notes: IncomingNote[];
  /** Annotations read. */
  annotations: number;
  /** Crosscheck's own findings, left out. */
  findings: number;
  /** Notes whose selectors Crosscheck cannot place (no quote), attached to the whole page. */
  wholePage: number;
  /** Notes left out because the file has a later version of the same annotation (the same id). */
  repeated: number;
}

type Path = (string | number)[];

/** Whether a parsed file looks like Web Annotations at all (before it is read in detail). */
export function looksLikeAnnotations(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0 || isAnnotation(value[0]);
  if (typeof value !== 'object' || value === null) return false;
  const types = typesOf((value as { type?: unknown }).type);
  return ['Annotation', 'AnnotationCollection', 'AnnotationPage'].some((type) => types.includes(type));
}

export function readAnnotations(value: unknown, now = Date.now()): AnnotationFile {
  const reader = new AnnotationReader(now);
  for (const { annotation, path } of annotationsIn(value, reader.fileDate)) reader.read(annotation, path);
  return reader.finish();
}

/** Every annotation of the file, wherever the file's shape keeps them. */
function* annotationsIn(value: unknown, fileDate: { value?: number }): Generator<{ annotation: unknown; path: Path }> {
  if (Array.isArray(value)) {
    for (const [index, annotation] of value.entries()) yield { annotation, path: [index] };
    return;
  }
  if (typeof value !== 'object' || value === null) {
    throw new ImportError('This file holds neither a Crosscheck backup nor Web Annotations.');
  }
  const record = value as Record<string, unknown>;
  const types = typesOf(record.type);
  fileDate.value = dateOf(record.generated) ?? dateOf(record.created) ?? dateOf(record.modified);
  if (types.includes('Annotation') || types.includes('oa:Annotation')) {
    yield { annotation: value, path: [] };
    return;
  }
  let page: unknown = types.includes('AnnotationPage') ? value : record.first;
  let path: Path = types.includes('AnnotationPage') ? [] : ['first'];
  if (!types.includes('AnnotationPage') && !types.includes('AnnotationCollection')) {
    if (Array.isArray(record.rows)) {
      throw new ImportError(
        'This looks like Hypothesis search results in its own JSON format. Export the annotations as JSON-LD (the API’s .jsonld addresses) and import that.',
      );
    }
    throw new ImportError('This file holds neither a Crosscheck backup nor Web Annotations: it has no annotations.');
  }
  while (page !== undefined) {
    if (typeof page === 'string') {
      throw new ImportError([
        {
          path: formatPath(path),
          message: `the annotations are not in this file, only the address of their page (${page.slice(0, 200)}). Save that page and import it.`,
        },
      ]);
    }
    if (typeof page !== 'object' || page === null) {
      throw new ImportError([{ path: formatPath(path), message: 'expected an AnnotationPage' }]);
    }
    const { items, next } = page as { items?: unknown; next?: unknown };
    if (!Array.isArray(items))
      throw new ImportError([{ path: formatPath([...path, 'items']), message: 'expected a list of annotations' }]);
    for (const [index, annotation] of items.entries()) yield { annotation, path: [...path, 'items', index] };
    page = next;
    path = [...path, 'next'];
  }
}

class AnnotationReader {
  readonly fileDate: { value?: number } = {};
  readonly #now: number;
  readonly #notes: IncomingNote[] = [];
  /** Each note's place in `#notes`, by id. */
  readonly #noteIndex = new Map<string, number>();
  readonly #problems: ImportProblem[] = [];
  #problemCount = 0;
  #annotations = 0;
  #findings = 0;
  #wholePage = 0;
  #repeated = 0;

  constructor(now: number) {
    this.#now = now;
  }

  #problem(path: Path, message: string): void {
    this.#problemCount++;
    if (this.#problems.length < 5) this.#problems.push({ path: formatPath(path), message });
  }

  finish(): AnnotationFile {
    if (this.#problemCount > 0) throw new ImportError(this.#problems, this.#problemCount);
    return {
      notes: this.#notes,
      annotations: this.#annotations,
      findings: this.#findings,
      wholePage: this.#wholePage,
      repeated: this.#repeated,
    };
  }

  /**
   * One note per id: an annotation that appears twice (an export merged with an older one) is kept
   * in its latest version, the later in the file when both are as recent.
   */
  #add(note: IncomingNote): void {
    const index = this.#noteIndex.get(note.id);
    if (index === undefined) {
      this.#noteIndex.set(note.id, this.#notes.push(note) - 1);
      return;
    }
    this.#repeated++;
    if (note.updated >= (this.#notes[index]?.updated ?? 0)) this.#notes[index] = note;
  }

  read(value: unknown, path: Path): void {
    this.#annotations++;
    if (!isAnnotation(value)) {
      this.#problem(path, 'expected an annotation (an object with a target)');
      return;
    }
    const annotation = value as Record<string, unknown>;
    if (this.#isFinding(annotation)) {
      this.#findings++;
      return;
    }
    const id = typeof annotation.id === 'string' ? annotation.id : undefined;
    if (annotation.id !== undefined && id === undefined) this.#problem([...path, 'id'], 'expected an IRI');
    const created = this.#date(annotation.created, [...path, 'created']);
    const updated = this.#date(annotation.modified, [...path, 'modified']) ?? created;
    // Some tools date only the export (Recogito: `generated`); the import's time is the last resort.
    const fallback = dateOf(annotation.generated) ?? this.fileDate.value ?? this.#now;
    const content = this.#content(annotation, path);
    const targets = oneOrMany(annotation.target);
    targets.forEach((target, index) => {
      const targetPath = Array.isArray(annotation.target) ? [...path, 'target', index] : [...path, 'target'];
      const place = this.#target(target, targetPath);
      if (!place || !content) return;
      // The same annotation gets the same note every time it is imported: importing twice adds nothing.
      const name = `annotation ${id ?? JSON.stringify(annotation)}${targets.length > 1 ? ` target ${index}` : ''}`;
      const noteId = (targets.length === 1 && id && uuidOfIri(id)) || uuidV5Of(name);
      this.#add({
        id: noteId,
        target: place.target,
        body: content.body,
        tags: content.tags,
        colour: place.colour,
        created: created ?? fallback,
        updated: Math.max(updated ?? fallback, created ?? fallback),
      });
    });
  }

  #isFinding(annotation: Record<string, unknown>): boolean {
    const generator = annotation.generator;
    const generatorId = typeof generator === 'string' ? generator : (generator as { id?: unknown } | undefined)?.id;
    if (generatorId !== crosscheckAgent) return false;
    return oneOrMany(annotation.motivation).some((motivation) =>
      (findingMotivations as readonly unknown[]).includes(motivation),
    );
  }

  #date(value: unknown, path: Path): number | undefined {
    if (value === undefined) return undefined;
    const time = dateOf(value);
    if (time === undefined)
      this.#problem(path, `expected an ISO 8601 date and time, found ${JSON.stringify(value)?.slice(0, 80)}`);
    return time;
  }

  #content(annotation: Record<string, unknown>, path: Path): { body: string; tags: string[] } | null {
    const paragraphs: string[] = [];
    const tags: string[] = [];
    const seenTags = new Set<string>();
    const leftoverTags: string[] = [];
    if (typeof annotation.bodyValue === 'string') paragraphs.push(annotation.bodyValue);
    const bodies = oneOrMany(annotation.body);
    bodies.forEach((body, index) => {
      const bodyPath = Array.isArray(annotation.body) ? [...path, 'body', index] : [...path, 'body'];
      for (const { value, purposes } of bodyValues(body)) {
        if (typeof value !== 'string') {
          this.#problem(bodyPath, 'expected a body with a text value or an IRI');
          continue;
        }
        if (purposes.includes('tagging')) {
          const tag = value.trim();
          const folded = tag.toLowerCase();
          if (tag === '' || seenTags.has(folded)) continue;
          seenTags.add(folded);
          if (tag.length <= limits.tag && tags.length < limits.tags) tags.push(tag);
          else leftoverTags.push(tag);
        } else if (purposes.length === 0 || purposes.some((purpose) => textPurposes.has(purpose))) {
          if (value !== '') paragraphs.push(value);
        } else {
          paragraphs.push(`${capitalised(purposes.join(', '))}: ${value}`);
        }
      }
    });
    // Tags too long or too many to be tags stay with the note, as text.
    if (leftoverTags.length > 0) paragraphs.push(`Tags: ${leftoverTags.join(', ')}`);
    const body = paragraphs.join('\n\n');
    if (body.length > limits.body) {
      this.#problem(
        [...path, 'body'],
        `the note would be ${body.length} characters long; at most ${limits.body} are allowed`,
      );
      return null;
    }
    return { body, tags };
  }

  #target(value: unknown, path: Path): { target: IncomingNote['target']; colour: NoteColour } | null {
    if (typeof value === 'string') {
      const source = this.#iri(value, path);
      return source ? { target: { source }, colour: 'yellow' } : null;
    }
    if (typeof value !== 'object' || value === null) {
      this.#problem(path, 'expected the IRI of what is annotated, or a resource with a source');
      return null;
    }
    const target = value as Record<string, unknown>;
    const nested = target.source as { id?: unknown } | undefined;
    const address =
      typeof target.source === 'string'
        ? target.source
        : typeof nested?.id === 'string'
          ? nested.id
          : target.selector === undefined && typeof target.id === 'string'
            ? target.id
            : undefined;
    if (address === undefined) {
      this.#problem(path, 'the target does not say which page it is on (it has no source)');
      return null;
    }
    const source = this.#iri(address, [...path, 'source']);
    if (!source) return null;
    let quote: IncomingNote['target']['quote'];
    let unplaceable = false;
    const selectors = oneOrMany(target.selector);
    selectors.forEach((selector, index) => {
      const selectorPath = Array.isArray(target.selector) ? [...path, 'selector', index] : [...path, 'selector'];
      const type =
        typeof selector === 'object' && selector !== null ? (selector as { type?: unknown }).type : undefined;
      if (type === 'TextQuoteSelector' && !quote)
        quote = this.#quote(selector as Record<string, unknown>, selectorPath);
      else if (type !== 'TextPositionSelector') unplaceable = true;
    });
    if (!quote && unplaceable) this.#wholePage++;
    const styleClass = typeof target.styleClass === 'string' ? target.styleClass : '';
    const colour = noteColours.find((candidate) => colourClass(candidate) === styleClass) ?? 'yellow';
    return { target: { source, ...(quote ? { quote } : {}) }, colour };
  }

  #quote(selector: Record<string, unknown>, path: Path): IncomingNote['target']['quote'] {
    const { exact, prefix = '', suffix = '' } = selector;
    if (typeof exact !== 'string' || exact === '') {
      this.#problem([...path, 'exact'], 'expected the quoted text');
      return undefined;
    }
    if (exact.length > limits.quote) {
      this.#problem(
        [...path, 'exact'],
        `the quote is ${exact.length} characters long; at most ${limits.quote} are allowed`,
      );
      return undefined;
    }
    if (typeof prefix !== 'string' || typeof suffix !== 'string') {
      this.#problem(path, 'expected the prefix and suffix as text');
      return undefined;
    }
    // Only the context next to the quote helps find it; Crosscheck keeps that much of a longer one.
    return { exact, prefix: prefix.slice(-limits.context), suffix: suffix.slice(0, limits.context) };
  }

  #iri(value: string, path: Path): string | null {
    if (value.length > limits.iri || !URL.canParse(value) || !/^[a-z][a-z\d+.-]*:/i.test(value)) {
      this.#problem(path, `expected an absolute address (IRI), found ${JSON.stringify(value.slice(0, 200))}`);
      return null;
    }
    return value;
  }
}

/** Purposes whose text is what the annotation says (the note's text), rather than a fact about it. */
const textPurposes = new Set([
  'commenting',
  'describing',
  'replying',
  'editing',
  'questioning',
  'assessing',
  'highlighting',
]);

/** A body's text or IRI, and its purposes; a Choice body gives each of its items. */
function bodyValues(body: unknown): { value: unknown; purposes: string[] }[] {
  if (typeof body === 'string') return [{ value: body, purposes: ['linking'] }];
  if (typeof body !== 'object' || body === null) return [{ value: undefined, purposes: [] }];
  const record = body as Record<string, unknown>;
  const purposes = oneOrMany(record.purpose).filter((purpose): purpose is string => typeof purpose === 'string');
  if (typesOf(record.type).includes('Choice') && Array.isArray(record.items)) {
    return record.items.flatMap((item) => bodyValues(item));
  }
  if (typeof record.value === 'string') return [{ value: record.value, purposes }];
  const link = typeof record.source === 'string' ? record.source : record.id;
  return [{ value: link, purposes: purposes.length > 0 ? purposes : ['linking'] }];
}

function isAnnotation(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  const types = typesOf(record.type);
  return (
    record.target !== undefined &&
    (types.length === 0 || types.includes('Annotation') || types.includes('oa:Annotation'))
  );
}

function typesOf(type: unknown): string[] {
  return oneOrMany(type).filter((item): item is string => typeof item === 'string');
}

function oneOrMany(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** An ISO 8601 date and time as epoch milliseconds; more than three fractional digits (Hypothesis writes six) are cut. */
function dateOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const normalised = value.replace(/(\.\d{3})\d+/, '$1');
  const time = /^\d{4}-\d\d-\d\d(T[\d:.]+(Z|[+-]\d\d:?\d\d)?)?$/.test(normalised) ? Date.parse(normalised) : Number.NaN;
  return Number.isFinite(time) && time >= 0 ? time : undefined;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
