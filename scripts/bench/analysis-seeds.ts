/**
 * The whole engine on the two seed articles, scored against the gold file a reader wrote for them
 * (src/analysis/gold/seeds.json): people, mentions and aliases, titles, groups, allegations with
 * their stances, accused and sources, and the cross-source people, claims and discrepancies.
 * Baseline, on the same text: compromise's people() for the names, and for allegations the
 * keyword rule (a sentence with an allegation word accuses the first person compromise finds in it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { analyseArticle, linkSources } from '../../src/analysis/index.ts';
import { goldAnalysis, seedsGold } from '../../src/analysis/gold/seeds-gold.ts';
import { emptyScore, type Score, scoreDocument, scoreLinks, type Tally } from '../../src/analysis/gold/score.ts';
import { splitSentences } from '../../src/analysis/text/sentences.ts';
import type { DocumentAnalysis, SourceDocument } from '../../src/analysis/types.ts';
import { articleFromText } from '../lib/article-files.ts';
import { type BenchSection, type BenchSuite, markdownTable } from '../lib/bench-report.ts';
import { sharedDir } from '../lib/shared-data.ts';

const allegationWords =
  /\b(?:accus\w*|alleg\w*|charged?|charges|suspected|reportedly|according to|claims? that|denie[sd]|deny|rejected|admitted|confirmed|cleared)\b/i;

/** compromise's people, as mentions of people named as compromise prints them. */
function compromisePeople(text: string): { start: number; end: number; name: string }[] {
  const found = nlp(text).people().json({ offset: true }) as {
    text: string;
    offset: { start: number; length: number };
  }[];
  return found.map((person) => {
    const name = person.text.replace(/[’']s$/, '').replace(/[^\p{L}\p{N}]+$/u, '');
    return { start: person.offset.start, end: person.offset.start + name.length, name };
  });
}

/** The baseline's analysis: compromise's names as people (one per distinct name), allegations by keyword. */
function baselineAnalysis(expected: DocumentAnalysis): DocumentAnalysis {
  const mentions = compromisePeople(expected.text);
  const names = [...new Set(mentions.map((mention) => mention.name))];
  const people = names.map((name, index) => {
    const own = mentions.filter((mention) => mention.name === name);
    return {
      id: `b${index}`,
      name,
      role: 'subject' as const,
      mentions: own.map(({ start, end }) => ({
        start,
        end,
        text: expected.text.slice(start, end),
        form: 'full' as const,
      })),
      variants: [name],
      titles: [],
    };
  });
  const allegations = splitSentences(expected.text).flatMap((sentence) => {
    const text = expected.text.slice(sentence.start, sentence.end);
    const cue = allegationWords.exec(text);
    const first = mentions.find((mention) => mention.start >= sentence.start && mention.end <= sentence.end);
    if (!cue || !first) return [];
    const stance = /den/i.test(cue[0]) ? ('denied' as const) : ('alleged' as const);
    const cueStart = sentence.start + cue.index;
    return [
      {
        ...sentence,
        text,
        stance,
        cue: { start: cueStart, end: cueStart + cue[0].length },
        accused: [`b${names.indexOf(first.name)}`],
        attributedTo: [],
      },
    ];
  });
  return { text: expected.text, blocks: expected.blocks, people, groups: [], allegations };
}

const percent = (value: number) => (Number.isFinite(value) ? `${(value * 100).toFixed(1)}%` : '–');

function row(name: string, engine: Tally, baseline?: Tally): (string | number)[] {
  const measure = (tally: Tally) => {
    const precision = tally.found === 0 ? Number.NaN : tally.correct / tally.found;
    const recall = tally.expected === 0 ? Number.NaN : tally.correct / tally.expected;
    return `${tally.correct}/${tally.expected} (P ${percent(precision)}, R ${percent(recall)})`;
  };
  return [name, measure(engine), baseline ? measure(baseline) : 'n/a'];
}

/** Synchronous measurement: nothing to await, and timings free of event-loop turns. */
function measure(): BenchSection {
  const title = 'Analysis: the whole engine on the seed articles';
  const shared = sharedDir();
  const seedsDir = shared && join(shared, 'seeds');
  if (!seedsDir || !existsSync(seedsDir)) {
    return {
      title,
      body: 'Skipped: the seed texts (`../shared/seeds`, or `$CROSSCHECK_SHARED/seeds`) are not on this machine.',
    };
  }
  const gold = seedsGold('seed');
  const engine = emptyScore();
  const baseline = emptyScore();
  const sources: SourceDocument[] = [];
  const matchedKeys = new Map<string, Map<number, number>>();
  for (const document of gold.documents) {
    const input = articleFromText(readFileSync(join(seedsDir, document.seed), 'utf8'));
    input.metadata = { ...document.metadata, ...input.metadata };
    const expected = goldAnalysis(document, input);
    const actual = analyseArticle(input);
    matchedKeys.set(document.id, scoreDocument(document, expected, actual, engine));
    scoreDocument(document, expected, baselineAnalysis(expected), baseline);
    sources.push({ id: document.id, metadata: input.metadata, analysis: actual });
  }
  const keyOf = (document: string, allegation: number) => {
    const matched = matchedKeys.get(document);
    const goldDocument = gold.documents.find((candidate) => candidate.id === document);
    for (const [expectedIndex, actualIndex] of matched ?? []) {
      if (actualIndex === allegation) return goldDocument?.allegations[expectedIndex]?.key;
    }
    return undefined;
  };
  scoreLinks(gold, linkSources(sources), keyOf, engine);

  const documentRows = [
    'people',
    'mentions',
    'mention forms and titles',
    'aliases',
    'titles',
    'groups',
    'allegations',
    'stances',
    'attributions',
  ];
  const linkRows = ['linked people', 'person discrepancies', 'claims', 'claim discrepancies'];
  const rows = [
    ...documentRows.map((name) =>
      row(name, engine.tallies[name] ?? { expected: 0, found: 0, correct: 0 }, baseline.tallies[name]),
    ),
    ...linkRows.map((name) => row(name, engine.tallies[name] ?? { expected: 0, found: 0, correct: 0 })),
  ];
  return {
    title,
    body: [
      'Correct out of what the gold file expects, with precision (correct / found) and recall (correct / expected).',
      'Baseline: compromise `people()` for names, and the keyword rule for allegations (a sentence with an allegation',
      'word accuses the first person compromise finds in it); it has no aliases, titles, groups or cross-source links.',
      '',
      markdownTable(['measure', 'Crosscheck', 'baseline'], rows),
      '',
      misses(engine),
    ].join('\n'),
  };
}

function misses(score: Score): string {
  if (score.errors.length === 0) return 'The engine gets every item of the gold file right.';
  return ['What the engine still gets wrong:', '', ...score.errors.map((error) => `- ${error}`)].join('\n');
}

const suite: BenchSuite = () => Promise.resolve(measure());

export default suite;
