/**
 * Whether the document-level analysis keeps the tagger's accuracy: the person mentions the whole
 * engine reports (titles set apart, names carried across the text, things and groups dropped) on
 * the evaluation split of ../shared/ner, exact spans, against the tagger's own spans on the same
 * texts (the baseline, measured in the same run). Each excerpt (a source document's consecutive
 * sentences) is read as one article, the way the extension reads a page.
 */
import { analyseArticle } from '../../src/analysis/index.ts';
import { findPersonNames } from '../../src/analysis/names/find-person-names.ts';
import type { Span } from '../../src/analysis/types.ts';
import { type BenchSection, type BenchSuite, markdownTable } from '../lib/bench-report.ts';
import { excerpts, readEvalSplit } from '../lib/ner-data.ts';
import { countSpans, noCounts, scores } from '../lib/span-scores.ts';

type Finder = (text: string) => Span[];

const finders: [string, Finder][] = [
  [
    'Crosscheck engine: people’s mentions',
    (text) =>
      analyseArticle({ blocks: [{ kind: 'paragraph', text }], metadata: {} }).people.flatMap(
        (person) => person.mentions,
      ),
  ],
  ['baseline: the name tagger alone', (text) => findPersonNames(text)],
];

const percent = (value: number) => `${(100 * value).toFixed(1)}%`;

function measure(): BenchSection {
  const title = 'Analysis: person mentions on the NER evaluation split';
  const sentences = readEvalSplit();
  if (!sentences)
    return { title, body: 'Skipped: `../shared/ner` (or `$CROSSCHECK_SHARED/ner`) is not on this machine.' };
  const rows: string[][] = [];
  for (const [domain, label] of [
    ['news', 'news'],
    ['wikipedia', 'Wikipedia'],
    [null, 'all'],
  ] as const) {
    const texts = excerpts(sentences.filter((sentence) => domain === null || sentence.domain === domain));
    for (const [name, find] of finders) {
      const counts = noCounts();
      for (const { text, people } of texts) countSpans(counts, find(text), people);
      const score = scores(counts);
      rows.push([
        label,
        name,
        String(score.expected),
        percent(score.precision),
        percent(score.recall),
        `**${percent(score.f1)}**`,
      ]);
    }
  }
  return {
    title,
    body: [
      'Exact-span precision, recall and F1 of person names (no titles, no possessives), each source document’s',
      'sentences read as one article. The baseline is the tagger’s output before the engine’s document-level rules.',
      '',
      markdownTable(['text', 'finder', 'names', 'precision', 'recall', 'F1'], rows),
    ].join('\n'),
  };
}

const suite: BenchSuite = () => Promise.resolve(measure());

export default suite;
