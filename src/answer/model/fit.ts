import { answerQuestion, canLead } from '../answer.js';
import { analyseQuestion } from '../question.js';
import { rankPassages, type RankedPassage } from '../rank.js';
import type { KnowledgeIndex } from '../../index/index-model.js';
import { quoteMatches, runEval } from '../../eval/run-eval.js';
import type { EvalQuestion, EvalReport } from '../../eval/schema.js';
import { refusalFeatures } from './decision.js';
import { dot, RANK_FEATURES, REFUSAL_DIRECTIONS, REFUSAL_FEATURES, type RankFeatures, type RefusalFeatures } from './features.js';
import { fitBoostedTrees } from './boosted-trees.js';
import { answerProbability, currentModel, useModel, type FittedModel } from './model.js';

/**
 * Fitting the model to labelled questions, deterministically: the ranking by Newton's method from
 * fixed starting weights to the one optimum, the refusal trees by exact greedy boosting, no
 * randomness in either. Batches are the unit of cross-validation: each is scored by a model fitted
 * without it.
 */
export interface Batch {
  name: string;
  questions: EvalQuestion[];
}

interface Candidate {
  features: RankFeatures;
  right: boolean;
  eligible: boolean;
  ranked: RankedPassage;
}

interface Sample {
  batch: string;
  /** Answerable (or a conflict): the articles answer it. */
  answerable: boolean;
  candidates: Candidate[];
  analysed: ReturnType<typeof analyseQuestion>;
}

/** The reading weights tried, one at a time around the current best. */
const READING_GRID = {
  commonWord: [0.05, 0.1, 0.2, 0.35],
  knownWord: [0.1, 0.25, 0.5],
  oddWord: [0.25, 0.5, 1],
  contextClause: [0, 0.05, 0.15],
} as const;

/** Pulls ranking weights towards their starting values: a few hundred questions should not swing them far. */
const RANK_PRIOR = 0.02;
const NEWTON_STEPS = 50;
/**
 * The refusal trees' size, chosen by leave-one-batch-out cross-validation over the chat batches
 * (README, Answer quality): three splits deep lets three pieces of evidence combine; more trees,
 * or smaller leaves, fitted the training batches better and the held-out ones no better.
 */
const REFUSAL_TREES = { trees: 100, depth: 3, rate: 0.1, minLeafHessianShare: 0.03 };
const HARD_NEGATIVES = 10;

function collect(batches: readonly Batch[], index: KnowledgeIndex): Sample[] {
  const samples: Sample[] = [];
  for (const batch of batches) {
    for (const item of batch.questions) {
      const analysed = analyseQuestion(item.q, index);
      const ranked = rankPassages(analysed, index);
      const expect = item.kind === 'answerable' ? item.expect : item.kind === 'conflict' ? item.sides.flat() : [];
      const candidates = ranked
        .filter((r) => r.features !== undefined)
        .map((r) => ({
          features: r.features!,
          right: expect.length > 0 && quoteMatches(r.passage.locations[0]!.text, expect),
          eligible: canLead(r, analysed),
          ranked: r,
        }));
      samples.push({ batch: batch.name, answerable: item.kind !== 'unanswerable', candidates, analysed });
    }
  }
  return samples;
}

/** Pairwise logistic ranking: each right candidate above the wrong ones that outscore it most. */
function fitRank(samples: readonly Sample[], start: FittedModel['rank']): FittedModel['rank'] {
  const pairs: number[][] = [];
  for (const s of samples) {
    const eligible = s.candidates.filter((c) => c.eligible);
    const right = eligible.filter((c) => c.right);
    if (right.length === 0) continue;
    const wrong = eligible
      .filter((c) => !c.right)
      .sort((a, b) => dot(start, b.features, RANK_FEATURES) - dot(start, a.features, RANK_FEATURES))
      .slice(0, HARD_NEGATIVES);
    const best = right.reduce((a, b) => (dot(start, b.features, RANK_FEATURES) > dot(start, a.features, RANK_FEATURES) ? b : a));
    for (const w of wrong) pairs.push(RANK_FEATURES.map((f) => best.features[f] - w.features[f]));
  }
  const prior = RANK_FEATURES.map((f) => start[f]);
  const weights = pairs.length === 0 ? prior : logistic(pairs.map((d) => ({ x: d, y: 1, w: 1 / pairs.length })), RANK_PRIOR, prior);
  return Object.fromEntries(RANK_FEATURES.map((f, i) => [f, round(weights[i]!)])) as FittedModel['rank'];
}

/** The best candidate under these ranking weights, as the engine would pick it. */
function bestOf(s: Sample, rank: FittedModel['rank']): { best: RankedPassage; ranked: RankedPassage[] } | undefined {
  const rescored = s.candidates
    .map((c) => ({ c, r: { ...c.ranked, score: dot(rank, c.features, RANK_FEATURES) } }))
    .sort((a, b) => b.r.score - a.r.score);
  const best = rescored.find((x) => x.c.eligible);
  return best ? { best: best.r, ranked: rescored.map((x) => x.r) } : undefined;
}

/**
 * Which voice a batch was written in. The project's own batches (questions, fresh*) were all
 * written here, in one voice; each other batch is its own writer's. Voices weigh the same, so
 * fifteen batches in one voice do not outvote the independent writers.
 */
export function voiceOf(batch: string): string {
  return batch === 'questions' || batch.startsWith('fresh') ? 'own' : batch;
}

/** Each voice counts as much as any other, and within it each batch, however many questions it has. */
function batchWeights(samples: readonly Sample[]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const s of samples) sizes.set(s.batch, (sizes.get(s.batch) ?? 0) + 1);
  const batchesPerVoice = new Map<string, number>();
  for (const batch of sizes.keys()) batchesPerVoice.set(voiceOf(batch), (batchesPerVoice.get(voiceOf(batch)) ?? 0) + 1);
  const voices = batchesPerVoice.size;
  return new Map([...sizes].map(([batch, n]) => [batch, 1 / (n * batchesPerVoice.get(voiceOf(batch))! * voices)]));
}

function refusalRows(samples: readonly Sample[], rank: FittedModel['rank']): { x: RefusalFeatures; y: number; w: number; rightLead: boolean }[] {
  const weights = batchWeights(samples);
  const rows: { x: RefusalFeatures; y: number; w: number; rightLead: boolean }[] = [];
  for (const s of samples) {
    const picked = bestOf(s, rank);
    if (!picked) continue;
    const rightLead = s.answerable && s.candidates.find((c) => c.ranked.passage === picked.best.passage)?.right === true;
    rows.push({ x: refusalFeatures(s.analysed, picked.ranked, picked.best), y: s.answerable ? 1 : 0, w: weights.get(s.batch)!, rightLead });
  }
  return rows;
}

function fitRefusal(samples: readonly Sample[], rank: FittedModel['rank']): Pick<FittedModel, 'refusal' | 'threshold'> {
  const rows = refusalRows(samples, rank);
  const positives = rows.filter((r) => r.y === 1).reduce((n, r) => n + r.w, 0) || 1;
  const negatives = rows.filter((r) => r.y === 0).reduce((n, r) => n + r.w, 0) || 1;
  // Classes weighted equally, so a wrong answer and a needless refusal cost alike.
  const refusal = fitBoostedTrees(
    rows.map((r) => ({ x: REFUSAL_FEATURES.map((f) => r.x[f]), y: r.y, w: r.w / (r.y === 1 ? positives : negatives) })),
    REFUSAL_FEATURES,
    REFUSAL_TREES,
    REFUSAL_DIRECTIONS,
  );
  // The threshold with the fewest errors, each class counting as much as the other however many
  // questions it has. The model above learns whether the articles answer a question at all (an
  // answerable question is a positive even when the ranking leads with a wrong passage: its labels
  // list only some of the sentences that answer it, and fitting to "led right" taught it to refuse
  // a third of answerable chat questions). The threshold is where answers go wrong least: an
  // answer is an error when its first citation is not one that answers, and refusing a question
  // the leading passage would have answered wrongly costs nothing ("not in my sources" beats a
  // wrong citation).
  const rightWeight = rows.filter((r) => r.rightLead).reduce((n, r) => n + r.w, 0) || 1;
  const wrongWeight = rows.filter((r) => !r.rightLead).reduce((n, r) => n + r.w, 0) || 1;
  // Each row's probability once, not once per threshold: the trees were most of the fit's time.
  const probabilities = rows.map((r) => answerProbability(r.x, refusal));
  const curve: ErrorPoint[] = [];
  for (let t = 0.02; t < 0.99; t += 0.02) {
    let refusedRight = 0;
    let answeredWrong = 0;
    for (const [i, { w, rightLead }] of rows.entries()) {
      const answers = probabilities[i]! >= t;
      if (rightLead && !answers) refusedRight += w / rightWeight;
      if (!rightLead && answers) answeredWrong += w / wrongWeight;
    }
    curve.push({ t: round(t), errors: refusedRight + answeredWrong, refusedRight, answeredWrong });
  }
  return { refusal, threshold: lowestAlike(curve, rows) };
}

/** Effective number of rows behind a weighted share (Kish): what its standard error is counted over. */
function effectiveCount(weights: readonly number[]): number {
  const sum = weights.reduce((a, b) => a + b, 0);
  return sum ** 2 / (weights.reduce((a, b) => a + b * b, 0) || 1);
}

/**
 * On the error curve averaged over neighbouring thresholds (CURVE_SMOOTHING), the lowest
 * threshold whose errors are within one standard error of the fewest (Breiman's
 * one-standard-error rule: the error of the fewest, as a level). The error curve is flat near its
 * minimum, and its argmin moved between thresholds a few steps apart on a change that moved a
 * handful of questions, once taking chat false abstention from 10% to 14.5%. Thresholds that close
 * are alike as far as the data can tell, and of those the lowest is kept: a needless refusal is the
 * failure people meet most. The standard error of each threshold's difference from the fewest,
 * question by question (as `clearlyBetter` judges reading weights), was tried: it is smaller, so
 * the pick stays nearer the argmin and its jumps, and cross-validated false abstention rose
 * 9.1% → 9.5% (chat-dev's in-sample 9.2% → 11.8%).
 */
function lowestAlike(raw: readonly ErrorPoint[], rows: readonly { w: number; rightLead: boolean }[]): number {
  const curve = smoothed(raw, CURVE_SMOOTHING);
  const fewest = curve.reduce((a, b) => (b.errors < a.errors - 1e-12 ? b : a));
  const nRight = effectiveCount(rows.filter((r) => r.rightLead).map((r) => r.w));
  const nWrong = effectiveCount(rows.filter((r) => !r.rightLead).map((r) => r.w));
  const se = Math.sqrt((fewest.refusedRight * (1 - fewest.refusedRight)) / nRight + (fewest.answeredWrong * (1 - fewest.answeredWrong)) / nWrong);
  // A class with no rows leaves se NaN, and then only the fewest itself is alike.
  return (curve.find((c) => c.errors <= fewest.errors + se) ?? fewest).t;
}

type ErrorPoint = { t: number; errors: number; refusedRight: number; answeredWrong: number };

/**
 * Thresholds this many steps (of 0.02) either side are averaged into each point of the error
 * curve before the fewest and the alike are found. The raw curve is flat and ragged near its
 * floor, so one question more or less moved its argmin, and the threshold jumped 0.48 <-> 0.50:
 * with one labelled question dropped at a time (6 ways) the raw curve's pick jumped in 2 of 7
 * fits and cross-validated false abstention ranged 9.8-10.6%; averaged over ±2 steps, it stayed
 * at 0.48 in all 7 and ranged 9.8-10.2% (hit@1 75.5-76.0% and 75.6-76.0%).
 */
const CURVE_SMOOTHING = 2;

function smoothed(curve: readonly ErrorPoint[], steps: number): ErrorPoint[] {
  const mean = (part: readonly ErrorPoint[], key: 'errors' | 'refusedRight' | 'answeredWrong') => part.reduce((n, c) => n + c[key], 0) / part.length;
  return curve.map((c, i) => {
    const part = curve.slice(Math.max(0, i - steps), i + steps + 1);
    return { t: c.t, errors: mean(part, 'errors'), refusedRight: mean(part, 'refusedRight'), answeredWrong: mean(part, 'answeredWrong') };
  });
}

/** Each question's part of hit@1 with correct refusals (its batch's weight when handled right, else 0). */
function sampleScores(samples: readonly Sample[], model: FittedModel): number[] {
  const weights = batchWeights(samples);
  return samples.map((s) => {
    const w = weights.get(s.batch)!;
    const picked = bestOf(s, model.rank);
    const answers = picked !== undefined && answerProbability(refusalFeatures(s.analysed, picked.ranked, picked.best), model.refusal) >= model.threshold;
    if (!s.answerable) return answers ? 0 : w;
    return answers && s.candidates.find((c) => c.ranked.passage === picked!.best.passage)?.right ? w : 0;
  });
}

/**
 * Whether one model's question scores beat another's by more than one standard error of the
 * difference (the same questions, read under each model's reading weights, in the same order).
 * The training score is nearly flat across the grid, so the best by any margin moved with each
 * small change of reading or data and took the figures with it (README, Answer quality).
 */
function clearlyBetter(tried: readonly number[], current: readonly number[]): boolean {
  let gain = 0;
  let variance = 0;
  for (let i = 0; i < tried.length; i++) {
    const d = tried[i]! - current[i]!;
    gain += d;
    variance += d * d;
  }
  return gain > Math.sqrt(variance);
}

/**
 * Weighted logistic regression by Newton's method, pulled towards a prior (zero unless given)
 * with weight l2: it converges to the one
 * optimum in a few dozen steps whatever the features' scales, so the fit is exact and repeatable.
 */
export function logistic(rows: readonly { x: readonly number[]; y: number; w: number }[], l2: number, prior?: readonly number[]): number[] {
  const n = rows[0]?.x.length ?? 0;
  const centre = prior ?? new Array<number>(n).fill(0);
  const beta = [...centre];
  for (let step = 0; step < NEWTON_STEPS; step++) {
    const gradient = beta.map((b, i) => l2 * (b - centre[i]!));
    const hessian = beta.map((_, i) => beta.map((_, j) => (i === j ? l2 : 0)));
    for (const { x, y, w } of rows) {
      let z = 0;
      for (let i = 0; i < n; i++) z += beta[i]! * x[i]!;
      const p = 1 / (1 + Math.exp(-z));
      const g = w * (p - y);
      const h = w * p * (1 - p);
      for (let i = 0; i < n; i++) {
        gradient[i]! += g * x[i]!;
        if (x[i] === 0) continue;
        for (let j = 0; j < n; j++) hessian[i]![j]! += h * x[i]! * x[j]!;
      }
    }
    const delta = solve(hessian, gradient);
    let moved = 0;
    for (let i = 0; i < n; i++) {
      beta[i]! -= delta[i]!;
      moved = Math.max(moved, Math.abs(delta[i]!));
    }
    if (moved < 1e-9) break;
  }
  return beta;
}

/** Gaussian elimination with partial pivoting: the Newton step, for a handful of features. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]![col]!;
    if (Math.abs(p) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / p;
      if (f === 0) continue;
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  return m.map((row, i) => (Math.abs(row[i]!) < 1e-12 ? 0 : row[n]! / row[i]!));
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Ranking and refusal fitted to samples collected with the given reading weights. */
function fitGiven(samples: readonly Sample[], reading: FittedModel['reading'], start: FittedModel): FittedModel {
  const rank = fitRank(samples, start.rank);
  return { reading, rank, ...fitRefusal(samples, rank) };
}

export interface FitOptions {
  /**
   * Search the reading weights over the grid (each choice re-reads every question) instead of
   * keeping the start's. Off by default: on these batches the grid's pick moved with each small
   * change of reading or data, and moved the cross-validated figures by more than the changes it
   * was to judge (README, Answer quality). Run it when a change is to the reading itself.
   */
  searchReading?: boolean;
  /** Samples per reading-weight choice, shared by cross-validation's folds so each question is read once per choice. */
  pool?: { batches: readonly Batch[]; collected: Map<string, Sample[]> };
}

/**
 * The whole model: reading weights (kept, or searched one at a time over a small grid), ranking
 * and refusal fitted for them.
 */
export function fitModel(batches: readonly Batch[], index: KnowledgeIndex, start: FittedModel, options: FitOptions = {}): FittedModel {
  const names = new Set(batches.map((b) => b.name));
  const pool = options.pool ?? { batches, collected: new Map<string, Sample[]>() };
  const collected = pool.collected;
  const samplesFor = (reading: FittedModel['reading']) => {
    const key = JSON.stringify(reading);
    let all = collected.get(key);
    if (!all) {
      const previous = currentModel();
      useModel({ ...start, reading });
      all = collect(pool.batches, index);
      useModel(previous);
      collected.set(key, all);
    }
    return all.filter((s) => names.has(s.batch));
  };
  let reading = { ...start.reading };
  let best = fitGiven(samplesFor(reading), reading, start);
  let bestScores = sampleScores(samplesFor(reading), best);
  for (const key of (options.searchReading ? Object.keys(READING_GRID) : []) as (keyof typeof READING_GRID)[]) {
    for (const value of READING_GRID[key]) {
      if (value === reading[key]) continue;
      const tried = { ...reading, [key]: value };
      const model = fitGiven(samplesFor(tried), tried, start);
      const scores = sampleScores(samplesFor(tried), model);
      if (clearlyBetter(scores, bestScores)) {
        best = model;
        bestScores = scores;
      }
    }
    reading = { ...best.reading };
  }
  return best;
}

/** Each batch scored by the real engine under a model fitted on all the other batches. */
export function crossValidate(
  batches: readonly Batch[],
  index: KnowledgeIndex,
  start: FittedModel,
  holdOut: (batch: Batch) => boolean = () => true,
  searchReading = false,
): { batch: string; report: EvalReport }[] {
  // Every question is read once per reading choice, over all batches; each fold takes its own.
  const pool = { batches, collected: new Map<string, Sample[]>() };
  const out: { batch: string; report: EvalReport }[] = [];
  const previous = currentModel();
  for (const held of batches.filter(holdOut)) {
    const model = fitModel(batches.filter((b) => b !== held), index, start, { pool, searchReading });
    useModel(model);
    out.push({ batch: held.name, report: runEval(held.questions, (q) => answerQuestion(index, q), index) });
    useModel(previous);
  }
  return out;
}
