import { isConcreteTime, type AnswerType } from '../../index/answer-features.js';
import type { IndexedPassage, KnowledgeIndex } from '../../index/index-model.js';
import type { Term } from '../../text/analyze.js';
import type { AnalysedQuestion } from '../question.js';

/** The evidence about one candidate passage that the ranking weighs, beside coverage and type fit. */

const PLURAL_ENDING = /^(s|es)$/;

/** The answer tokens a passage offers for an answer type: its figures, concrete times, places or names. */
export function tokensOfType(answerType: AnswerType, passage: IndexedPassage, index: KnowledgeIndex): ReadonlySet<string> {
  const { features } = passage;
  switch (answerType) {
    case 'quantity':
      return features.quantities;
    case 'time':
      return keep(features.times, isConcreteTime);
    case 'place':
      return features.places;
    case 'entity':
      return keep(features.entities, (e) => !index.subjectTerms.has(e));
    default:
      return NOTHING;
  }
}

const NOTHING: ReadonlySet<string> = new Set();

/** The values that pass, allocating only when some do not. */
export function keep(values: ReadonlySet<string>, test: (value: string) => boolean): ReadonlySet<string> {
  let all = true;
  for (const v of values) if (!test(v)) all = false;
  if (all) return values;
  const kept = new Set<string>();
  for (const v of values) if (test(v)) kept.add(v);
  return kept;
}

/**
 * How close the offered answer stands to the words the question asked about: "Nvidia supplying
 * the core chips" answers "who supplies the chips" better than a name eight words away.
 */
export function answerCloseness(passage: IndexedPassage, wanted: ReadonlySet<string>, hits: readonly Term[], asked: ReadonlySet<string>): number {
  if (wanted.size === 0 || hits.length === 0) return 0;
  let best = Infinity;
  for (const a of passage.terms) {
    if (!wanted.has(a.term) || asked.has(a.term)) continue;
    for (const m of hits) best = Math.min(best, Math.abs(a.position - m.position));
  }
  return best <= 3 ? 1 : best <= 8 ? 0.6 : best <= 16 ? 0.3 : 0;
}

/** How much of the passage is the question's words and the answer offered: a short direct statement beats a long aside. */
export function directness(passage: IndexedPassage, matched: ReadonlySet<string>, answers: ReadonlySet<string>, index: KnowledgeIndex): number {
  if (passage.terms.length === 0) return 0;
  let useful = 0;
  for (const t of passage.terms) if (matched.has(t.term) || answers.has(t.term) || index.subjectTerms.has(t.term)) useful++;
  return useful / passage.terms.length;
}

/** Matched words close together are more likely one statement about them than a coincidence. */
export function proximity(hits: readonly Term[], matched: ReadonlySet<string>): number {
  if (matched.size <= 1) return matched.size;
  let best = Infinity;
  const found = new Set<string>();
  for (let i = 0; i < hits.length; i++) {
    found.clear();
    for (let j = i; j < hits.length; j++) {
      found.add(hits[j]!.term);
      if (found.size === matched.size) {
        best = Math.min(best, hits[j]!.position - hits[i]!.position + 1);
        break;
      }
    }
  }
  return Number.isFinite(best) ? matched.size / best : 0;
}

/** Answers name things: a passage offering names, figures or dates the question lacks is more likely the answer. */
export function specificity(passage: IndexedPassage, asked: ReadonlySet<string>): number {
  const { entities, quantities, times } = passage.features;
  let count = 0;
  for (const values of [entities, quantities, times]) for (const v of values) if (!asked.has(v)) count++;
  return Math.min(count, 3) / 3;
}

/** For "what is X?", a glossary-style passage that starts with X. */
export function definesTerm(passage: IndexedPassage, defines: readonly string[]): boolean {
  return defines.length > 0 && passage.labelTerms.size === defines.length && defines.every((d) => passage.labelTerms.has(d));
}

/** "Release time: within 2 to 3 weeks" answers a question about release: its label names what was asked. */
export function labelAnswers(passage: IndexedPassage, question: AnalysedQuestion, index: KnowledgeIndex): boolean {
  if (passage.labelTerms.size === 0) return false;
  return question.terms.some((t) => !t.fromPrevious && !index.subjectTerms.has(t.term) && passage.labelTerms.has(t.term));
}

/**
 * Share of the matched words the passage writes as the question does (up to a plural): stems
 * join "competitors" with "competitive", but the asker's own word is better evidence.
 */
export function sameWording(passage: IndexedPassage, question: AnalysedQuestion, matched: ReadonlySet<string>): number {
  let total = 0;
  let alike = 0;
  for (const t of question.terms) {
    if (!matched.has(t.term) || t.fromPrevious) continue;
    total += t.weight;
    if (passage.terms.some((p) => p.term === t.term && writtenAlike(p.surface, t.surface))) alike += t.weight;
  }
  return total === 0 ? 0 : alike / total;
}

/** The same word up to a plural ending. */
export function writtenAlike(a: string, b: string): boolean {
  if (a === b) return true;
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return long.startsWith(short) && PLURAL_ENDING.test(long.slice(short.length));
}

/** Share of a follow-up's carried-over topic found in the passage or the sentence before it. */
export function carriedOver(passage: IndexedPassage, question: AnalysedQuestion): number {
  let total = 0;
  let found = 0;
  for (const t of question.terms) {
    if (!t.fromPrevious) continue;
    total += t.weight;
    if (passage.termSet.has(t.term) || passage.contextTerms.has(t.term)) found += t.weight;
  }
  return total === 0 ? 0 : found / total;
}

/**
 * Whether a passage names `name` other than as one of a list of names ("OpenAI and Anthropic",
 * "Claude, DeepSeek, GitHub Copilot"): only then can it say something particular of it.
 */
export function namedOnItsOwn(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const m of text.matchAll(new RegExp(`\\b${escaped}\\b`, 'giu'))) {
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    const listedBefore = /\p{Lu}[\p{L}\p{N}.-]*(,| and| or|, and)\s+$/u.test(before);
    const listedAfter = /^(,| and| or)\s+\p{Lu}/u.test(after);
    if (!listedBefore && !listedAfter) return true;
  }
  return false;
}

/** "Model Name: Grok V9 Medium" for "what kind of model is Grok V9 Medium": it only repeats the question. */
export function echoesQuestion(passage: IndexedPassage, asked: ReadonlySet<string>, index: KnowledgeIndex): boolean {
  // A label line's label ("Model Name:") names what the value is; the value is what it says.
  for (const t of passage.terms) if (!asked.has(t.term) && !index.subjectTerms.has(t.term) && !passage.labelTerms.has(t.term)) return false;
  return true;
}
