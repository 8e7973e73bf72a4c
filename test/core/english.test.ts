import { describe, expect, it } from 'vitest';
import { englishWords } from '../../src/text/english-words.js';
import { englishBand, inSortedList, nearestEnglish } from '../../src/text/english.js';

describe('English word bands', () => {
  it('find every listed word, and nothing else, by binary search over the list as written', () => {
    const { common, known } = englishWords();
    expect(common.split(' ').length).toBeGreaterThan(30_000);
    expect(known.split(' ').length).toBeGreaterThan(20_000);
    for (const list of [common, known]) {
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

  it('find the English word one edit from a misspelt one, keeping its first letter', () => {
    expect(nearestEnglish('anounce')).toEqual({ word: 'announce', band: 1 });
    expect(nearestEnglish('evrything')).toEqual({ word: 'everything', band: 1 });
    expect(nearestEnglish('trainign')).toEqual({ word: 'training', band: 1 });
    // Every word of every letter's list is found from a misspelling of it (a letter dropped).
    const sample = englishWords().common.split(' ').filter((w, i) => i % 997 === 0 && /^[a-z]{6,}$/.test(w));
    for (const w of sample) expect(nearestEnglish(`${w[0]}${w.slice(2)}`)?.band, w).toBeDefined();
    // Nothing for a word with no English word one edit away, a short word, or one not in lower-case letters.
    expect(nearestEnglish('qzarvelt')).toBeUndefined();
    expect(nearestEnglish('smth')).toBeUndefined();
    expect(nearestEnglish('Anounce')).toBeUndefined();
    // Only a letter left out or two swapped: a changed or added letter turns names into words.
    for (const name of ['claude', 'gemma', 'devin', 'codex', 'bezos']) expect(nearestEnglish(name), name).toBeUndefined();
    // The word the caller prefers (the articles' own) wins over a commoner or earlier one.
    expect(nearestEnglish('relase', (w) => w === 'release')?.word).toBe('release');
    expect(nearestEnglish('x'.repeat(400))).toBeUndefined();
  });
});
