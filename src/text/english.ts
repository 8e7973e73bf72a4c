import { COMMON_WORDS, KNOWN_WORDS } from './english-words.js';

/**
 * How common a word is in general English: 1 everyday ("total", "meeting"), 2 known to an
 * educated reader ("ballpark", "procurement"), 0 not a general English word — a name, a brand,
 * an acronym or a typo ("louvre", "wwdc", "fp8", "paramaters").
 *
 * A question often uses words the articles do not. An everyday word the articles happen not to
 * use shades the question; a name or term they never mention changes what it asks.
 */
export type EnglishBand = 0 | 1 | 2;

/**
 * Whether a sorted, space-separated word list holds a word: a binary search over the list as
 * written. Building a map of its 64,000 words took ~50 ms, paid by the first question with an
 * unknown word (every refusal of a one-shot `ask`); a search costs a few microseconds and nothing up front.
 */
export function inSortedList(list: string, word: string): boolean {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    let mid = (lo + hi) >>> 1;
    if (list.charCodeAt(mid) === 32) mid--;
    const start = list.lastIndexOf(' ', mid) + 1;
    const space = list.indexOf(' ', start);
    const end = space === -1 ? list.length : space;
    const here = list.slice(start, end);
    if (here === word) return true;
    if (here < word) lo = end + 1;
    else hi = start - 1;
  }
  return false;
}

export function englishBand(word: string): EnglishBand {
  const lower = word.toLowerCase();
  if (inSortedList(COMMON_WORDS, lower)) return 1;
  return inSortedList(KNOWN_WORDS, lower) ? 2 : 0;
}
