/**
 *   npm run train              train the person-name model on ../shared/ner/train and write
 *                              src/analysis/names/model.json; print its size, and the accuracy the same
 *                              training reaches on a tenth of the training documents it did not see
 *   npm run train -- --dry-run the same, without writing the model
 *   npm run train -- --cv      5-fold cross-validation over the training documents, by genre and
 *                              by corpus; trains no model to ship. UNER-EWT alone is annotated by
 *                              the evaluation split's guidelines (Universal NER; GUM's tags were
 *                              derived automatically, WikiGold's follow CoNLL), so choices are read
 *                              off its figure next to the overall one
 *
 * Trains on the train split only (never on eval/). Without the data it says so and leaves the
 * shipped model alone. Deterministic: the same data gives the same file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildGazetteer } from './lib/name-gazetteer.ts';
import { crossValidate, documentPart, type GroupedCounts, trainAndTest } from './lib/name-evaluation.ts';
import { defaultTrainingOptions, trainNameModel } from './lib/name-training.ts';
import { type NamedSentence, readTrainSplit } from './lib/ner-data.ts';
import { repoRoot } from './lib/paths.ts';
import { noCounts, scores } from './lib/span-scores.ts';

const modelPath = join(repoRoot, 'src', 'analysis', 'names', 'model.json');
const dryRun = process.argv.includes('--dry-run');
const crossValidation = process.argv.includes('--cv');

const sentences = readTrainSplit();
if (!sentences) {
  console.log('No training data (../shared/ner or $CROSSCHECK_SHARED/ner): the shipped name model is unchanged.');
  process.exit(0);
}

const percent = (value: number) => `${(100 * value).toFixed(1)}%`;
// The training corpus annotated by the evaluation split's guidelines (Universal NER).
const evaluationLike = 'uner-ewt';
const lexicons = buildGazetteer();

function printCounts(counts: GroupedCounts): void {
  const groups = [...counts.keys()].filter((group) => group !== 'all').sort();
  for (const group of [...groups, 'all']) {
    const score = scores(counts.get(group) ?? noCounts());
    console.log(
      `  ${group.padEnd(16)} P ${percent(score.precision)}  R ${percent(score.recall)}  F1 ${percent(score.f1)}  (${score.expected} names)`,
    );
  }
}

if (crossValidation) {
  const folds = 5;
  console.log(`${folds}-fold cross-validation over the documents of ${sentences.length} training sentences…`);
  const counts = crossValidate(
    sentences,
    lexicons,
    (sentence) => [sentence.genre ?? sentence.corpus, sentence.corpus],
    {
      folds,
      onFold: (fold) => console.log(`  fold ${fold + 1} of ${folds} done`),
    },
  );
  console.log('Exact person spans, each part tagged by a model trained on the others, by genre and corpus:');
  printCounts(counts);
  const f1 = (group: string) => percent(scores(counts.get(group) ?? noCounts()).f1);
  console.log(`Selection measures: F1 ${f1('all')} over all, ${f1(evaluationLike)} on ${evaluationLike} alone.`);
  process.exit(0);
}

const isHeldOut = (sentence: NamedSentence) => documentPart(sentence, 10) === 0;
const heldOut = sentences.filter(isHeldOut);
console.log(`Held-out check: training on ${sentences.length - heldOut.length} of ${sentences.length} sentences…`);
const byCorpus = trainAndTest(
  sentences.filter((sentence) => !isHeldOut(sentence)),
  heldOut,
  lexicons,
  (sentence) => [sentence.corpus],
);
console.log(`Held-out training documents (${heldOut.length} sentences), exact person spans:`);
printCounts(byCorpus);

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
