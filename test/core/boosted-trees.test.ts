import { describe, expect, it } from 'vitest';
import { fitBoostedTrees, treesLogOdds, type BoostedTrees, type TreeRow } from '../../src/answer/model/boosted-trees.js';
import { logistic } from '../../src/answer/model/fit.js';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const OPTIONS = { trees: 100, depth: 2, rate: 0.1, minLeafShare: 0.03 };

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

  it('are the same on every fit: no sampling, ties resolved by a fixed order', () => {
    const rows = quadrantRows();
    expect(fitBoostedTrees(rows, ['a', 'b'], OPTIONS)).toEqual(fitBoostedTrees(rows, ['a', 'b'], OPTIONS));
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
