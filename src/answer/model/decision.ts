import type { AnalysedQuestion } from '../question.js';
import type { RankedPassage } from '../rank.js';
import type { RefusalFeatures } from './features.js';
import { englishBand } from '../../text/english.js';
import { answerProbability, currentModel } from './model.js';

/** The evidence for answering at all: how well the best candidate covers the question, and how much of the question the articles know. */
export function refusalFeatures(question: AnalysedQuestion, ranked: readonly RankedPassage[], best: RankedPassage): RefusalFeatures {
  const asked = question.terms.filter((t) => !t.fromPrevious);
  const total = asked.reduce((sum, t) => sum + t.weight, 0) || 1;
  // The other language's words are counted on their own (otherLanguage below), not as words the
  // articles never use: a mixed-language message then looks like an English one to every other
  // feature, and what the trees learn from its unknown words does not carry over to English ones.
  const unknown = asked.filter((t) => !t.known && !t.fromContext && !t.otherLanguage).reduce((sum, t) => sum + t.weight, 0);
  const context = asked.filter((t) => t.fromContext).reduce((sum, t) => sum + t.weight, 0);
  const unknownWords = asked.filter((t) => !t.known && !t.fromContext && !t.unknownName && !t.otherLanguage && t.weight > 0);
  const runnerUp = ranked.find((r) => r !== best && r.passage.text !== best.passage.text);
  return {
    coverage: best.coverage,
    score: best.score,
    margin: runnerUp ? best.score - runnerUp.score : 1,
    typeFit: best.typeFit ? 1 : 0,
    typed: question.answerType !== 'any' ? 1 : 0,
    unknownShare: unknown / total,
    // GPT-5, Llama 4, the Louvre: a name the articles never mention is something they do not cover.
    unknownNames: Math.min(2, asked.filter((t) => t.unknownName).length) / 2,
    unknownHead: question.unknownHead ? 1 : 0,
    missingName: best.features?.missingName ?? 0,
    typeMissing: best.features?.typeMissing ?? 0,
    headMissing: question.head !== undefined && best.features?.headMet !== 1 ? 1 : 0,
    // How many words of each kind the articles never use: slang, typos and terms ("nah", "fp8"),
    // against everyday words ("meeting", "total"). The fit learns how much each kind matters.
    unknownOdd: Math.min(3, unknownWords.filter((t) => englishBand(t.surface) === 0).length) / 3,
    unknownEveryday: Math.min(3, unknownWords.filter((t) => englishBand(t.surface) !== 0).length) / 3,
    contextShare: context / total,
    // A clause partly in another language ("kapan rilisnya sih v9-medium?"): its words are the
    // other language's question words and particles, unknown to the articles but asking nothing of
    // them. Their share of the question's weight is the trees' to weigh.
    otherLanguage: asked.filter((t) => t.otherLanguage && !t.fromContext).reduce((sum, t) => sum + t.weight, 0) / total,
    knownTerms: Math.min(5, asked.filter((t) => t.known && !t.fromContext).length) / 5,
  };
}

export function shouldAnswer(features: RefusalFeatures): boolean {
  return answerProbability(features) >= currentModel().threshold;
}
