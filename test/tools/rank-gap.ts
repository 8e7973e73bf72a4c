// Iteration aid: for each answerable question whose right passage is ranked below a wrong one,
// the per-feature contributions (weight × value) of the best wrong lead minus the right passage's,
// summed over questions, so the evidence that most often misleads the ranking shows.
import { analyseQuestion } from '../../src/answer/question.js';
import { rankPassages } from '../../src/answer/rank.js';
import { canLead } from '../../src/answer/answer.js';
import { RANK_FEATURES } from '../../src/answer/model/features.js';
import { currentModel } from '../../src/answer/model/model.js';
import { cleanQuestion } from '../../src/answer/validate-question.js';
import { quoteMatches } from '../../src/eval/run-eval.js';
import { loadBatches, loadHeldBatches, loadSeedIndex } from './fit-data.js';

const index = await loadSeedIndex();
const batches = process.env.HELD ? loadHeldBatches() : loadBatches().filter((b) => b.name.startsWith('chat'));
const sum: Record<string, number> = {};
const against: Record<string, number> = {};
let n = 0;
for (const batch of batches) {
  for (const q of batch.questions) {
    if (q.kind !== 'answerable') continue;
    const a = analyseQuestion(cleanQuestion(q.q), index);
    const ranked = rankPassages(a, index).filter((r) => canLead(r, a));
    const ok = (r: (typeof ranked)[number]) => quoteMatches(r.passage.locations[0]!.text, q.expect);
    const right = ranked.find(ok);
    const best = ranked[0];
    if (!best || !right || ok(best) || !best.features || !right.features) continue;
    n++;
    const w = currentModel().rank;
    const parts = RANK_FEATURES.map((f) => [f, w[f] * (best.features![f] - right.features![f])] as const);
    for (const [f, d] of parts) {
      sum[f] = (sum[f] ?? 0) + d;
      if (d > 0) against[f] = (against[f] ?? 0) + 1;
    }
    if (process.env.V) {
      console.log(`${q.q}\n  best: ${best.passage.text.slice(0, 90)}\n  right: ${right.passage.text.slice(0, 90)}\n  ${parts.filter(([, d]) => Math.abs(d) > 0.05).map(([f, d]) => `${f}${d > 0 ? '+' : ''}${d.toFixed(2)}`).join(' ')}`);
    }
  }
}
console.log(`${n} questions with a wrong lead above a right candidate`);
for (const f of RANK_FEATURES) console.log(f.padEnd(16), (sum[f] ?? 0).toFixed(2).padStart(8), String(against[f] ?? 0).padStart(4));
