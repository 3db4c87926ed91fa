/**
 *   npm run train              train the person-name model on ../shared/ner/train and write
 *                              src/analysis/names/model.json; print its size, and the accuracy the same
 *                              training reaches on a tenth of the training documents it did not see
 *   npm run train -- --dry-run the same, without writing the model
 *
 * Trains on the train split only (never on eval/). Without the data it says so and leaves the
 * shipped model alone. Deterministic: the same data gives the same file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createPersonNameFinder } from '../src/analysis/names/find-person-names.ts';
import { buildGazetteer } from './lib/name-gazetteer.ts';
import { defaultTrainingOptions, trainNameModel } from './lib/name-training.ts';
import { type NamedSentence, readTrainSplit } from './lib/ner-data.ts';
import { repoRoot } from './lib/paths.ts';
import { countSpans, noCounts, scores, type SpanCounts } from './lib/span-scores.ts';

const modelPath = join(repoRoot, 'src', 'analysis', 'names', 'model.json');
const dryRun = process.argv.includes('--dry-run');

const sentences = readTrainSplit();
if (!sentences) {
  console.log('No training data (../shared/ner or $CROSSCHECK_SHARED/ner): the shipped name model is unchanged.');
  process.exit(0);
}

/** FNV-1a: a stable hash, so the same documents are held out on every run and every machine. */
function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

const percent = (value: number) => `${(100 * value).toFixed(1)}%`;
const lexicons = buildGazetteer();
const isHeldOut = (sentence: NamedSentence) => stableHash(`${sentence.corpus}/${sentence.doc}`) % 10 === 0;
const heldOut = sentences.filter(isHeldOut);

console.log(`Held-out check: training on ${sentences.length - heldOut.length} of ${sentences.length} sentences…`);
const check = trainNameModel(
  sentences.filter((sentence) => !isHeldOut(sentence)),
  lexicons,
);
const findInCheck = createPersonNameFinder(check.model);
const byCorpus = new Map<string, SpanCounts>();
for (const sentence of heldOut) {
  const counts = byCorpus.get(sentence.corpus) ?? noCounts();
  byCorpus.set(sentence.corpus, countSpans(counts, findInCheck(sentence.text), sentence.people));
}
const overall = noCounts();
for (const counts of byCorpus.values()) {
  overall.found += counts.found;
  overall.expected += counts.expected;
  overall.correct += counts.correct;
}
console.log(`Held-out training documents (${heldOut.length} sentences), exact person spans:`);
for (const [name, counts] of [...byCorpus, ['all', overall] as const]) {
  const score = scores(counts);
  console.log(
    `  ${name.padEnd(10)} P ${percent(score.precision)}  R ${percent(score.recall)}  F1 ${percent(score.f1)}  (${score.expected} names)`,
  );
}

console.log(`\nTraining the shipped model on all ${sentences.length} sentences…`);
const started = performance.now();
const report = trainNameModel(sentences, lexicons, defaultTrainingOptions, (epoch, correct, total) =>
  console.log(`  epoch ${epoch}: ${percent(correct / total)} of sentences tagged right by the margin`),
);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const json = `${JSON.stringify(report.model)}\n`;
console.log(
  `Trained on ${report.sentences} sentences (${report.tokens} tokens) in ${seconds} s; ` +
    `${report.misaligned} name spans do not fall on token boundaries.`,
);
console.log(`Features: ${report.features.learnt} learnt, ${report.features.kept} kept after pruning.`);
console.log(
  `Model: ${(json.length / 1024).toFixed(1)} KB, ${(gzipSync(json, { level: 9 }).length / 1024).toFixed(1)} KB gzipped` +
    (dryRun ? ' (not written: --dry-run)' : ` → ${modelPath}`),
);
if (!dryRun) writeFileSync(modelPath, json);
