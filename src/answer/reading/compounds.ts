import type { KnowledgeIndex } from '../../index/index-model.js';
import { analyze } from '../../text/analyze.js';
import { corpusWritesAdjacent, FRAMING_WORDS } from './terms.js';

/**
 * Framing words the question uses as the head of a name the corpus itself writes: "context
 * window", "release timing". Alone, "window" frames a question ("what's the release window?" asks
 * a time) and is dropped from its terms; as the head of a compound the articles use, it is the
 * thing asked about, and taking it as a cue (a time) refused "what is the context window?"
 * when an article stated it. The compound is judged by the corpus, not by a list: the word
 * before it must be a content word the articles write immediately before it, in some passage.
 */
export function corpusCompounds(text: string, index: KnowledgeIndex): Set<string> {
  const found = new Set<string>();
  const analysed = analyze(text);
  for (const [i, t] of analysed.entries()) {
    const before = analysed[i - 1];
    if (t.kind !== 'word' || !FRAMING_WORDS.has(t.surface) || before === undefined || before.kind !== 'word') continue;
    if (before.position !== t.position - 1 || FRAMING_WORDS.has(before.surface) || before.surface.length < 3) continue;
    if (!index.documentFrequency.has(before.term) || !index.documentFrequency.has(t.term)) continue;
    if (corpusWritesAdjacent(before.term, t.term, index)) found.add(t.surface);
  }
  return found;
}

/** The question with those words blanked, for reading its answer type: "context window" is not a time. */
export function withoutCompoundHeads(folded: string, compounds: ReadonlySet<string>): string {
  if (compounds.size === 0) return folded;
  return folded.replace(/[\p{L}\p{N}-]+/gu, (word) => (compounds.has(word) ? '_' : word));
}
