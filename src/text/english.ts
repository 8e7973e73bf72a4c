import { englishWords } from './english-words.js';

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
  const { common, known } = englishWords();
  if (inSortedList(common, lower)) return 1;
  return inSortedList(known, lower) ? 2 : 0;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * The general English word a word in no dictionary misspells ("anounce", "evrything",
 * "trainign"), and how common it is; undefined when there is none. Only the slips typists make
 * most are undone: a letter left out, or two letters swapped, the first letter kept. A changed or
 * added letter turns names into other words too often ("claude" is not "clause", "gemma" not
 * "gamma", "codex" not "code"). Of several, one `preferred` says (the articles' own word), then
 * the commoner, then the first in alphabetical order, so the reading never depends on the order
 * tried. Candidates are looked up in sets of the words with the same first letter, made when first
 * needed; results are cached, bounded.
 */
export function nearestEnglish(word: string, preferred: (candidate: string) => boolean = () => false): { word: string; band: 1 | 2 } | undefined {
  if (!/^[a-z]{5,20}$/.test(word)) return undefined;
  let candidates = candidateCache.get(word);
  if (!candidates) {
    candidates = englishCandidates(word);
    if (candidateCache.size >= CANDIDATE_CACHE_LIMIT) candidateCache.clear();
    candidateCache.set(word, candidates);
  }
  let best: { word: string; band: 1 | 2; preferred: boolean } | undefined;
  for (const c of candidates) {
    const p = preferred(c.word);
    const better = !best || (p && !best.preferred) || (p === best.preferred && (c.band < best.band || (c.band === best.band && c.word < best.word)));
    if (better) best = { ...c, preferred: p };
  }
  return best && { word: best.word, band: best.band };
}

function englishCandidates(word: string): { word: string; band: 1 | 2 }[] {
  const lists = englishWords();
  const common = wordsStarting(lists.common, word[0]!);
  const known = wordsStarting(lists.known, word[0]!);
  const found = new Map<string, 1 | 2>();
  const consider = (candidate: string) => {
    const band = common.has(candidate) ? 1 : known.has(candidate) ? 2 : 0;
    if (band !== 0) found.set(candidate, band);
  };
  for (let i = 1; i <= word.length; i++) {
    if (i + 1 < word.length) consider(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    for (const c of LETTERS) consider(word.slice(0, i) + c + word.slice(i));
  }
  return [...found].map(([w, band]) => ({ word: w, band }));
}

/** Chat repeats its misspellings; bounded, so a long-running bot's questions cannot grow it forever. */
const candidateCache = new Map<string, { word: string; band: 1 | 2 }[]>();
const CANDIDATE_CACHE_LIMIT = 10_000;

/**
 * A list's words with one first letter, as a set, made when first needed: the few hundred
 * candidate spellings of a word share its first letter, and a set answers each in nanoseconds
 * where a binary search over the whole list takes a microsecond.
 */
const byLetter = new Map<string, Map<string, Set<string>>>();

function wordsStarting(list: string, letter: string): Set<string> {
  let sets = byLetter.get(list);
  if (!sets) byLetter.set(list, (sets = new Map()));
  let set = sets.get(letter);
  if (!set) {
    const start = list.startsWith(letter) ? 0 : list.indexOf(` ${letter}`) + 1;
    const next = LETTERS[LETTERS.indexOf(letter) + 1];
    const stop = next === undefined ? -1 : list.indexOf(` ${next}`, start);
    set = new Set(start === 0 && !list.startsWith(letter) ? [] : list.slice(start, stop === -1 ? list.length : stop).split(' '));
    sets.set(letter, set);
  }
  return set;
}
