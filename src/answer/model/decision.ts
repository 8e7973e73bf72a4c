import type { AnalysedQuestion } from '../question.js';
import type { RankedPassage } from '../rank.js';
import type { RefusalFeatures } from './features.js';
import { answerProbability, currentModel } from './model.js';

/** The evidence for answering at all: how well the best candidate covers the question, and how much of the question the articles know. */
export function refusalFeatures(question: AnalysedQuestion, ranked: readonly RankedPassage[], best: RankedPassage): RefusalFeatures {
  const asked = question.terms.filter((t) => !t.fromPrevious);
  const total = asked.reduce((sum, t) => sum + t.weight, 0) || 1;
  const unknown = asked.filter((t) => !t.known && !t.fromContext).reduce((sum, t) => sum + t.weight, 0);
  const context = asked.filter((t) => t.fromContext).reduce((sum, t) => sum + t.weight, 0);
  const runnerUp = ranked.find((r) => r !== best && r.passage.text !== best.passage.text);
  return {
    bias: 1,
    coverage: best.coverage,
    score: best.score,
    margin: runnerUp ? best.score - runnerUp.score : 1,
    typeFit: best.typeFit ? 1 : 0,
    typed: question.answerType !== 'any' ? 1 : 0,
    unknownShare: unknown / total,
    // GPT-5, Llama 4, the Louvre: a name the articles never mention is something they do not cover.
    unknownNames: Math.min(2, asked.filter((t) => t.unknownName).length) / 2,
    contextShare: context / total,
    knownTerms: Math.min(5, asked.filter((t) => t.known && !t.fromContext).length) / 5,
  };
}

export function shouldAnswer(features: RefusalFeatures): boolean {
  return answerProbability(features) >= currentModel().threshold;
}
