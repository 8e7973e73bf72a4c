import { describe, expect, it } from 'vitest';
import { count } from '../../adapters/shared/plural.js';

describe('count', () => {
  it.each([
    [0, 'conflict', undefined, '0 conflicts'],
    [1, 'conflict', undefined, '1 conflict'],
    [2, 'conflict', undefined, '2 conflicts'],
    [1, 'citation is', 'citations are', '1 citation is'],
    [3, 'citation is', 'citations are', '3 citations are'],
    [15926, 'passage', undefined, '15,926 passages'],
  ])('%d %s', (n, one, many, expected) => {
    expect(count(n, one, many)).toBe(expected);
  });
});
