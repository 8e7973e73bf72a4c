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

let bands: Map<string, EnglishBand> | undefined;

/** Built on first need: most questions use only words the corpus has, and a one-shot `ask` should not pay for it. */
function allBands(): Map<string, EnglishBand> {
  if (!bands) {
    bands = new Map();
    for (const w of KNOWN_WORDS.split(' ')) bands.set(w, 2);
    for (const w of COMMON_WORDS.split(' ')) bands.set(w, 1);
  }
  return bands;
}

export function englishBand(word: string): EnglishBand {
  return allBands().get(word.toLowerCase()) ?? 0;
}
