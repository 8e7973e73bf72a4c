import { analyseQuestion } from '../../src/answer/question.js';
import { rankPassages } from '../../src/answer/rank.js';
import { loadSeedIndex } from './fit-data.js';
const index = await loadSeedIndex();
const q = analyseQuestion(process.argv[2]!, index);
console.log(q.terms.map((t) => `${t.surface}:${t.term}:${t.weight.toFixed(2)}${t.known ? '' : '?'}`).join(' '), 'type', q.answerType, 'head', q.head, 'defines', q.defines, 'asked', q.askedNoun);
for (const r of rankPassages(q, index).slice(0, Number(process.env.TOP ?? 4))) console.log(r.score.toFixed(2), r.coverage.toFixed(2), r.passage.text.slice(0, 90), JSON.stringify(Object.fromEntries(Object.entries(r.features ?? {}).filter(([, v]) => v !== 0).map(([k, v]) => [k, Math.round(v * 100) / 100]))));
