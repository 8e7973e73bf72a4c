// Iteration aid: every batch (the held-out ones too) scored with the committed model, no refit: a
// reading change's first effect, in seconds, before `npm run fit` or quick-cv.ts judge it properly.
import { answerQuestion } from '../../src/answer/answer.js';
import { runEval } from '../../src/eval/run-eval.js';
import { readModelFile } from '../../src/answer/model/model-file.js';
import { useModel } from '../../src/answer/model/model.js';
import { loadBatches, loadHeldBatches, loadSeedIndex } from './fit-data.js';

// MODEL=file scores under a model file instead of the committed one (a reading weight set by hand, to see its effect).
if (process.env.MODEL) useModel(readModelFile(process.env.MODEL));

const index = await loadSeedIndex();
const held = loadHeldBatches().map((b) => ({ ...b, name: `held/${b.name}` }));
const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
const groups = { own: [] as string[], chat: [] as string[], held: [] as string[] };
const all = [...loadBatches(), ...held];
const reports = all.map((b) => ({ name: b.name, report: runEval(b.questions, (q) => answerQuestion(index, q), index) }));
for (const { name, report: r } of reports) {
  if (process.env.V) console.log(`${name.padEnd(22)} hit@1 ${pct(r.hit1)} hit@3 ${pct(r.hit3)} abst ${pct(r.abstention)} FA ${pct(r.falseAbstention)}`);
  (name.startsWith('held/') ? groups.held : name.startsWith('chat') ? groups.chat : groups.own).push(name);
}
for (const [group, names] of Object.entries(groups)) {
  const rs = reports.filter((r) => names.includes(r.name)).map((r) => r.report);
  const sum = (f: (r: (typeof rs)[number]) => number) => rs.reduce((a, r) => a + f(r), 0);
  const answerable = sum((r) => r.answerable), unanswerable = sum((r) => r.unanswerable);
  console.log(`${group.padEnd(5)} hit@1 ${pct(sum((r) => r.hit1 * r.answerable) / answerable)} hit@3 ${pct(sum((r) => r.hit3 * r.answerable) / answerable)} abst ${pct(sum((r) => r.abstention * r.unanswerable) / unanswerable)} FA ${pct(sum((r) => r.falseAbstention * r.answerable) / answerable)} (${answerable}/${unanswerable})`);
}
