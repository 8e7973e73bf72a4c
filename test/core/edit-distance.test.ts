import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/text/edit-distance.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
    expect(editDistance('paramter', 'parameter', 2)).toBe(1);
    expect(editDistance('waht', 'what', 2)).toBe(1);
    expect(editDistance('smal', 'small', 2)).toBe(1);
    expect(editDistance('dose', 'does', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('same', 'same', 1)).toBe(0);
  });

  it('gives up past the limit, whatever the lengths, and is unaffected by earlier longer words', () => {
    expect(editDistance('a'.repeat(100), 'b'.repeat(100), 2)).toBe(3);
    expect(editDistance('grok', 'blackwell', 1)).toBe(2);
    expect(editDistance('abc', 'abd', 1)).toBe(1);
  });
});
