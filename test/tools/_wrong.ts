import { analyseQuestion } from '../../src/answer/question.js';
import { rankPassages } from '../../src/answer/rank.js';
import { canLead } from '../../src/answer/answer.js';
import { cleanQuestion } from '../../src/answer/validate-question.js';
import { quoteMatches } from '../../src/eval/run-eval.js';
import { loadBatches, loadSeedIndex } from './fit-data.js';
const index = await loadSeedIndex();
const f = (r: any) => JSON.stringify(Object.fromEntries(Object.entries(r.features ?? {}).filter(([, v]) => v !== 0).map(([k, v]) => [k, Math.round((v as number) * 100) / 100])));
for (const batch of loadBatches()) {
  if (!batch.name.startsWith(process.argv[2] ?? 'chat')) continue;
  for (const q of batch.questions) {
    if (q.kind !== 'answerable') continue;
    const a = analyseQuestion(cleanQuestion(q.q), index);
    const ranked = rankPassages(a, index);
    const best = ranked.find((r) => canLead(r, a));
    const ok = (r: any) => quoteMatches(r.passage.locations[0]!.text, q.expect);
    if (!best || ok(best)) continue;
    const right = ranked.find(ok);
    console.log(`Q ${q.q}\n  terms ${a.terms.map((t) => `${t.surface}:${t.weight.toFixed(1)}${t.known ? '' : '?'}${t.fromContext ? 'c' : ''}`).join(' ')} type=${a.answerType}\n  BEST ${best.score.toFixed(2)} ${best.passage.text.slice(0, 110)} ${f(best)}\n  RIGHT@${right ? ranked.indexOf(right) : -1} ${right ? right.score.toFixed(2) + ' ' + right.passage.text.slice(0, 110) + ' ' + f(right) : ''}`);
  }
}
