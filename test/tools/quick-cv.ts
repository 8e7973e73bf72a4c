import { writeFileSync } from 'node:fs';
// Iteration aid: fit on everything (in-sample figures) and cross-validate the chat batches only.
import { answerQuestion } from '../../src/answer/answer.js';
import { crossValidate, fitModel } from '../../src/answer/model/fit.js';
import { useModel } from '../../src/answer/model/model.js';
import { runEval } from '../../src/eval/run-eval.js';
import { loadBatches, loadHeldBatches, loadSeedIndex, START_MODEL } from './fit-data.js';

const batches = loadBatches();
const index = await loadSeedIndex();
const held = (process.env.HELD ?? 'chat').split(',');
const line = (name: string, r: { hit1: number; hit3: number; abstention: number; falseAbstention: number; conflictsShown: number }) =>
  console.log(`${name.padEnd(16)} hit@1 ${(100 * r.hit1).toFixed(1)}  hit@3 ${(100 * r.hit3).toFixed(1)}  abst ${(100 * r.abstention).toFixed(1)}  FA ${(100 * r.falseAbstention).toFixed(1)}  conf ${(100 * r.conflictsShown).toFixed(0)}`);
const searchReading = process.env.SEARCH_READING === '1';
const model = fitModel(batches, index, START_MODEL, { searchReading });
useModel(model);
// SAVE=file keeps the in-sample model, for `MODEL=file npx tsx test/tools/diagnose.ts`.
if (process.env.SAVE) writeFileSync(process.env.SAVE, JSON.stringify(model));
console.log(JSON.stringify(model.reading), 'threshold', model.threshold, `${model.refusal.trees.length} refusal trees`);
const own = batches.filter((b) => !b.name.startsWith('chat') && b.name !== 'dev').flatMap((b) => b.questions);
line('IN own', runEval(own, (q) => answerQuestion(index, q), index));
const chat = batches.filter((b) => b.name.startsWith('chat')).flatMap((b) => b.questions);
line('IN chat*', runEval(chat, (q) => answerQuestion(index, q), index));
// The held-out batches (test/data/held), never fitted on: the in-sample model's honest check.
const heldOut = loadHeldBatches().flatMap((b) => b.questions);
line('HELD (not fitted)', runEval(heldOut, (q) => answerQuestion(index, q), index));
if (process.env.NOCV) process.exit(0);
const folds = crossValidate(batches, index, START_MODEL, (b) => held.some((h) => b.name.startsWith(h)), searchReading);
let n = 0, h1 = 0, fa = 0, un = 0, ab = 0;
for (const { batch, report: r } of folds) {
  line(`CV ${batch}`, r);
  n += r.answerable; h1 += r.hit1 * r.answerable; fa += r.falseAbstention * r.answerable; un += r.unanswerable; ab += r.abstention * r.unanswerable;
}
// One figure to compare changes by: the share of questions handled right (answered with the right
// passage first, or refused when out of scope), as the threshold trades one kind for the other.
console.log(`CV pooled: hit@1 ${(100 * h1 / n).toFixed(1)}  FA ${(100 * fa / n).toFixed(1)}  abst ${(100 * ab / un).toFixed(1)}  right ${(100 * (h1 + ab) / (n + un)).toFixed(1)}`);
