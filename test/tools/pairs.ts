// For questions answered with the wrong passage first while the right one is in the top 5: both passages' ranking features side by side.
import { readModelFile } from '../../src/answer/model/model-file.js';
import { analyseQuestion } from '../../src/answer/question.js';
import { rankPassages } from '../../src/answer/rank.js';
import { canLead } from '../../src/answer/answer.js';
import { currentModel, useModel } from '../../src/answer/model/model.js';
import { cleanQuestion } from '../../src/answer/validate-question.js';
import { quoteMatches } from '../../src/eval/run-eval.js';
import { loadBatches, loadSeedIndex } from './fit-data.js';

if (process.env.MODEL) useModel(readModelFile(process.env.MODEL));
const index = await loadSeedIndex();
const w = currentModel().rank as Record<string, number>;
const diff: Record<string, number> = {};
let n = 0;
for (const batch of loadBatches()) {
  if (!batch.name.startsWith(process.argv[2] ?? 'chat')) continue;
  for (const q of batch.questions) {
    if (q.kind !== 'answerable') continue;
    const a = analyseQuestion(cleanQuestion(q.q), index);
    const ranked = rankPassages(a, index).filter((r) => canLead(r, a));
    const ok = (r: (typeof ranked)[number]) => quoteMatches(r.passage.locations[0]!.text, q.expect);
    const at = ranked.slice(0, 5).findIndex(ok);
    if (at <= 0) continue;
    n++;
    const best = ranked[0]!, right = ranked[at]!;
    const parts = Object.keys(w).map((k) => [k, (w[k] ?? 0) * (((best.features as any)?.[k] ?? 0) - ((right.features as any)?.[k] ?? 0))] as const).filter(([, v]) => Math.abs(v) > 0.05).sort((x, y) => y[1] - x[1]);
    for (const [k, v] of parts) diff[k] = (diff[k] ?? 0) + v;
    if (process.env.V) console.log(`${q.q.slice(0, 90)}\n  best ${best.passage.text.slice(0, 70)}\n  right@${at} ${right.passage.text.slice(0, 70)}\n  ${parts.map(([k, v]) => `${k}${v > 0 ? '+' : ''}${v.toFixed(2)}`).join(' ')}`);
  }
}
console.log(n, 'questions; summed score advantage of the wrong passage by feature:', Object.entries(diff).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', '));
