// Why a question is answered or refused: its terms, the leading candidate, and the refusal features (MODEL=file for a saved model, CORPUS=dir for another corpus).
import { readModelFile } from '../../src/answer/model/model-file.js';
import { analyseQuestion } from '../../src/answer/question.js';
import { rankPassages } from '../../src/answer/rank.js';
import { canLead } from '../../src/answer/answer.js';
import { refusalFeatures } from '../../src/answer/model/decision.js';
import { answerProbability, useModel } from '../../src/answer/model/model.js';
import { loadSeedIndex } from './fit-data.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { buildIndex } from '../../src/index/build-index.js';
if (process.env.MODEL) useModel(readModelFile(process.env.MODEL));
const index = process.env.CORPUS ? buildIndex(await loadCorpus(process.env.CORPUS)) : await loadSeedIndex();
for (const q of process.argv.slice(2)) {
  const a = analyseQuestion(q, index);
  const r = rankPassages(a, index);
  const best = r.find((x) => canLead(x, a));
  console.log(q, '|', a.terms.map((t) => `${t.surface}:${t.weight.toFixed(2)}${t.known ? '' : '?'}`).join(' '));
  if (best) console.log('  p', answerProbability(refusalFeatures(a, r, best)).toFixed(2), best.passage.text.slice(0, 80), JSON.stringify(refusalFeatures(a, r, best)));
}
