import { isLeadIn } from './lead-in.js';
import { CONTEXT_CREDIT, coverageOf, coveragePlan } from './ranking/coverage.js';
import { answerCloseness, carriedOver, definesTerm, directness, echoesQuestion, labelAnswers, namedOnItsOwn, proximity, sameWording, specificity, tokensOfType } from './ranking/passage-features.js';
import { fitsType, nextInList, typeStrength } from './ranking/type-fit.js';
import { SEARCH_FIELD, splitTerms, type IndexedPassage, type KnowledgeIndex } from '../index/index-model.js';
import { topMatches } from '../index/top-matches.js';
import type { AnalysedQuestion, QueryTerm } from './question.js';
import type { RankFeatures } from './model/features.js';
import { rankScore } from './model/model.js';

export interface RankedPassage {
  passage: IndexedPassage;
  score: number;
  /** Weighted share of the question's words this passage contains (0–1). */
  coverage: number;
  /** The passage offers the kind of answer asked for, beyond what the question already says. */
  typeFit: boolean;
  /** Mentions every name the question asks about. */
  namesEverything: boolean;
  /** The evidence the score weighs; absent for candidates below the scoring floor. */
  features: RankFeatures | undefined;
}

const CANDIDATES = 40;
/** Below this coverage a candidate is never cited (answer.ts cites from 0.4), so it is ranked by coverage alone. */
const SCORING_FLOOR = 0.35;

/**
 * Above this share of passages (and this many) a word hardly tells passages apart, yet scoring
 * it touches them all. A small corpus never drops a word: scoring all of it is cheap.
 */
const COMMON_SHARE = 0.05;
const COMMON_MIN_PASSAGES = 500;

/**
 * The words candidates are searched by: the distinctive ones. Very common words ("train" in a
 * corpus about training) would make MiniSearch score most of the corpus for little gain; they
 * still count in coverage, which is computed on the candidates from every word of the question.
 */
function searchTerms(known: readonly QueryTerm[], index: KnowledgeIndex): string[] {
  const total = index.passages.length;
  const limit = Math.max(COMMON_MIN_PASSAGES, COMMON_SHARE * total);
  const distinctive = known.filter((t) => (index.documentFrequency.get(t.term) ?? 0) <= limit);
  if (distinctive.length > 0) return distinctive.map((t) => t.term);
  return [...known].sort((a, b) => (index.documentFrequency.get(a.term) ?? 0) - (index.documentFrequency.get(b.term) ?? 0)).slice(0, 2).map((t) => t.term);
}

export function rankPassages(question: AnalysedQuestion, index: KnowledgeIndex): RankedPassage[] {
  const known = question.terms.filter((t) => t.known);
  if (known.length === 0) return [];
  const weightOf = new Map(known.map((t) => [t.term, t.weight]));
  // The words as MiniSearch's query tokenizer splits them, each boosted by its weight.
  const query = splitTerms(searchTerms(known, index).join(' ')).map((term) => ({ term, boost: weightOf.get(term) ?? 1 }));
  const results = topMatches(index.search, SEARCH_FIELD, query, CANDIDATES);
  const maxSearch = results[0]?.score ?? 1;
  const asked = new Set(question.terms.map((t) => t.term));
  // "Who gets it first, everyone or X devs?": an option the question offers is an answer it asks
  // for, so a passage naming it offers the kind of answer asked, though the question names it too.
  const offered = new Set(question.options.flat());
  const askedForType = offered.size === 0 ? asked : new Set([...asked].filter((t) => !offered.has(t)));
  const sourceTotal = Math.max(2, index.articles.length);
  const askedNow = new Set(question.terms.filter((t) => !t.fromPrevious).map((t) => t.term));
  const plan = coveragePlan(question.terms, index.subjectTerms, new Set([...(question.anyName ? question.requiredNames : []), ...question.alternatives]));

  return results
    .map((result) => {
      const passage = index.passages[result.id as number]!;
      // The next item of a list answers "what comes after X" through the item before it, which names X.
      const listStep = question.answerType === 'sequence' && nextInList(passage, askedNow);
      const { coverage, matched, hits } = coverageOf(passage, plan, listStep ? 1 : CONTEXT_CREDIT);
      // Too little of the question to be quoted at all (see MIN_SUPPORTING_COVERAGE): not worth scoring in full.
      if (coverage < SCORING_FLOOR) return { passage, score: coverage - 1, coverage, typeFit: false, namesEverything: false, features: undefined };
      const answers = tokensOfType(question.answerType, passage, index);
      const typeFit = fitsType(question, passage, askedForType, index);
      // Names must be in the quoted passage itself, unless it opens by referring back to the sentence that names them.
      const named = (n: string) => passage.termSet.has(n) || (passage.refersBack && passage.contextTerms.has(n));
      const namesEverything =
        (question.anyName ? question.requiredNames.some(named) : question.requiredNames.every(named)) &&
        question.focusNames.every((n) => namedOnItsOwn(passage.text, n)) &&
        (question.relation === undefined || passage.termSet.has(question.relation));
      const features: RankFeatures = {
        coverage,
        typeFit: question.answerType !== 'any' && typeFit ? (question.strictType ? 1 : 0.5) * typeStrength(question, passage, askedForType) : 0,
        search: result.score / maxSearch,
        proximity: proximity(hits, matched),
        corroboration: Math.log2(1 + passage.sources.length) / Math.log2(1 + sourceTotal),
        specificity: specificity(passage, asked),
        closeness: answerCloseness(passage, answers, hits, asked),
        directness: directness(passage, matched, answers, index),
        definition: definesTerm(passage, question.defines) ? 1 : 0,
        glossary: !definesTerm(passage, question.defines) && passage.isDefinition ? 1 : 0,
        label: labelAnswers(passage, question, index) ? 1 : 0,
        // "What scenarios…" answered by "Core scenarios: …": the label names what the answer is a case of.
        askedNounLabel: question.askedNoun && passage.labelTerms.has(question.askedNoun) ? 1 : 0,
        followUp: carriedOver(passage, question),
        wording: sameWording(passage, question, matched),
        excluded: question.excluded.some((t) => passage.termSet.has(t)) ? 1 : 0,
        // A lead-in is quoted with the lines it introduces, but a statement that answers by itself is better.
        leadIn: isLeadIn(passage) ? 1 : 0,
        heading: passage.kind === 'heading' ? 1 : 0,
        truncated: passage.truncated ? 1 : 0,
        echo: echoesQuestion(passage, asked, index) ? 1 : 0,
        // Evidence against, weighed rather than ruled: a name the question gives that the passage
        // lacks, or a "how many / when / who" the passage does not meet.
        missingName: namesEverything ? 0 : 1,
        typeMissing: question.strictType && question.answerType !== 'any' && !typeFit ? 1 : 0,
        headMet: question.head !== undefined && passage.termSet.has(question.head) ? 1 : 0,
      };
      const score = rankScore(features);
      return { passage, score, coverage, typeFit, namesEverything, features };
    })
    .sort((a, b) => b.score - a.score);
}
