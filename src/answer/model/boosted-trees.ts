/**
 * Gradient-boosted decision trees for the answer-or-refuse decision: a sum of small trees, each
 * splitting the refusal features at a fitted threshold, read as log-odds of an answer.
 *
 * Why trees and not one weight per feature: the evidence combines. An unknown word costs little
 * when the best passage covers the rest of the question and leads by a margin, and a lot when
 * the question has two known words; a weighted sum charges it the same either way. Held out by
 * batch, the trees put two points more of the chat questions right than a logistic model over the
 * same features did (README, Answer quality).
 *
 * Fitting is exact and deterministic: every split of every feature is tried in a fixed order,
 * ties keep the first, and there is no sampling, so `npm run fit` reproduces the committed model.
 */

/** A split on one feature (`below` goes left when the feature is at most `at`), or a leaf's log-odds. */
export type TreeNode<F extends string> = { feature: F; at: number; below: TreeNode<F>; above: TreeNode<F> } | { value: number };

export interface BoostedTrees<F extends string> {
  trees: TreeNode<F>[];
}

/** Log-odds that the question should be answered: the sum of each tree's leaf. */
export function treesLogOdds<F extends string>(model: BoostedTrees<F>, features: Readonly<Record<F, number>>): number {
  let sum = 0;
  for (const tree of model.trees) {
    let node = tree;
    while (!('value' in node)) node = features[node.feature] <= node.at ? node.below : node.above;
    sum += node.value;
  }
  return sum;
}

export interface TreeOptions {
  trees: number;
  depth: number;
  /** Shrinks each tree's leaves: many small steps generalise better than a few large ones. */
  rate: number;
  /**
   * No leaf is fitted to a handful of questions: a leaf's hessian (each question's weight times
   * p(1 − p)) must be at least this share of a quarter of the training weight. At the start, with
   * every p at ½, that is this share of the weight; later, where the trees are already sure, it
   * asks for more questions (XGBoost's min_child_weight, as a share).
   */
  minLeafHessianShare: number;
}

/**
 * Which way a feature may move the answer: 1, more of it never lowers the odds; -1, never raises
 * them. A split that would go against it is not taken, and its two sides' leaves are bounded
 * so that no split below goes against it either (the bounds XGBoost uses for monotone constraints).
 */
export type Directions<F extends string> = Partial<Record<F, 1 | -1>>;

export interface TreeRow {
  x: readonly number[];
  y: number;
  w: number;
}

/**
 * Keeps a leaf's value finite when its questions all fall one way. The training weight sums to
 * one, so this is not negligible: a leaf holding 3% of it (hessian about 0.0075) is shrunk by
 * about an eighth, which is a little extra caution on the smallest leaves.
 */
const LEAF_L2 = 1e-3;
/**
 * Two feature values closer than this are the same value computed two ways (float noise); no
 * split goes between them, so the committed thresholds never depend on the last bits of a sum.
 */
const SAME_VALUE = 1e-9;

/** Boosts trees on weighted rows (logistic loss, second-order steps) over the named features. */
export function fitBoostedTrees<F extends string>(rows: readonly TreeRow[], names: readonly F[], options: TreeOptions, directions: Directions<F> = {}): BoostedTrees<F> {
  const n = rows.length;
  const total = rows.reduce((sum, r) => sum + r.w, 0) || 1;
  const w = rows.map((r) => r.w / total);
  // A leaf's hessian weight at the start (p = ½, h = ¼) is a quarter of its share of the weight.
  const minHessian = options.minLeafHessianShare * 0.25;
  // Each feature's rows in order of its value, sorted once: a node's splits are one pass over them.
  const sorted = names.map((_, j) => [...rows.keys()].sort((a, b) => rows[a]!.x[j]! - rows[b]!.x[j]! || a - b));
  const margin = new Float64Array(n);
  const trees: TreeNode<F>[] = [];
  for (let t = 0; t < options.trees; t++) {
    const g = new Float64Array(n);
    const h = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-margin[i]!));
      g[i] = w[i]! * (p - rows[i]!.y);
      h[i] = w[i]! * p * (1 - p);
    }
    const inNode = new Uint8Array(n).fill(1);
    const tree = grow(inNode, options.depth, -Infinity, Infinity);
    trees.push(tree);
    for (let i = 0; i < n; i++) margin[i]! += leafOf(tree, rows[i]!.x);

    function grow(members: Uint8Array, depth: number, lo: number, hi: number): TreeNode<F> {
      let G = 0;
      let H = 0;
      for (let i = 0; i < n; i++) {
        if (!members[i]) continue;
        G += g[i]!;
        H += h[i]!;
      }
      const weight = (gs: number, hs: number) => Math.min(hi, Math.max(lo, -gs / (hs + LEAF_L2)));
      // How much a leaf of this weight lowers the loss (twice the second-order decrease), taken at
      // the weight the leaf will really get: a child clamped to its bound gains only what the
      // bound allows, so a split whose children both sit at one bound gains nothing.
      const score = (gs: number, hs: number) => {
        const v = weight(gs, hs);
        return -(2 * gs * v + (hs + LEAF_L2) * v * v);
      };
      const leaf: TreeNode<F> = { value: round(weight(G, H) * options.rate) };
      if (depth === 0) return leaf;
      let best: { gain: number; j: number; at: number; left: number; right: number } | undefined;
      const parent = score(G, H);
      for (let j = 0; j < names.length; j++) {
        const direction = directions[names[j]!];
        let GL = 0;
        let HL = 0;
        let previous: number | undefined;
        for (const i of sorted[j]!) {
          if (!members[i]) continue;
          const value = rows[i]!.x[j]!;
          if (previous !== undefined && value - previous > SAME_VALUE && HL >= minHessian && H - HL >= minHessian) {
            const left = weight(GL, HL);
            const right = weight(G - GL, H - HL);
            const against = direction !== undefined && (right - left) * direction < 0;
            const gain = score(GL, HL) + score(G - GL, H - HL) - parent;
            if (!against && gain > 1e-12 && (!best || gain > best.gain)) best = { gain, j, at: between(previous, value), left, right };
          }
          GL += g[i]!;
          HL += h[i]!;
          previous = value;
        }
      }
      if (!best) return leaf;
      const below = new Uint8Array(n);
      const above = new Uint8Array(n);
      for (let i = 0; i < n; i++) if (members[i]) (rows[i]!.x[best.j]! <= best.at ? below : above)[i] = 1;
      // Under a direction, everything below the split stays on its side of the two leaves' midpoint.
      const direction = directions[names[best.j]!];
      const mid = (best.left + best.right) / 2;
      const [belowLo, belowHi, aboveLo, aboveHi] = direction === 1 ? [lo, mid, mid, hi] : direction === -1 ? [mid, hi, lo, mid] : [lo, hi, lo, hi];
      return { feature: names[best.j]!, at: best.at, below: grow(below, depth - 1, belowLo, belowHi), above: grow(above, depth - 1, aboveLo, aboveHi) };
    }

    function leafOf(node: TreeNode<F>, x: readonly number[]): number {
      while (!('value' in node)) node = x[names.indexOf(node.feature)]! <= node.at ? node.below : node.above;
      return node.value;
    }
  }
  return { trees };
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** A threshold in the gap between two values, short to read when that keeps it inside the gap. */
function between(below: number, above: number): number {
  const mid = (below + above) / 2;
  const short = round(mid);
  return below <= short && short < above ? short : mid;
}
