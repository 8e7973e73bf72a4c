import type { Term } from '../text/analyze.js';
import { isMonthTerm } from './answer-features.js';

/**
 * Names (people, companies, products, places) learned from the corpus itself: words written
 * with a capital inside ordinary sentences more often than not. Title-case lines and
 * sentence-initial words say nothing, so they are skipped; an all-lower-case article then
 * benefits from what the others taught ("blackwell" is a name there too).
 */
export function learnEntities(passages: readonly { kind: string; terms: readonly Term[] }[]): Set<string> {
  return entitiesFrom(gatherEntityEvidence(passages));
}

/** What the lexicon is learned from, kept so that an incremental add (add-articles.ts) can count its passages in. */
export interface EntityEvidence {
  /** Inside ordinary sentences: how often each term is written with a capital, and how often at all. */
  capitalized: Map<string, number>;
  seen: Map<string, number>;
  /** Terms written as a plural in capitals ("GPUs"): vocabulary, not names. */
  acronymPlurals: Set<string>;
}

const ACRONYM_PLURAL = /^\p{Lu}{2,}s$/u;

export function gatherEntityEvidence(
  passages: readonly { kind: string; terms: readonly Term[] }[],
  into: EntityEvidence = { capitalized: new Map(), seen: new Map(), acronymPlurals: new Set() },
): EntityEvidence {
  const { capitalized, seen, acronymPlurals } = into;
  // One pass a passage and no arrays made: at 10,000 articles this reads ~5 million terms.
  const isWord = (t: Term) => t.kind === 'word' || t.kind === 'compound' || t.kind === 'version';
  for (const passage of passages) {
    const terms = passage.terms;
    let words = 0;
    let capitals = 0;
    let capitalInside = false;
    for (const t of terms) {
      const d = t.display;
      if (d.length > 2 && d.charCodeAt(d.length - 1) === 115 /* s */ && ACRONYM_PLURAL.test(d)) acronymPlurals.add(t.term);
      if (!isWord(t)) continue;
      words++;
      if (t.capitalized) {
        capitals++;
        if (t.position > 0) capitalInside = true;
      }
    }
    if (passage.kind !== 'sentence' || capitals / Math.max(1, words) > 0.7 || !capitalInside) continue;
    for (const t of terms) {
      if (t.position === 0 || !isWord(t)) continue;
      seen.set(t.term, (seen.get(t.term) ?? 0) + 1);
      if (t.capitalized) capitalized.set(t.term, (capitalized.get(t.term) ?? 0) + 1);
    }
  }
  return into;
}

export function entitiesFrom({ capitalized, seen, acronymPlurals }: EntityEvidence): Set<string> {
  const lexicon = new Set<string>();
  for (const [term, count] of capitalized) {
    // Two-letter acronyms (AI, RL, PR) and plural common nouns in capitals (GPUs) are vocabulary, not names.
    if (count / (seen.get(term) ?? count) > 0.5 && !isMonthTerm(term) && (term.length > 2 || /\d/.test(term)) && !acronymPlurals.has(term)) lexicon.add(term);
  }
  return lexicon;
}
