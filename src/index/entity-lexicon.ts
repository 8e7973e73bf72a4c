import type { Term } from '../text/analyze.js';
import { isMonthTerm } from './answer-features.js';

/**
 * Names (people, companies, products, places) learned from the corpus itself: words written
 * with a capital inside ordinary sentences more often than not. Title-case lines and
 * sentence-initial words say nothing, so they are skipped; an all-lower-case article then
 * benefits from what the others taught ("blackwell" is a name there too).
 */
export function learnEntities(passages: readonly { kind: string; terms: readonly Term[] }[]): Set<string> {
  const capitalized = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const passage of passages) {
    if (passage.kind !== 'sentence') continue;
    const words = passage.terms.filter((t) => t.kind === 'word' || t.kind === 'compound' || t.kind === 'version');
    const capitalShare = words.filter((t) => t.capitalized).length / Math.max(1, words.length);
    if (capitalShare > 0.7 || !words.some((t) => t.capitalized && t.position > 0)) continue;
    for (const t of words) {
      if (t.position === 0) continue;
      seen.set(t.term, (seen.get(t.term) ?? 0) + 1);
      if (t.capitalized) capitalized.set(t.term, (capitalized.get(t.term) ?? 0) + 1);
    }
  }
  const lexicon = new Set<string>();
  const acronymPlurals = new Set(
    passages.flatMap((p) => p.terms.filter((t) => /^\p{Lu}{2,}s$/u.test(t.display)).map((t) => t.term)),
  );
  for (const [term, count] of capitalized) {
    // Two-letter acronyms (AI, RL, PR) and plural common nouns in capitals (GPUs) are vocabulary, not names.
    if (count / (seen.get(term) ?? count) > 0.5 && !isMonthTerm(term) && (term.length > 2 || /\d/.test(term)) && !acronymPlurals.has(term)) lexicon.add(term);
  }
  return lexicon;
}
