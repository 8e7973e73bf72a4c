import { STOP_WORDS } from './stop-words.js';
import { PHRASE_ALIASES, SYNONYM_GROUPS } from './synonyms.js';

/**
 * The analyzer's own function vocabulary: stop words and the words of its phrase aliases
 * ("coming out", "go live"). Typos of these are repaired before a question is read; content
 * words are left to the corpus-based spelling correction, which knows what the articles say.
 */
export const KNOWN_WORDS: ReadonlySet<string> = new Set(
  [...STOP_WORDS, ...PHRASE_ALIASES.flatMap((a) => a.from)].filter((w) => /^\p{L}+$/u.test(w)),
);

/** Real words the analyzer maps (synonym groups): never "corrected" into something else. */
export const MAPPED_WORDS: ReadonlySet<string> = new Set(SYNONYM_GROUPS.flat());
