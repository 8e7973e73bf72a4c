import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { TreeNode } from './boosted-trees.js';
import { RANK_FEATURES, REFUSAL_FEATURES, type RefusalFeature } from './features.js';

/**
 * The shape of a fitted model file. The committed model is imported as JSON and trusted (a test
 * checks it against this schema and against what `npm run fit` produces); a model file given to a
 * tool (MODEL=file) is checked here, so one saved before the refusal trees, with weights where
 * trees should be, is named as such rather than read as a model that answers at random.
 */
const treeNode: z.ZodType<TreeNode<RefusalFeature>> = z.lazy(() =>
  z.union([
    z.object({ value: z.number().finite() }).strict(),
    z.object({ feature: z.enum(REFUSAL_FEATURES), at: z.number().finite(), below: treeNode, above: treeNode }).strict(),
  ]),
);

export const fittedModelSchema = z
  .object({
    /** How much words the question carries but does not ask with count (reading-weights.ts). */
    reading: z.object({ commonWord: z.number().finite(), knownWord: z.number().finite(), oddWord: z.number().finite(), contextClause: z.number().finite() }).strict(),
    rank: z.object(Object.fromEntries(RANK_FEATURES.map((f) => [f, z.number().finite()])) as Record<(typeof RANK_FEATURES)[number], z.ZodNumber>).strict(),
    /** Boosted trees over the refusal features: the log-odds that the question should be answered. */
    refusal: z.object({ trees: z.array(treeNode) }).strict(),
    /** Answer when the refusal model's probability of an answer is at least this. */
    threshold: z.number().min(0).max(1),
  })
  .strict();

/** The fitted model: how questions are read, ranking weights, and the refusal trees. */
export type FittedModel = z.infer<typeof fittedModelSchema>;

/** Reads a saved model, or throws one line naming the file and what is wrong with it. */
export function readModelFile(path: string): FittedModel {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path} cannot be read as a fitted model: ${(error as Error).message}`);
  }
  const parsed = fittedModelSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${path} is not a fitted model of this version: ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  return parsed.data;
}
