import { describe, expect, it } from 'vitest';
import { COMMON_WORDS, KNOWN_WORDS } from '../../src/text/english-words.js';
import { englishBand, inSortedList } from '../../src/text/english.js';

describe('English word bands', () => {
  it('find every listed word, and nothing else, by binary search over the list as written', () => {
    for (const list of [COMMON_WORDS, KNOWN_WORDS]) {
      const words = list.split(' ');
      const set = new Set(words);
      const missed = words.filter((w) => !inSortedList(list, w));
      const wrong = words.flatMap((w) => [`${w}x`, w.slice(0, -1), `a${w}`, '']).filter((v) => inSortedList(list, v) !== set.has(v));
      expect(missed).toEqual([]);
      expect(wrong).toEqual([]);
    }
  });

  it('rank everyday words 1, and names and typos 0', () => {
    expect(englishBand('Meeting')).toBe(1);
    expect(englishBand('paramaters')).toBe(0);
    expect(englishBand('qzarvel')).toBe(0);
  });
});
