import { describe, expect, it } from 'vitest';
import { fitBoostedTrees, treesLogOdds, type BoostedTrees, type TreeRow } from '../../src/answer/model/boosted-trees.js';
import { logistic } from '../../src/answer/model/fit.js';
import { REFUSAL_DIRECTIONS } from '../../src/answer/model/features.js';
import { currentModel } from '../../src/answer/model/model.js';
import { fittedModelSchema } from '../../src/answer/model/model-file.js';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const OPTIONS = { trees: 100, depth: 2, rate: 0.1, minLeafHessianShare: 0.03 };

/**
 * Evidence that only counts together: answerable when both features are high or both low (two
 * quadrants of four). No weighted sum of the two separates that; two splits deep do.
 */
function quadrantRows(): TreeRow[] {
  const rows: TreeRow[] = [];
  for (let i = 0; i < 200; i++) {
    const a = (i % 20) / 20;
    const b = Math.floor(i / 20) / 10;
    rows.push({ x: [a, b], y: a >= 0.5 === b >= 0.3 ? 1 : 0, w: 1 });
  }
  return rows;
}

type Node = BoostedTrees<string>['trees'][number];
const leaves = (node: Node): number[] => ('value' in node ? [node.value] : [...leaves(node.below), ...leaves(node.above)]);

/**
 * Splits that break a direction: under a split on a feature held to +1, some leaf below it is
 * higher than some leaf above it (or the reverse for -1). A tree without any cannot move the
 * log-odds against the direction, whatever the other features are.
 */
function directionBreaks(node: Node, directions: Readonly<Record<string, 1 | -1 | undefined>>): string[] {
  if ('value' in node) return [];
  const d = directions[node.feature];
  const own = d !== undefined && Math.max(...leaves(node.below).map((v) => v * d)) > Math.min(...leaves(node.above).map((v) => v * d)) + 1e-12 ? [`${node.feature} at ${node.at}`] : [];
  return [...own, ...directionBreaks(node.below, directions), ...directionBreaks(node.above, directions)];
}

/**
 * Rows where the held feature decides most, so it splits first, and a free feature decides the
 * rest on each side: left unbounded, the few answerable questions with a missing figure would get
 * a leaf above the few refused ones without.
 */
function nestedRows(): TreeRow[] {
  const rows: TreeRow[] = [];
  for (let i = 0; i < 400; i++) {
    const missing = i % 2;
    const a = (Math.floor(i / 2) % 10) / 10;
    rows.push({ x: [a, (i % 7) / 7, missing], y: missing === 0 ? (a >= 0.2 ? 1 : 0) : a >= 0.8 ? 1 : 0, w: 1 });
  }
  return rows;
}

/** Splits whose two leaves are the same: they change nothing. */
const idle = (node: Node): number => ('value' in node ? 0 : ('value' in node.below && 'value' in node.above && node.below.value === node.above.value ? 1 : 0) + idle(node.below) + idle(node.above));

describe('boosted refusal trees', () => {
  it('learn evidence that counts only in combination, which a weighted sum cannot', () => {
    const rows = quadrantRows();
    const model = fitBoostedTrees(rows, ['a', 'b'], OPTIONS);
    const p = (a: number, b: number) => sigmoid(treesLogOdds(model, { a, b }));
    expect(p(0.8, 0.8)).toBeGreaterThan(0.8);
    expect(p(0.2, 0.1)).toBeGreaterThan(0.8);
    expect(p(0.8, 0.1)).toBeLessThan(0.2);
    expect(p(0.2, 0.8)).toBeLessThan(0.2);

    const beta = logistic(rows.map((r) => ({ x: [1, ...r.x], y: r.y, w: 1 / rows.length })), 0.001);
    const linear = (a: number, b: number) => sigmoid(beta[0]! + beta[1]! * a + beta[2]! * b);
    // The best weighted sum gets at least one quadrant wrong.
    const quadrants = [[0.8, 0.8, true], [0.2, 0.1, true], [0.8, 0.1, false], [0.2, 0.8, false]] as const;
    expect(quadrants.filter(([a, b, answer]) => linear(a, b) >= 0.5 === answer).length).toBeLessThan(4);
  });

  it('are the same on every fit and whatever order the questions come in: no sampling, ties resolved by value', () => {
    const rows = quadrantRows();
    const shuffled = rows.map((r, i) => ({ r, key: (i * 7919) % rows.length })).sort((x, y) => x.key - y.key).map(({ r }) => r);
    const model = fitBoostedTrees(rows, ['a', 'b'], OPTIONS);
    expect(fitBoostedTrees(rows, ['a', 'b'], OPTIONS)).toEqual(model);
    expect(fitBoostedTrees(shuffled, ['a', 'b'], OPTIONS)).toEqual(model);
  });

  it('put every threshold in the gap between two values (at or above the lower, below the upper), and never between values that differ by float noise', () => {
    // `near` is 1e-7 apart, a real gap narrower than the thresholds' rounding; `noise` is 0.1 + 0.2
    // against 0.3, one value computed two ways, and it happens to tell the upper half apart.
    const rows: TreeRow[] = [];
    for (let i = 0; i < 200; i++) rows.push({ x: [i < 100 ? 0.3000004 : 0.3000005, i % 2 === 0 ? 0.1 + 0.2 : 0.3], y: i < 100 ? 0 : i % 2, w: 1 });
    const model = fitBoostedTrees(rows, ['near', 'noise'], OPTIONS);
    const splits = (node: Node): { feature: string; at: number }[] => ('value' in node ? [] : [{ feature: node.feature, at: node.at }, ...splits(node.below), ...splits(node.above)]);
    const all = model.trees.flatMap(splits);
    expect(all.filter((s) => s.feature === 'noise')).toEqual([]);
    expect(all.length).toBeGreaterThan(0);
    for (const s of all) expect(0.3000004 <= s.at && s.at < 0.3000005).toBe(true);
    expect(treesLogOdds(model, { near: 0.3000005, noise: 0.3 })).toBeGreaterThan(treesLogOdds(model, { near: 0.3000004, noise: 0.3 }) + 1);
  });

  it('never fit a leaf to a handful of questions', () => {
    // One answerable question among a hundred refusals, with a feature value nobody else has.
    const rows: TreeRow[] = Array.from({ length: 100 }, (_, i) => ({ x: [i / 200], y: 0, w: 1 }));
    rows.push({ x: [1], y: 1, w: 1 });
    const model = fitBoostedTrees(rows, ['a'], OPTIONS);
    expect(sigmoid(treesLogOdds(model, { a: 1 }))).toBeLessThan(0.2);
  });

  it('keep to a direction: evidence that may only count against answering never counts for it', () => {
    // In training, a missing figure happens to come with answerable questions more often than not.
    const rows: TreeRow[] = [];
    for (let i = 0; i < 200; i++) {
      const coverage = (i % 10) / 10;
      const missing = i % 3 === 0 ? 1 : 0;
      rows.push({ x: [coverage, missing], y: coverage >= 0.5 || (missing === 1 && i % 2 === 0) ? 1 : 0, w: 1 });
    }
    const free = fitBoostedTrees(rows, ['coverage', 'missing'], OPTIONS);
    const held = fitBoostedTrees(rows, ['coverage', 'missing'], OPTIONS, { missing: -1 });
    const lift = (m: BoostedTrees<'coverage' | 'missing'>, coverage: number) =>
      treesLogOdds(m, { coverage, missing: 1 }) - treesLogOdds(m, { coverage, missing: 0 });
    // Left free, the trees learn the accident; held to the direction, at no coverage does it help.
    expect(Math.max(...[0, 0.2, 0.4, 0.6, 0.8].map((c) => lift(free, c)))).toBeGreaterThan(0.1);
    for (const c of [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) expect(lift(held, c)).toBeLessThanOrEqual(1e-9);
    // What the direction leaves alone is still learned.
    expect(treesLogOdds(held, { coverage: 0.9, missing: 0 })).toBeGreaterThan(treesLogOdds(held, { coverage: 0.1, missing: 0 }) + 1);
  });

  it('keep to a direction below the split too, where free features split under the held one', () => {
    const model = fitBoostedTrees(nestedRows(), ['a', 'b', 'missing'], { ...OPTIONS, depth: 3 }, { missing: -1 });
    expect(model.trees.flatMap((t) => directionBreaks(t, { missing: -1 }))).toEqual([]);
    for (const a of [0, 0.25, 0.5, 0.75]) for (const b of [0, 0.4, 0.8]) expect(treesLogOdds(model, { a, b, missing: 1 })).toBeLessThanOrEqual(treesLogOdds(model, { a, b, missing: 0 }) + 1e-9);
  });

  it('never take a split that changes nothing, even where bounds clamp both its children', () => {
    // Random rows with two held features: bounds clamp leaves often, and a split whose children sit
    // at one bound gains nothing however much it would gain unbounded.
    let idleSplits = 0;
    for (let seed = 1; seed <= 30; seed++) {
      let state = seed;
      const next = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
      const rows: TreeRow[] = Array.from({ length: 200 }, () => {
        const [a, b, missing] = [next(), next(), next() < 0.4 ? 1 : 0];
        return { x: [a, b, missing], y: next() < 0.3 + 0.4 * a - 0.2 * missing + 0.2 * b ? 1 : 0, w: 1 };
      });
      const model = fitBoostedTrees(rows, ['a', 'b', 'missing'], { ...OPTIONS, trees: 30, depth: 3 }, { missing: -1, a: 1 });
      idleSplits += model.trees.reduce((n, t) => n + idle(t), 0);
    }
    expect(idleSplits).toBe(0);
  });

  it('the committed model is well formed and keeps every direction in every tree', () => {
    const model = fittedModelSchema.parse(currentModel());
    expect(model.refusal.trees.length).toBeGreaterThan(0);
    expect(model.refusal.trees.flatMap((t) => directionBreaks(t, REFUSAL_DIRECTIONS))).toEqual([]);
    // A split whose two leaves are the same changes nothing: a sign that its gain was counted at
    // weights the leaves could not take (both children clamped to one bound).
    expect(model.refusal.trees.reduce((n, t) => n + idle(t), 0)).toBe(0);
  });

  it('add up each tree: a split sends a value at its threshold below it', () => {
    const model: BoostedTrees<'a'> = {
      trees: [
        { feature: 'a', at: 0.5, below: { value: -1 }, above: { value: 2 } },
        { value: 0.25 },
      ],
    };
    expect(treesLogOdds(model, { a: 0.5 })).toBe(-0.75);
    expect(treesLogOdds(model, { a: 0.6 })).toBe(2.25);
  });
});
