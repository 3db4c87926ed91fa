/**
 * Small analysed sources for linking tests, written the way the gold file is: paragraphs, the
 * people with the forms in which they are printed, and the allegations by their sentence.
 */
import { goldAnalysis, type GoldAllegation, type GoldPerson } from '../gold/seeds-gold.ts';
import type { ArticleMetadata, SourceDocument } from '../types.ts';

export interface SourceSpec {
  id: string;
  metadata?: ArticleMetadata;
  paragraphs: string[];
  people: GoldPerson[];
  allegations?: Omit<GoldAllegation, 'key'>[];
}

export function buildSource(spec: SourceSpec): SourceDocument {
  const input = {
    blocks: spec.paragraphs.map((text) => ({ kind: 'paragraph' as const, text })),
    metadata: spec.metadata ?? {},
  };
  const analysis = goldAnalysis(
    {
      id: spec.id,
      seed: '',
      fixture: '',
      metadata: { outlet: spec.metadata?.outlet ?? '', published: spec.metadata?.published ?? '' },
      people: spec.people,
      groups: [],
      allegations: (spec.allegations ?? []).map((allegation, index) => ({ key: `${spec.id}-${index}`, ...allegation })),
    },
    input,
  );
  return { id: spec.id, metadata: input.metadata, analysis };
}
