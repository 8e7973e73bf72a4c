import type { AnswerType } from '../../index/answer-features.js';
import type { KnowledgeIndex } from '../../index/index-model.js';
import { analyze } from '../../text/analyze.js';
import { tokensOfType } from '../ranking/passage-features.js';
import { detectAnswerType } from './answer-type.js';
import { corpusWritesAdjacent, FRAMING_WORDS, passagesWritingAdjacent } from './terms.js';

/**
 * Framing words the question uses as the head of a name the corpus itself writes: "context
 * window", "release timing". Alone, "window" frames a question ("what's the release window?" asks
 * a time) and is dropped from its terms; as the head of a compound the articles use, it is the
 * thing asked about, and taking it as a cue (a time) refused "what is the context window?"
 * when an article stated it. The compound is judged by the corpus, not by a list: the word
 * before it must be a content word the articles write immediately before it, in some passage.
 *
 * A head that is itself a cue for an answer type ("date" and "window" ask a time) stays a cue
 * when the pair is all the question asks about and the passages writing it mostly give that
 * type: an article's "launch date" is followed by a date, its "context window" by a number of
 * tokens. Beside other content ("is the release timing tied to the IPO?") the pair is a thing
 * the question relates to something else, whatever its passages say.
 *
 * Each compound is the pair as the question writes it ("context window"), so only that
 * occurrence of the head is content: in "what time is the release time" the first "time" asks.
 */
export function corpusCompounds(text: string, index: KnowledgeIndex): Set<string> {
  const found = new Set<string>();
  const words = analyze(text).filter((t) => t.kind === 'word' && index.documentFrequency.has(t.term) && !index.subjectTerms.has(t.term));
  // Punctuation ends a compound: "the window, release dates" pairs nothing.
  for (const clause of text.split(/[,;:.!?()]+/)) {
    const analysed = analyze(clause);
    for (const [i, t] of analysed.entries()) {
      const before = analysed[i - 1];
      if (t.kind !== 'word' || !FRAMING_WORDS.has(t.surface) || before === undefined || before.kind !== 'word') continue;
      if (before.position !== t.position - 1 || FRAMING_WORDS.has(before.surface) || before.surface.length < 3) continue;
      if (!index.documentFrequency.has(before.term) || !index.documentFrequency.has(t.term)) continue;
      const alone = !words.some((w) => w.term !== before.term && w.term !== t.term && !FRAMING_WORDS.has(w.surface));
      if (namesAThing(before.term, t.term, alone ? detectAnswerType(t.surface).answerType : 'any', index)) found.add(`${before.surface} ${t.surface}`);
    }
  }
  return found;
}

/** Whether the corpus writes the pair, and, where the head is to be read as a cue, mostly without an answer of that type. */
function namesAThing(first: string, head: string, cued: AnswerType, index: KnowledgeIndex): boolean {
  if (cued === 'any') return corpusWritesAdjacent(first, head, index);
  let writing = 0;
  let typed = 0;
  for (const passage of passagesWritingAdjacent(first, head, index)) {
    writing++;
    if (tokensOfType(cued, passage, index).size > 0) typed++;
  }
  return writing > 0 && typed * 2 < writing;
}

/** The question with the compounds' heads blanked, for reading its answer type: "context window" is not a time. */
export function withoutCompoundHeads(folded: string, compounds: ReadonlySet<string>): string {
  let out = folded;
  for (const pair of compounds) {
    const [before, head] = pair.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])(${before})([\\s-]+)${head}(?![\\p{L}\\p{N}])`, 'gu'), '$1$2_');
  }
  return out;
}
