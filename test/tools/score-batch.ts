// A new batch's first score, before anything changes for it: the engine (MODEL=file for a given
// model, default the committed one) beside plain MiniSearch, on each file named.
import { readFileSync } from 'node:fs';
import { answerQuestion } from '../../src/answer/answer.js';
import { readModelFile } from '../../src/answer/model/model-file.js';
import { useModel } from '../../src/answer/model/model.js';
import { parseEvalFile, plainMiniSearchAsker, runEval } from '../../src/eval/run-eval.js';
import { loadSeedIndex } from './fit-data.js';

if (process.env.MODEL) useModel(readModelFile(process.env.MODEL));
const index = await loadSeedIndex();
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
for (const file of process.argv.slice(2)) {
  const questions = parseEvalFile(readFileSync(file, 'utf8'));
  const r = runEval(questions, (q) => answerQuestion(index, q), index);
  const base = runEval(questions, plainMiniSearchAsker(index), index);
  console.log(`${file}: hit@1 ${pct(r.hit1)} hit@3 ${pct(r.hit3)} abstention ${pct(r.abstention)} false abstention ${pct(r.falseAbstention)} conflicts ${Math.round(r.conflictsShown * r.conflicts)}/${r.conflicts} non-verbatim ${r.nonVerbatim} | plain MiniSearch hit@1 ${pct(base.hit1)} hit@3 ${pct(base.hit3)}`);
}
