import { describe, expect, it } from 'vitest';
import { fixtureArticle } from '../../scripts/lib/article-files.ts';
import { analyseArticle } from './analyse.ts';
import { goldAnalysis, seedsGold } from './gold/seeds-gold.ts';
import { emptyScore, scoreDocument, scoreLinks } from './gold/score.ts';
import { linkSources } from './linking/link-sources.ts';
import type { SourceDocument } from './types.ts';

// The engine as shipped (the trained name tagger included) on the fixture pages, which hold the
// seed articles' text verbatim, against what the gold file says a reader finds in them.
const gold = seedsGold('fixture');
const score = emptyScore();
const matched = new Map<string, Map<number, number>>();
const sources: SourceDocument[] = gold.documents.map((document) => {
  const input = fixtureArticle(document.fixture);
  const analysis = analyseArticle(input);
  matched.set(document.id, scoreDocument(document, goldAnalysis(document, input), analysis, score));
  return { id: document.id, metadata: input.metadata, analysis };
});
const documentErrors = [...score.errors];
const links = linkSources(sources);
score.errors.length = 0;
scoreLinks(
  gold,
  links,
  (document, allegation) => {
    for (const [expected, actual] of matched.get(document) ?? []) {
      if (actual === allegation)
        return gold.documents.find((candidate) => candidate.id === document)?.allegations[expected]?.key;
    }
    return undefined;
  },
  score,
);

describe('the engine on the seed articles', () => {
  it('finds every person, mention, alias, title, group and allegation a reader finds, and nothing else', () => {
    expect(documentErrors).toEqual([]);
  });

  it('links the people and claims across the two reports, with every discrepancy between them', () => {
    expect(score.errors).toEqual([]);
  });

  it('names Han Dong by his full name wherever the reports say "Mr Dong", "Dong" or "Dong\'s"', () => {
    for (const { analysis } of sources) {
      const dong = analysis.people.find((person) => person.name === 'Han Dong');
      const dongs = analysis.text.match(/\bDong\b/g) ?? [];
      expect(dong?.mentions).toHaveLength(dongs.length);
    }
  });
});
