// Conflict questions whose answer does not quote both sides in its first three citations: what it quotes instead.
import { readModelFile } from '../../src/answer/model/model-file.js';
import { answerQuestion } from '../../src/answer/answer.js';
import { useModel } from '../../src/answer/model/model.js';
import { quoteMatches } from '../../src/eval/run-eval.js';
import { loadBatches, loadSeedIndex } from './fit-data.js';

if (process.env.MODEL) useModel(readModelFile(process.env.MODEL));
const index = await loadSeedIndex();
for (const batch of loadBatches()) {
  if (!batch.name.startsWith(process.argv[2] ?? 'chat')) continue;
  for (const q of batch.questions) {
    if (q.kind !== 'conflict') continue;
    const a = answerQuestion(index, q.q);
    const top3 = a.citations.slice(0, 3).map((c) => c.quote);
    const met = q.sides.map((side) => top3.some((quote) => quoteMatches(quote, side)));
    if (met.every(Boolean)) continue;
    console.log(`${q.q.slice(0, 100)}\n  sides met ${met.join('/')} ${a.status}${a.conflicts.length ? ' (conflict shown)' : ''}\n${top3.map((t) => `  - ${t.slice(0, 90)}`).join('\n')}`);
  }
}
