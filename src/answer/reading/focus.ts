import { isStopWord, normalizeWord } from '../../text/analyze.js';
import type { KnowledgeIndex } from '../../index/index-model.js';
import { SYNONYM_GROUPS } from '../../text/synonyms.js';
import { FRAMING_WORDS, type QueryTerm } from './terms.js';

export const ALTERNATIVE_WORDS = /\b([^\s?!.,;:]+) or ([^\s?!.,;:]+)\b/g;
export const ASKED_NOUN = /^(?:what|which) ([\p{L}-]+)\b/u;

export const RELATION = /^(?:what|who|which)(?:'s| is| was| are| were) (?:the |an? )?([\p{L}-]+) of\b/u;

/**
 * The noun in "what is the X of Y" when it is content: not a word of framing ("name",
 * "date"), not a measure the answer type covers ("size", "number"), and used by the articles
 * (an unknown one already counts against coverage).
 */
export function relationAsked(folded: string, terms: readonly QueryTerm[], index: KnowledgeIndex): string | undefined {
  const noun = RELATION.exec(folded)?.[1];
  if (!noun || FRAMING_WORDS.has(noun) || QUANTITY_NOUNS.test(noun)) return undefined;
  const term = terms.find((t) => t.surface === noun);
  return term?.known && !index.subjectTerms.has(term.term) ? term.term : undefined;
}

export const QUANTITY_NOUNS = /^(size|scale|number|amount|count|percentage|figure|price|cost|valuation|total|value)$/;

/** "…besides Cursor", "other than Nvidia": what the asker already knows and wants more than. */
export const EXCLUSION = /\b(besides|other than|apart from|aside from|except for|except|excluding|not counting|beyond)\s+([^,?!.;]{2,40}?)\s*(?=[,?!.;]|$)/i;

/** The words of the price synonym group, compared as written: normalizing "cost" would stem a whole bucket of words cold. */
export const PRICE_WORDS: ReadonlySet<string> = new Set(SYNONYM_GROUPS.find((g) => g[0] === 'cost') ?? []);

export const MEASURED_NOUN = /\bhow (?:many|much)\s+([\p{L}-]+)/u;
export const NOT_A_NOUN = /^(does|did|do|is|was|are|were|has|have|had|will|would|can|could|should|of|more|less|bigger|smaller|cheaper|faster|larger)$/;
/** "How many times / x / -fold bigger": a multiplier is how the answer is put, not a thing counted or asked for. */
const MULTIPLIER = /^(times|x|fold)$/;

/** The thing a quantity question measures: the noun after "how many"/"how much", or a word of price. */
export function findMeasures(folded: string, terms: readonly QueryTerm[], index: KnowledgeIndex): string[] {
  const measures = new Set<string>();
  const noun = MEASURED_NOUN.exec(folded)?.[1];
  // Through the question's own terms, so a misspelt "paramters" measures the corrected word. A
  // measured word the corpus never uses ("how many megawatts …") stays, and no figure can meet it.
  // A word of framing is no term of the question ("people", "companies") but is still what is
  // counted, and an article may count it: "employs roughly 1,400 people".
  if (noun && !NOT_A_NOUN.test(noun) && !MULTIPLIER.test(noun)) {
    const term = terms.find((t) => t.surface === noun);
    const framing = term === undefined && FRAMING_WORDS.has(noun) && !isStopWord(noun) ? normalizeWord(noun) : undefined;
    measures.add(term?.known ? term.term : framing && index.documentFrequency.has(framing) ? framing : `\u0000${noun}`);
  }
  for (const t of terms) if (PRICE_WORDS.has(t.surface)) measures.add(t.term);
  return [...measures];
}

export const DEFINITION = /^(?:what(?: is|'s| are| does)|define|meaning of)\s+(?:an? |the )?([\p{L}\p{N} '"-]{2,32}?)(?:\s+(?:mean|stand for|stands for|refer to|refers to))?\s*\??$/u;

/**
 * The word a question asks for: the last word of the phrase after the question
 * word ("what is the total parameter COUNT of…", "what's the WEATHER in…"), or the noun after
 * "how many/much". If the articles never use it, they do not answer the question.
 */
const HEAD_OF_WHAT = /\b(?:what|whats|which)(?:'s| is| are| was| were)?\s+(?:(?:the|a|an|its|their)\s+)?((?:[\p{L}-]+\s+){0,3}?[\p{L}-]+)(?=\s+(?:of|for|in|at|on|to|from|with|by|does|did|do|is|are|was|were|will|would|has|have|had|can|could|should|they|it|he|she)\b|\s*[?.!,]|\s*$)/u;

/** "Who founded X", "what powers X": the verb after the question word is the relation asked. */
const VERB_AFTER_WHO = /\b(?:who|what)\s+(?!(?:is|are|was|were|does|did|do|has|have|had|will|would|can|could|should|'s|s|the|a|an|kind|type|sort|about|if)\b)([\p{L}-]{3,})\b/u;

/** "How do I change a car TIRE?", "how can we get API ACCESS": what the asker wants done is done to the thing asked about. */
const HEAD_OF_HOW_TO = /\bhow (?:do|does|did|can|could|should|would|to)\s+(?:(?:i|you|we|one|they|someone|it|he|she)\s+)?(?!(?:i|you|we|one|they|someone|it|he|she)\s)[\p{L}-]+\s+(?:(?:the|a|an|my|your|our|their|its|this|that)\s+)?((?:[\p{L}-]+\s+){0,2}?[\p{L}-]+)(?=\s+(?:of|for|in|at|on|to|from|with|by|into)\b|\s*[?.!,]|\s*$)/u;

// "quoted", "participated"; not "speed" or "need".
const PARTICIPLE = /^\p{L}{2,}[^e]ed$/u;
const AUXILIARY = /^(has|have|had|been|being|be|got|gets)$/;

export function headNoun(folded: string): string | undefined {
  const verb = VERB_AFTER_WHO.exec(folded)?.[1];
  if (verb) return verb;
  const phrase = HEAD_OF_WHAT.exec(folded)?.[1];
  if (phrase) {
    // "the exact fraction quoted", "investors which have participated": a participle after the
    // noun describes it; the noun is what is asked for, and an auxiliary alone asks for nothing.
    const words = phrase.split(/\s+/);
    while (words.length > 1 && PARTICIPLE.test(words.at(-1)!)) words.pop();
    return AUXILIARY.test(words.at(-1)!) ? undefined : words.at(-1);
  }
  const measured = MEASURED_NOUN.exec(folded)?.[1];
  return measured !== undefined && !MULTIPLIER.test(measured) ? measured : howToHead(folded);
}

/** A pronoun or particle ("access IT", "sign UP", "turn it OFF") is no thing asked about: no head then. */
function howToHead(folded: string): string | undefined {
  const last = HEAD_OF_HOW_TO.exec(folded)?.[1]?.split(/\s+/).at(-1);
  return last === undefined || isStopWord(last) ? undefined : last;
}
