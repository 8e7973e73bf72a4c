import type { KnowledgeIndex } from '../../index/index-model.js';
import { analyze } from '../../text/analyze.js';
import type { QueryTerm } from './terms.js';

/**
 * "Is it GA or just the start of testing?", "not enough parameters, or bad training data?": a
 * question that offers two options asks what the sources say of each. Each option is the words
 * between the nearest break (a comma, a colon, the verb that opens the question) and "or", or
 * between "or" and the next break; only the words the articles use, beyond the story's subject,
 * as the question's own reading took them (so "X" stays the platform, a typo stays corrected).
 * "Or is that marketing?", "or did Elon post it himself?" start a second question, not an option.
 */
const OPTIONS = /(?:^|[,:;]\s*|\b(?:is|was|are|were|does|did|do|will|would|can)\s+(?:it|that|this|they|he|she|v\d+\S*)?\s*)([^,:;?!.]+?)\s*,?\s+or\s+(?!(?:not|nah|what|something|smth|so|anything|else|is|was|are|were|did|does|do|has|have|had|will|would|can|could|should|it|that|this|they|he|she|i|we|you|someone|somebody)\b)([^,:;?!.]+)/u;

export function offeredOptions(folded: string, terms: readonly QueryTerm[], index: KnowledgeIndex): string[][] {
  const m = OPTIONS.exec(folded);
  if (!m) return [];
  const asked = terms.filter((t) => !t.fromContext && !t.fromPrevious);
  // An option mostly in words the articles never use ("an xai blog post") is one they cannot
  // speak to: the word or two left of it would stand for something else.
  const side = (text: string) => {
    const surfaces = new Set(analyze(text).map((t) => t.surface));
    const content = asked.filter((t) => surfaces.has(t.surface) && t.weight > 0 && !index.subjectTerms.has(t.term));
    const known = content.filter((t) => t.known);
    return known.length * 2 >= content.length ? known.map((t) => t.term) : [];
  };
  const [left, right] = [side(m[1]!), side(m[2]!)];
  // Words both options share ("cost" in "the old cost or the new cost") say nothing of either.
  // An option the articles have no words for ("GA or the start of testing") stays empty.
  const a = left.filter((t) => !right.includes(t));
  const b = right.filter((t) => !left.includes(t));
  return a.length > 0 || b.length > 0 ? [a, b] : [];
}
