/**
 * The export's records as annotations, the unit both the W3C Web Annotation file and the CSV are
 * made of: one per person mention, per allegation and per note. Each has an IRI that is the same in
 * every export of the same record, so a tool that imports two exports sees one annotation, not two.
 *
 * Positions are converted here from the store's JavaScript offsets to the code points W3C counts.
 */
import { isResponse, type Stance } from '../analysis/types.ts';
import { toCodePoints } from '../anchoring/code-points.ts';
import type { NoteRecord, NoteSelectors, NoteTarget } from '../store/records.ts';
import { sourceTime } from '../store/source-time.ts';
import type { BackupRecord } from './backup-schema.ts';
import { compareStrings, type ExportData, ExportIndex } from './export-data.ts';
import { recordIri, uuidV5Of } from './record-ids.ts';

export type AnnotationKind = 'mention' | 'allegation' | 'note';
export type Motivation = 'identifying' | 'questioning' | 'assessing' | 'commenting' | 'highlighting';
/** The motivations of what Crosscheck's analysis finds, as against the reader's own notes. */
export const findingMotivations: readonly Motivation[] = ['identifying', 'questioning', 'assessing'];

export interface EntityRef {
  id: string;
  /** `urn:uuid:…`: the person or claim across every source and export. */
  iri: string;
  name: string;
}

export interface ExportAnnotation {
  kind: AnnotationKind;
  id: string;
  motivation: Motivation;
  target: {
    /** The article's address, or a person's or claim's IRI for a note about one. */
    source: string;
    /** The stored article, when the annotation is on one the export holds. */
    article?: BackupRecord<'sources'>;
    quote?: { exact: string; prefix: string; suffix: string };
    /** In code points; absent when the article's characters are not known (see SourceRecord.astralOffsets). */
    position?: { start: number; end: number };
  };
  /** The person a mention names, or the people an allegation accuses. */
  people: EntityRef[];
  stance?: Stance;
  attributedTo: string[];
  claim?: EntityRef;
  note?: Pick<NoteRecord, 'body' | 'tags' | 'colour' | 'created' | 'updated' | 'orphaned'> & {
    about: NoteTarget['kind'];
    /** The address of the article whose page the note was written on (see `NoteRecord.writtenOn`). */
    writtenOn?: string;
  };
}

/** Every annotation of an export: by article (earliest first) and place in it, then notes on people and claims. */
export function exportAnnotations(data: ExportData): ExportAnnotation[] {
  const index = new ExportIndex(data);
  const person = (id: string): EntityRef => ({ id, iri: recordIri(id), name: index.personName(id) });
  const claim = (id: string): EntityRef => ({ id, iri: recordIri(id), name: index.claims.get(id)?.summary ?? '' });
  const onArticle = (
    url: string,
    selectors?: { quote: ExportAnnotation['target']['quote']; position?: { start: number; end: number } },
  ) => {
    const article = index.sources.get(url);
    const astral = article?.astralOffsets;
    const { position } = selectors ?? {};
    return {
      source: article?.href ?? url,
      ...(article ? { article } : {}),
      ...(selectors?.quote ? { quote: selectors.quote } : {}),
      ...(position && astral
        ? { position: { start: toCodePoints(position.start, astral), end: toCodePoints(position.end, astral) } }
        : {}),
    };
  };

  const placed: { url: string; at: number; order: number; annotation: ExportAnnotation }[] = [];
  /** An annotation on an article, placed among the others by where it is (`order` breaks ties). */
  const place = (
    url: string,
    selectors: NoteSelectors | undefined,
    order: number,
    annotation: Omit<ExportAnnotation, 'target'>,
  ) => {
    const target = selectors
      ? onArticle(url, { quote: plainQuote(selectors.quote), position: selectors.position })
      : onArticle(url);
    placed.push({ url, at: selectors?.position?.start ?? -1, order, annotation: { ...annotation, target } });
  };
  for (const mention of data.mentions) {
    const { start, end } = mention.selectors.position;
    place(mention.source, mention.selectors, 1, {
      kind: 'mention',
      id: `urn:uuid:${uuidV5Of(`mention ${mention.source} ${mention.person} ${start} ${end}`)}`,
      motivation: 'identifying',
      people: [person(mention.person)],
      attributedTo: [],
    });
  }
  for (const allegation of data.allegations) {
    place(allegation.source, allegation.selectors, 2, {
      kind: 'allegation',
      id: `urn:uuid:${uuidV5Of(`allegation ${allegation.source} ${allegation.index}`)}`,
      motivation: isResponse(allegation.stance) ? 'assessing' : 'questioning',
      people: allegation.accused.map(person),
      stance: allegation.stance,
      attributedTo: allegation.allegation.attributedTo,
      ...(allegation.claim ? { claim: claim(allegation.claim) } : {}),
    });
  }

  const aboutPeople: ExportAnnotation[] = [];
  const aboutClaims: ExportAnnotation[] = [];
  for (const note of data.notes) {
    const { target } = note;
    const base = {
      kind: 'note' as const,
      id: recordIri(note.id),
      motivation: note.body === '' ? ('highlighting' as const) : ('commenting' as const),
      attributedTo: [],
      note: {
        about: target.kind,
        body: note.body,
        tags: note.tags,
        colour: note.colour,
        created: note.created,
        updated: note.updated,
        orphaned: note.orphaned,
        ...(note.writtenOn === undefined
          ? {}
          : { writtenOn: index.sources.get(note.writtenOn)?.href ?? note.writtenOn }),
      },
    };
    switch (target.kind) {
      case 'person':
        aboutPeople.push({ ...base, target: { source: recordIri(target.person) }, people: [person(target.person)] });
        break;
      case 'claim':
        aboutClaims.push({
          ...base,
          target: { source: recordIri(target.claim) },
          people: [],
          claim: claim(target.claim),
        });
        break;
      case 'source':
        place(target.source, undefined, 0, { ...base, people: [] });
        break;
      case 'selection':
        place(target.source, target.selectors, 3, { ...base, people: [] });
        break;
    }
  }

  const time = (url: string) => {
    const article = index.sources.get(url);
    return article ? sourceTime(article) : Number.MAX_SAFE_INTEGER;
  };
  placed.sort((a, b) => time(a.url) - time(b.url) || compareStrings(a.url, b.url) || a.at - b.at || a.order - b.order);
  const byName = (a: ExportAnnotation, b: ExportAnnotation) =>
    compareStrings(a.people[0]?.name ?? a.claim?.name ?? '', b.people[0]?.name ?? b.claim?.name ?? '');
  return [...placed.map((entry) => entry.annotation), ...aboutPeople.sort(byName), ...aboutClaims.sort(byName)];
}

function plainQuote(quote: { exact: string; prefix: string; suffix: string }) {
  return { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix };
}
