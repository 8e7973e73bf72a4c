import { readModelFile } from '../../src/answer/model/model-file.js';
// Where answerable questions are lost: by stage (no candidate, refused, wrong first), per batch.
import { analyseQuestion } from '../../src/answer/question.js';
import { rankPassages } from '../../src/answer/rank.js';
import { canLead } from '../../src/answer/answer.js';
import { refusalFeatures } from '../../src/answer/model/decision.js';
import { answerProbability, currentModel, useModel } from '../../src/answer/model/model.js';
import { cleanQuestion } from '../../src/answer/validate-question.js';
import { quoteMatches } from '../../src/eval/run-eval.js';
import { loadBatches, loadHeldBatches, loadSeedIndex } from './fit-data.js';

const index = await loadSeedIndex();
// MODEL=file reads a model saved by `SAVE=file npx tsx test/tools/quick-cv.ts` instead of the committed one.
if (process.env.MODEL) useModel(readModelFile(process.env.MODEL));
const only = process.argv[2];
const counts: Record<string, Record<string, number>> = {};
// HELD=1 diagnoses the held-out batches (test/data/held) instead of the fitted ones.
const batches = process.env.HELD ? loadHeldBatches() : loadBatches();
for (const batch of batches) {
  if (only && !batch.name.includes(only)) continue;
  const c: Record<string, number> = (counts[batch.name] = {});
  for (const q of batch.questions) {
    const a = analyseQuestion(cleanQuestion(q.q), index);
    const ranked = rankPassages(a, index);
    const best = ranked.find((r) => canLead(r, a));
    const p = best ? answerProbability(refusalFeatures(a, ranked, best)) : 0;
    let cls: string;
    if (q.kind === 'answerable') {
      const ok = (r: (typeof ranked)[number]) => quoteMatches(r.passage.locations[0]!.text, q.expect);
      const rightAt = ranked.slice(0, 10).findIndex(ok);
      const rightRank = ranked.findIndex(ok);
      if (!best) cls = rightRank >= 0 && rightRank < 3 ? 'gate-blocks-right' : 'no-candidate';
      else if (p < currentModel().threshold) cls = ok(best) ? 'refused-right-best' : 'refused-wrong-best';
      else cls = ok(best) ? 'hit' : rightAt >= 0 && rightAt < 3 ? 'wrong-first(top3)' : 'wrong-first';
      if (cls !== 'hit' && process.env.V) {
        const r = best ?? ranked[0];
        console.log(`${cls} p=${p.toFixed(2)} ${q.q}\n   best: ${r?.passage.text.slice(0, 100)}\n   right@${rightRank} type=${a.answerType}${a.strictType ? '!' : ''} names=${a.requiredNames} terms=${a.terms.map((t) => `${t.surface}${t.known ? '' : '?'}${t.unknownName ? '!' : ''}:${t.weight.toFixed(2)}`).join(' ')}`);
      }
    } else if (q.kind === 'unanswerable') {
      cls = best && p >= currentModel().threshold ? 'trap-answered' : 'trap-refused';
      if (cls === 'trap-answered' && process.env.V) console.log(`${cls} p=${p.toFixed(2)} ${q.q}\n   best: ${best?.passage.text.slice(0, 100)}`);
    } else cls = 'conflict';
    c[cls] = (c[cls] ?? 0) + 1;
  }
}
const total: Record<string, number> = {};
for (const [name, c] of Object.entries(counts)) {
  console.log(name.padEnd(16), JSON.stringify(c));
  for (const [k, v] of Object.entries(c)) total[k] = (total[k] ?? 0) + v;
}
console.log('TOTAL'.padEnd(16), JSON.stringify(total));
