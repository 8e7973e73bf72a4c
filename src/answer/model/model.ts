import fitted from './fitted-model.json' with { type: 'json' };
import { treesLogOdds, type BoostedTrees } from './boosted-trees.js';
import { dot, RANK_FEATURES, type RankFeature, type RankFeatures, type RefusalFeature, type RefusalFeatures } from './features.js';

/**
 * The fitted model: how questions are read, weights for ranking candidates, and trees for
 * deciding to answer or refuse. It is written by `npm run fit` (test/tools/fit-model.ts) and
 * checked by a test to be exactly what that command produces from the labelled questions in
 * test/data and ../shared/eval (model-file.ts has its schema).
 */
export interface FittedModel {
  reading: { commonWord: number; knownWord: number; oddWord: number; contextClause: number };
  rank: Record<RankFeature, number>;
  /** Boosted trees over the refusal features: the log-odds that the question should be answered. */
  refusal: BoostedTrees<RefusalFeature>;
  /** Answer when the refusal model's probability of an answer is at least this. */
  threshold: number;
}

let model: FittedModel = fitted as FittedModel;

/** For fitting: score with candidate weights instead of the committed ones. */
export function useModel(next: FittedModel): void {
  model = next;
}

export function currentModel(): FittedModel {
  return model;
}

export function rankScore(features: RankFeatures): number {
  return dot(model.rank, features, RANK_FEATURES);
}

export function answerProbability(features: RefusalFeatures, refusal: BoostedTrees<RefusalFeature> = model.refusal): number {
  return 1 / (1 + Math.exp(-treesLogOdds(refusal, features)));
}
