import fitted from './fitted-model.json' with { type: 'json' };
import { treesLogOdds, type BoostedTrees } from './boosted-trees.js';
// Type only: the schema (and zod) stay off the answer path; the committed model is trusted JSON.
import type { FittedModel } from './model-file.js';
import { dot, RANK_FEATURES, type RankFeatures, type RefusalFeature, type RefusalFeatures } from './features.js';

/**
 * The fitted model: how questions are read, weights for ranking candidates, and trees for
 * deciding to answer or refuse. It is written by `npm run fit` (test/tools/fit-model.ts) and
 * checked by a test to be exactly what that command produces from the labelled questions in
 * test/data (the shared development sets' copy in test/data/shared-eval included; model-file.ts has its schema).
 */
export type { FittedModel };

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
