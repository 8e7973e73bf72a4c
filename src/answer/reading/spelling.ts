import type { KnowledgeIndex } from '../../index/index-model.js';
import { analyze } from '../../text/analyze.js';
import { editDistance } from '../../text/edit-distance.js';
import { englishBand } from '../../text/english.js';
import { KNOWN_WORDS, MAPPED_WORDS } from '../../text/known-words.js';

/**
 * Typos of the analyzer's function words, fixed before the question is read so its phrases
 * still match: "comming out" is "coming out". Words the corpus uses are left alone, and
 * content words are corrected later, against the corpus.
 */
export function correctTypos(text: string, index: KnowledgeIndex): string {
  return text.replace(/\p{L}{3,}/gu, (word) => {
    const lower = word.toLowerCase();
    if (index.surfaceWords.has(lower) || KNOWN_WORDS.has(lower) || MAPPED_WORDS.has(lower)) return word;
    if (lower.length >= 6) return englishBand(lower) > 0 ? word : closestWord(lower, byInitial(KNOWN_WORDS, KNOWN_WORDS)) ?? word;
    // Short words are corrected only into the few words questions are built on ("waht", "dose",
    // "wil"); three letters only by a missing letter, so "war" does not become "was".
    return closestWord(lower, byInitial(FRAME_WORDS, FRAME_WORDS), undefined, lower.length === 3) ?? word;
  });
}

/**
 * "x a i", "s f t", "X. A. I.": a name spelled out letter by letter, as dictation writes an
 * acronym, is the name when the articles know the letters as one word (or as what it
 * abbreviates). The longest run of letters from the first that does is joined ("is x a i a
 * startup": "xai", then "a"); letters that join into no word of theirs ("a b test") are left as they are.
 */
export function joinSpelledLetters(text: string, index: KnowledgeIndex): string {
  const known = (word: string) => {
    const terms = analyze(word);
    return terms.length > 0 && terms.every((t) => index.documentFrequency.has(t.term));
  };
  return text.replace(/(?<![\p{L}\p{N}])\p{L}\.?(?: \p{L}\.?| ?\p{L}\.){1,5}(?![\p{L}\p{N}])/gu, (run) => {
    const letters = run.replace(/[ .]/g, '').split('');
    const out: string[] = [];
    for (let i = 0; i < letters.length; ) {
      let width = letters.length - i;
      // Down to one letter, which is left as it is.
      while (width >= 2 && !known(letters.slice(i, i + width).join(''))) width--;
      out.push(letters.slice(i, i + width).join(''));
      i += width;
    }
    return out.length === letters.length ? run : out.join(' ');
  });
}

/** The words questions are built on: short typos of them ("waht", "dose", "wil", "teh") are common and unambiguous. */
export const FRAME_WORDS: ReadonlySet<string> = new Set(
  'what when where which whose does will would have were there their about many much that this with from the how who why are was did can'.split(' '),
);

export const initialsCache = new WeakMap<object, Map<string, string[]>>();

/**
 * A vocabulary grouped by first letter, made once per vocabulary (`owner`): corrections keep
 * the first letter, so only that group is compared, not every word the corpus uses.
 */
export function byInitial(vocabulary: Iterable<string>, owner: object): Map<string, string[]> {
  let groups = initialsCache.get(owner);
  if (!groups) {
    groups = new Map();
    for (const word of vocabulary) {
      const group = groups.get(word[0]!);
      if (group) group.push(word);
      else groups.set(word[0]!, [word]);
    }
    initialsCache.set(owner, groups);
  }
  return groups;
}

/** The vocabulary word fewest edits from `word` (1 edit, or 2 from 8 letters on), same first letter; ties go to the higher `preference`. */
export function closestWord(
  word: string,
  vocabulary: ReadonlyMap<string, readonly string[]>,
  preference: (candidate: string) => number = () => 0,
  onlyMissingLetter = false,
): string | undefined {
  const max = word.length >= 8 ? 2 : 1;
  let best: { word: string; distance: number; preference: number } | undefined;
  for (const candidate of vocabulary.get(word[0]!) ?? []) {
    if (Math.abs(candidate.length - word.length) > max) continue;
    if (onlyMissingLetter && candidate.length !== word.length + 1) continue;
    const distance = editDistance(word, candidate, max);
    if (distance > max) continue;
    const score = preference(candidate);
    if (!best || distance < best.distance || (distance === best.distance && score > best.preference)) best = { word: candidate, distance, preference: score };
  }
  return best?.word;
}
