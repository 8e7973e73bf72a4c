// Experiment: does a boosted-tree ranker over the ranking features (plus the linear score and
// the question's answer type) put the right passage first more often than the linear ranker,
// cross-validated by batch? Measured on eligible candidates only, questions with a right one.
// The linear ranker is refitted per fold here the way fit.ts fitRank does it (pairwise, ten hard
// negatives, pulled towards START_MODEL), on this script's own candidate arrays.
// Switches: HELD=1 adds the held batches; NOLIN=1 hides the linear score from the trees;
// EXTRA=1 adds a passage-length feature to both; T, D, H set the trees; V=1 prints each batch.
import { analyseQuestion } from '../../src/answer/question.js';
import { rankPassages } from '../../src/answer/rank.js';
import { canLead } from '../../src/answer/answer.js';
import { dot, RANK_FEATURES } from '../../src/answer/model/features.js';
import { logistic } from '../../src/answer/model/fit.js';
import { fitBoostedTrees, treesLogOdds } from '../../src/answer/model/boosted-trees.js';
import { quoteMatches } from '../../src/eval/run-eval.js';
import { loadBatches, loadHeldBatches, loadSeedIndex, START_MODEL } from './fit-data.js';

const index = await loadSeedIndex();
const TYPES = ['quantity', 'time', 'entity', 'place', 'reason', 'sequence', 'any'] as const;
type Cand = { f: number[]; right: boolean };
type S = { batch: string; cands: Cand[] };
function collect(batches: ReturnType<typeof loadBatches>): S[] {
  const out: S[] = [];
  for (const b of batches) for (const q of b.questions) {
    if (q.kind !== 'answerable') continue;
    const a = analyseQuestion(q.q, index);
    const ranked = rankPassages(a, index).filter((r) => r.features && canLead(r, a));
    const qf = [...TYPES.map((t) => (a.answerType === t ? 1 : 0)), a.strictType ? 1 : 0, a.terms.filter((t) => t.known).length];
    const extra = (r: (typeof ranked)[number]) => (process.env.EXTRA ? [Math.min(1, Math.log2(1 + r.passage.terms.length) / 6)] : []);
    const cands = ranked.map((r) => ({ f: [...RANK_FEATURES.map((n) => r.features![n]), ...extra(r), ...qf], right: quoteMatches(r.passage.locations[0]!.text, q.expect) }));
    if (cands.some((c) => c.right)) out.push({ batch: b.name, cands });
  }
  return out;
}
const R = RANK_FEATURES.length + (process.env.EXTRA ? 1 : 0);
const startW = [...RANK_FEATURES.map((f) => START_MODEL.rank[f]), ...(process.env.EXTRA ? [0] : [])];
const lin = (w: number[], f: number[]) => w.reduce((s, x, i) => s + x * f[i]!, 0);
function fitLinear(train: S[]): number[] {
  const pairs: { x: number[]; y: number; w: number }[] = [];
  for (const s of train) {
    const right = s.cands.filter((c) => c.right);
    const best = right.reduce((a, b) => (lin(startW, b.f) > lin(startW, a.f) ? b : a));
    const wrong = s.cands.filter((c) => !c.right).sort((a, b) => lin(startW, b.f) - lin(startW, a.f)).slice(0, 10);
    for (const w of wrong) pairs.push({ x: best.f.slice(0, R).map((v, i) => v - w.f[i]!), y: 1, w: 1 });
  }
  return logistic(pairs.map((p) => ({ ...p, w: 1 / pairs.length })), 0.02, startW);
}
const NAMES = [...RANK_FEATURES, ...(process.env.EXTRA ? ['extra'] : []), ...TYPES.map((t) => `t_${t}`), 'strict', 'nknown', 'lin', 'gap'];
/** Where the linear score's gap to the question's best sits in a row: the linear ranker's pick. */
const GAP = NAMES.indexOf('gap');
function withLin(s: S, w: number[]): number[][] {
  const scores = s.cands.map((c) => lin(w, c.f));
  const max = Math.max(...scores);
  return s.cands.map((c, i) => [...c.f, process.env.NOLIN ? 0 : scores[i]!, process.env.NOLIN ? 0 : scores[i]! - max]);
}
const opts = { trees: Number(process.env.T ?? 60), depth: Number(process.env.D ?? 3), rate: 0.1, minLeafHessianShare: Number(process.env.H ?? 0.02) };
function fitTrees(train: S[], w: number[]) {
  const rows: { x: number[]; y: number; w: number }[] = [];
  for (const s of train) {
    const xs = withLin(s, w);
    // top 12 by linear score: the candidates that compete for the lead
    const order = xs.map((x, i) => i).sort((a, b) => xs[b]![GAP]! - xs[a]![GAP]!).slice(0, 12);
    const pos = order.filter((i) => s.cands[i]!.right).length, neg = order.length - pos;
    for (const i of order) rows.push({ x: xs[i]!, y: s.cands[i]!.right ? 1 : 0, w: s.cands[i]!.right ? 0.5 / pos : neg ? 0.5 / neg : 0 });
  }
  const total = rows.reduce((n, r) => n + r.w, 0);
  return fitBoostedTrees(rows.map((r) => ({ ...r, w: r.w / total })), NAMES, opts);
}
const all = collect(process.env.HELD ? [...loadBatches(), ...loadHeldBatches()] : loadBatches());
const heldNames = new Set(loadHeldBatches().map((b) => b.name));
const names = [...new Set(all.map((s) => s.batch))];
let nL = 0, nT = 0, n = 0, nLc = 0, nTc = 0, nc = 0;
for (const held of names) {
  const train = all.filter((s) => s.batch !== held && !heldNames.has(s.batch));
  const test = all.filter((s) => s.batch === held);
  const w = fitLinear(train);
  const trees = fitTrees(train, w);
  let l = 0, t = 0;
  for (const s of test) {
    const xs = withLin(s, w);
    const li = xs.reduce((bi, x, i) => (x[GAP]! > xs[bi]![GAP]! ? i : bi), 0);
    const ts = xs.map((x) => treesLogOdds(trees, Object.fromEntries(NAMES.map((nm, i) => [nm, x[i]!])) as never));
    const ti = ts.reduce((bi, v, i) => (v > ts[bi]! ? i : bi), 0);
    if (s.cands[li]!.right) l++;
    if (s.cands[ti]!.right) t++;
  }
  n += test.length; nL += l; nT += t;
  if (held.startsWith('chat')) { nc += test.length; nLc += l; nTc += t; }
  if (process.env.V) console.log(held.padEnd(20), test.length, 'linear', l, 'trees', t);
}
console.log(`all: ${n} linear ${(100 * nL / n).toFixed(1)} trees ${(100 * nT / n).toFixed(1)} | chat: ${nc} linear ${(100 * nLc / nc).toFixed(1)} trees ${(100 * nTc / nc).toFixed(1)}`);
