import { answerQuestion, onlyEchoes } from '../answer.js';
import { analyseQuestion } from '../question.js';
import { rankPassages, type RankedPassage } from '../rank.js';
import type { KnowledgeIndex } from '../../index/index-model.js';
import { quoteMatches, runEval } from '../../eval/run-eval.js';
import type { EvalQuestion, EvalReport } from '../../eval/schema.js';
import { refusalFeatures } from './decision.js';
import { dot, RANK_FEATURES, REFUSAL_FEATURES, type RankFeatures, type RefusalFeatures } from './features.js';
import { currentModel, useModel, type FittedModel } from './model.js';

/**
 * Fitting the model to labelled questions, deterministically: gradient descent from fixed
 * starting weights, a fixed number of steps, no randomness. Batches are the unit of
 * cross-validation: each is scored by a model fitted without it.
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
  /** Refused before ranking: it names something the articles never mention. */
  hardRefused: boolean;
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

const RANK_STEPS = 300;
const RANK_RATE = 0.5;
/** Pulls ranking weights towards their starting values: a few hundred questions should not swing them far. */
const RANK_PRIOR = 0.02;
const REFUSAL_STEPS = 2000;
const REFUSAL_RATE = 2;
const REFUSAL_L2 = 0.001;
const HARD_NEGATIVES = 10;

function collect(batches: readonly Batch[], index: KnowledgeIndex): Sample[] {
  const samples: Sample[] = [];
  for (const batch of batches) {
    for (const item of batch.questions) {
      const analysed = analyseQuestion(item.q, index);
      const hardRefused = false;
      const ranked = hardRefused ? [] : rankPassages(analysed, index);
      const requireType = analysed.strictType && analysed.answerType !== 'any';
      const expect = item.kind === 'answerable' ? item.expect : item.kind === 'conflict' ? item.sides.flat() : [];
      const candidates = ranked
        .filter((r) => r.features !== undefined)
        .map((r) => ({
          features: r.features!,
          right: expect.length > 0 && quoteMatches(r.passage.locations[0]!.text, expect),
          eligible: r.namesEverything && (!requireType || r.typeFit) && !onlyEchoes(r, analysed),
          ranked: r,
        }));
      samples.push({ batch: batch.name, answerable: item.kind !== 'unanswerable', hardRefused, candidates, analysed });
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
  const weights = [...prior];
  for (let step = 0; step < RANK_STEPS && pairs.length > 0; step++) {
    const gradient = weights.map((w, i) => RANK_PRIOR * (w - prior[i]!));
    for (const d of pairs) {
      let z = 0;
      for (let i = 0; i < d.length; i++) z += weights[i]! * d[i]!;
      const g = -1 / (1 + Math.exp(z)) / pairs.length;
      for (let i = 0; i < d.length; i++) gradient[i]! += g * d[i]!;
    }
    for (let i = 0; i < weights.length; i++) weights[i]! -= RANK_RATE * gradient[i]!;
  }
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

/** Each batch counts as much as any other, however many questions it has: voices differ by batch. */
function batchWeights(samples: readonly Sample[]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const s of samples) sizes.set(s.batch, (sizes.get(s.batch) ?? 0) + 1);
  return new Map([...sizes].map(([batch, n]) => [batch, 1 / (n * sizes.size)]));
}

function refusalRows(samples: readonly Sample[], rank: FittedModel['rank']): { x: RefusalFeatures; y: number; w: number }[] {
  const weights = batchWeights(samples);
  const rows: { x: RefusalFeatures; y: number; w: number }[] = [];
  for (const s of samples) {
    if (s.hardRefused) continue;
    const picked = bestOf(s, rank);
    if (picked) rows.push({ x: refusalFeatures(s.analysed, picked.ranked, picked.best), y: s.answerable ? 1 : 0, w: weights.get(s.batch)! });
  }
  return rows;
}

function fitRefusal(samples: readonly Sample[], rank: FittedModel['rank']): Pick<FittedModel, 'refusal' | 'threshold'> {
  const rows = refusalRows(samples, rank);
  const positives = rows.filter((r) => r.y === 1).reduce((n, r) => n + r.w, 0) || 1;
  const negatives = rows.filter((r) => r.y === 0).reduce((n, r) => n + r.w, 0) || 1;
  const weights = REFUSAL_FEATURES.map(() => 0);
  for (let step = 0; step < REFUSAL_STEPS; step++) {
    const gradient = weights.map((w) => REFUSAL_L2 * w);
    for (const { x, y, w } of rows) {
      let z = 0;
      REFUSAL_FEATURES.forEach((f, i) => (z += weights[i]! * x[f]));
      // Classes weighted equally, so a wrong answer and a needless refusal cost alike.
      const g = (w * (1 / (1 + Math.exp(-z)) - y)) / (y === 1 ? positives : negatives);
      REFUSAL_FEATURES.forEach((f, i) => (gradient[i]! += g * x[f]));
    }
    for (let i = 0; i < weights.length; i++) weights[i]! -= REFUSAL_RATE * gradient[i]!;
  }
  const refusal = Object.fromEntries(REFUSAL_FEATURES.map((f, i) => [f, round(weights[i]!)])) as FittedModel['refusal'];
  // The threshold with the fewest errors, each class weighted by its size.
  let threshold = 0.5;
  let fewest = Infinity;
  for (let t = 0.05; t < 0.96; t += 0.05) {
    let errors = 0;
    for (const { x, y, w } of rows) {
      const p = 1 / (1 + Math.exp(-dot(refusal, x, REFUSAL_FEATURES)));
      if ((p >= t ? 1 : 0) !== y) errors += w / (y === 1 ? positives : negatives);
    }
    if (errors < fewest - 1e-12) {
      fewest = errors;
      threshold = round(t);
    }
  }
  return { refusal, threshold };
}

/** hit@1 with correct refusals, each batch weighing the same: what the reading weights are chosen by. */
function trainingScore(samples: readonly Sample[], model: FittedModel): number {
  const weights = batchWeights(samples);
  let good = 0;
  for (const s of samples) {
    const w = weights.get(s.batch)!;
    const picked = s.hardRefused ? undefined : bestOf(s, model.rank);
    const answers = picked !== undefined && 1 / (1 + Math.exp(-dot(model.refusal, refusalFeatures(s.analysed, picked.ranked, picked.best), REFUSAL_FEATURES))) >= model.threshold;
    if (!s.answerable) good += answers ? 0 : w;
    else if (answers && s.candidates.find((c) => c.ranked.passage === picked!.best.passage)?.right) good += w;
  }
  return good;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Ranking and refusal fitted to samples collected with the given reading weights. */
function fitGiven(samples: readonly Sample[], reading: FittedModel['reading'], start: FittedModel): FittedModel {
  const rank = fitRank(samples, start.rank);
  return { reading, rank, ...fitRefusal(samples, rank) };
}

/**
 * The whole model: reading weights searched one at a time over a small grid (each choice
 * re-reads every question), ranking and refusal fitted for each. `collected` caches the
 * samples per reading-weight choice, so cross-validation reads each question once per choice.
 */
export function fitModel(
  batches: readonly Batch[],
  index: KnowledgeIndex,
  start: FittedModel,
  pool: { batches: readonly Batch[]; collected: Map<string, Sample[]> } = { batches, collected: new Map() },
): FittedModel {
  const names = new Set(batches.map((b) => b.name));
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
  let bestScore = trainingScore(samplesFor(reading), best);
  for (const key of Object.keys(READING_GRID) as (keyof typeof READING_GRID)[]) {
    for (const value of READING_GRID[key]) {
      if (value === reading[key]) continue;
      const tried = { ...reading, [key]: value };
      const model = fitGiven(samplesFor(tried), tried, start);
      const score = trainingScore(samplesFor(tried), model);
      if (score > bestScore + 1e-9) {
        best = model;
        bestScore = score;
      }
    }
    reading = { ...best.reading };
  }
  return best;
}

/** Each batch scored by the real engine under a model fitted on all the other batches. */
export function crossValidate(batches: readonly Batch[], index: KnowledgeIndex, start: FittedModel): { batch: string; report: EvalReport }[] {
  // Every question is read once per reading choice, over all batches; each fold takes its own.
  const pool = { batches, collected: new Map<string, Sample[]>() };
  const out: { batch: string; report: EvalReport }[] = [];
  const previous = currentModel();
  for (const held of batches) {
    const model = fitModel(batches.filter((b) => b !== held), index, start, pool);
    useModel(model);
    out.push({ batch: held.name, report: runEval(held.questions, (q) => answerQuestion(index, q), index) });
    useModel(previous);
  }
  return out;
}
