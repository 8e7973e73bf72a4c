/**
 * The evidence the ranking weighs, one number each, in a fixed order. The fitted model holds
 * one weight per name; `npm run fit` learns them from the labelled questions.
 */
export const RANK_FEATURES = [
  'coverage',
  'typeFit',
  'search',
  'proximity',
  'corroboration',
  'specificity',
  'closeness',
  'directness',
  'definition',
  'glossary',
  'label',
  'askedNounLabel',
  'followUp',
  'wording',
  'excluded',
  'leadIn',
  'heading',
  'truncated',
  'echo',
  'missingName',
  'typeMissing',
  'headMet',
] as const;
export type RankFeature = (typeof RANK_FEATURES)[number];
export type RankFeatures = Record<RankFeature, number>;

/** What the answer-or-refuse decision looks at: the best candidate, and how the question was read. */
export const REFUSAL_FEATURES = [
  'coverage',
  'score',
  'margin',
  'typeFit',
  'typed',
  'unknownShare',
  'unknownNames',
  'unknownHead',
  'missingName',
  'typeMissing',
  'headMissing',
  'unknownOdd',
  'unknownEveryday',
  'contextShare',
  'knownTerms',
  'otherLanguage',
] as const;
export type RefusalFeature = (typeof REFUSAL_FEATURES)[number];

/**
 * Evidence that something asked for is absent can only count against answering: a name of the
 * question the passage lacks, a "how many" it gives no figure for, a name the articles never
 * mention. The refusal trees keep to this (boosted-trees.ts), so no batch's accidents teach them
 * that a missing figure is a reason to answer. The other features get no direction: held out by
 * batch, forcing one on the unknown-word shares or on coverage lost more than it kept (an unknown
 * word in a chat message is often slang the rest of the question makes harmless).
 */
export const REFUSAL_DIRECTIONS = {
  unknownNames: -1,
  missingName: -1,
  typeMissing: -1,
  headMissing: -1,
} as const satisfies Partial<Record<RefusalFeature, 1 | -1>>;
export type RefusalFeatures = Record<RefusalFeature, number>;

export function dot<K extends string>(weights: Readonly<Record<K, number>>, features: Readonly<Record<K, number>>, names: readonly K[]): number {
  let sum = 0;
  for (const name of names) sum += (weights[name] ?? 0) * features[name];
  return sum;
}
