/**
 * `npm run fit`: fits the answer model (ranking, refusal, for the reading weights of
 * fit-data.ts START_MODEL) to every labelled question batch and writes
 * src/answer/model/fitted-model.json; with `--cv` it also scores each batch under a model fitted
 * without it, the honest estimate for the next unseen batch. `--search-reading` searches the
 * reading weights over their grid too, in the fit and in each fold.
 */
import { writeFileSync } from 'node:fs';
import { crossValidate, fitModel } from '../../src/answer/model/fit.js';
import { loadBatches, loadSeedIndex, MODEL_FILE, START_MODEL } from './fit-data.js';
import type { FittedModel } from '../../src/answer/model/model.js';

/** Weights one per line, and each refusal tree on one line: a refit's diff shows what moved. */
function modelJson(model: FittedModel): string {
  const { refusal, ...rest } = model;
  const head = JSON.stringify(rest, null, 2).replace(/\n}$/, '');
  const trees = refusal.trees.map((t) => `      ${JSON.stringify(t)}`).join(',\n');
  return `${head},\n  "refusal": {\n    "trees": [\n${trees}\n    ]\n  }\n}\n`;
}

const batches = loadBatches();
const index = await loadSeedIndex();
const started = performance.now();
const searchReading = process.argv.includes('--search-reading');
const model = fitModel(batches, index, START_MODEL, { searchReading });
writeFileSync(MODEL_FILE, modelJson(model));
console.log(`fitted on ${batches.reduce((n, b) => n + b.questions.length, 0)} questions in ${batches.length} batches (${Math.round(performance.now() - started)} ms): ${MODEL_FILE.pathname}`);
console.log(JSON.stringify(model.reading), 'threshold', model.threshold);

if (process.argv.includes('--cv')) {
  const folds = crossValidate(batches, index, START_MODEL, undefined, searchReading);
  const sum = { answerable: 0, unanswerable: 0, conflicts: 0, hit1: 0, hit3: 0, abstained: 0, falseAbstained: 0, shown: 0, nonVerbatim: 0 };
  for (const { batch, report: r } of folds) {
    console.log(`${batch.padEnd(16)} hit@1 ${(100 * r.hit1).toFixed(1)}%  hit@3 ${(100 * r.hit3).toFixed(1)}%  abstention ${(100 * r.abstention).toFixed(1)}%  false abstention ${(100 * r.falseAbstention).toFixed(1)}%  conflicts ${(100 * r.conflictsShown).toFixed(0)}%`);
    sum.answerable += r.answerable;
    sum.unanswerable += r.unanswerable;
    sum.conflicts += r.conflicts;
    sum.hit1 += r.hit1 * r.answerable;
    sum.hit3 += r.hit3 * r.answerable;
    sum.abstained += r.abstention * r.unanswerable;
    sum.falseAbstained += r.falseAbstention * r.answerable;
    sum.shown += r.conflictsShown * r.conflicts;
    sum.nonVerbatim += r.nonVerbatim;
  }
  const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;
  console.log(
    `cross-validated (${sum.answerable} answerable, ${sum.unanswerable} out of scope, ${sum.conflicts} conflicts): hit@1 ${pct(sum.hit1, sum.answerable)}  hit@3 ${pct(sum.hit3, sum.answerable)}  abstention ${pct(sum.abstained, sum.unanswerable)}  false abstention ${pct(sum.falseAbstained, sum.answerable)}  conflicts shown ${pct(sum.shown, sum.conflicts)}  non-verbatim ${sum.nonVerbatim}`,
  );
}
