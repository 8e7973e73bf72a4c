import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jaccardCeiling, wordBits } from '../../src/passages/collapse-duplicates.js';

/**
 * The collapse skips a candidate whose ceiling is below the near-duplicate threshold without
 * reading its words, so the ceiling must never be below the true Jaccard, whatever the hashes
 * (colliding bits included); and it must be low for sets that share nothing, or it skips nothing.
 */
const sketch = (set: number[], hashes: number[]) => Int32Array.from([...wordBits(Int32Array.from(set), hashes), set.length]);
const distinctIds = fc.uniqueArray(fc.integer({ min: 0, max: 59 }), { minLength: 1, maxLength: 30 }).map((ids) => ids.sort((a, b) => a - b));

describe('jaccardCeiling', () => {
  it('is never below the Jaccard of the two word sets', () => {
    fc.assert(
      fc.property(distinctIds, distinctIds, fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { minLength: 60, maxLength: 60 }), (a, b, hashes) => {
        const shared = a.filter((id) => b.includes(id)).length;
        const jaccard = shared / (a.length + b.length - shared);
        expect(jaccardCeiling(sketch(a, hashes), 0, sketch(b, hashes), 0)).toBeGreaterThanOrEqual(jaccard);
      }),
      { numRuns: 2000 },
    );
  });

  it('is zero for sets whose words all hash to different bits', () => {
    const hashes = Array.from({ length: 64 }, (_, i) => i);
    expect(jaccardCeiling(sketch([0, 1, 2, 3, 4, 5], hashes), 0, sketch([10, 11, 12, 13, 14, 15], hashes), 0)).toBe(0);
    expect(jaccardCeiling(sketch([0, 1, 2, 3, 4, 5], hashes), 0, sketch([0, 1, 2, 3, 4, 6], hashes), 0)).toBeCloseTo(5 / 7);
  });
});
