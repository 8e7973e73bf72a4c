import { isConcreteTime, isMonthTerm, isYear, NEXT_STEP_CUE, timeSpecificity } from '../index/answer-features.js';
import { analyze, type Term } from '../text/analyze.js';
import { isLeadIn } from './lead-in.js';
import type { IndexedPassage, KnowledgeIndex } from '../index/index-model.js';
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
const CORRECTED_MATCH = 0.8;
const PLURAL_ENDING = /^(s|es)$/;
/** Matched words further apart than this are unlikely to be one statement about them. */
const WINDOW = 16;
const OUTSIDE_WINDOW = 0.5;
/** A word found only in the sentence before counts half: "This synergy…" continues "This merger…". */
const CONTEXT_CREDIT = 0.5;

const MEASURE_RADIUS = 5;
const COMPLETION_CUE = /^(after completing|once (complete|completed|finished))$/i;

/** A figure counts for "how many X" only when it stands near X in the passage. */
/** A figure that states a change or ratio: "40%", "1/35", "three times", "threefold", "2.3x". */
function isRatio(terms: readonly Term[], i: number): boolean {
  const t = terms[i]!;
  if (t.kind === 'percent' || t.kind === 'fraction') return true;
  if (RATIO_WORDS.test(t.surface) || /^\d+(\.\d+)?x$/.test(t.surface)) return true;
  const next = terms[i + 1];
  return next !== undefined && next.position === t.position + 1 && /^(times|fold|x)$/.test(next.surface);
}

const RATIO_WORDS = /^(double|doubled|triple|tripled|triples|threefold|twofold|fourfold|tenfold|half|halved)$/;

function measuredFigure(passage: IndexedPassage, measures: readonly string[], asked: ReadonlySet<string>, wantsMoney: boolean, relative = false): boolean {
  const figures = passage.terms.filter(
    (t, i) => passage.features.quantities.has(t.term) && !asked.has(t.term) && (!wantsMoney || t.kind === 'money') && (!relative || isRatio(passage.terms, i)),
  );
  if (measures.length === 0) return figures.length > 0;
  const measured = passage.terms.filter((t) => measures.includes(t.term));
  return figures.some((f) => measured.some((m) => Math.abs(m.position - f.position) <= MEASURE_RADIUS));
}

function fitsType(question: AnalysedQuestion, passage: IndexedPassage, asked: ReadonlySet<string>, index: KnowledgeIndex): boolean {
  const offered = (values: ReadonlySet<string>) => {
    for (const v of values) if (!asked.has(v)) return true;
    return false;
  };
  switch (question.answerType) {
    case 'quantity':
      return (
        measuredFigure(passage, question.measures, asked, question.wantsMoney, question.relative) ||
        (question.claimsFigure && measuredFigure(passage, question.measures, NO_TERMS, question.wantsMoney, question.relative))
      );
    case 'time':
      if (question.calendar === 'year') return [...passage.features.times].some((t) => !asked.has(t) && isYear(t));
      if (question.calendar === 'date') return [...passage.features.times].some((t) => !asked.has(t) && isMonthTerm(t));
      return offered(passage.features.times);
    case 'place':
      return offered(passage.features.places);
    case 'entity':
      for (const e of passage.features.entities) if (!asked.has(e) && !index.subjectTerms.has(e)) return true;
      return false;
    case 'reason':
      return passage.features.givesReason;
    case 'sequence':
      return nextStepAfter(passage, question) > 0;
    default:
      return true;
  }
}

/**
 * In a list of steps ("Basic pre training: …", "Supplementary training: …") the item after the
 * one naming X is the step after X: a list item whose predecessor names all of X, and which
 * does not itself.
 */
function nextInList(passage: IndexedPassage, asked: ReadonlySet<string>): boolean {
  if (passage.kind !== 'label' || asked.size === 0) return false;
  let inItself = true;
  for (const t of asked) {
    if (!passage.contextTerms.has(t)) return false;
    if (!passage.termSet.has(t)) inItself = false;
  }
  return !inItself;
}

/**
 * For "what happens after X": 1 when a next-step cue follows X in the passage ("X, starting
 * Y"), 0.5 when it precedes X ("after completing X, Y"), 0 when there is none.
 */
function nextStepAfter(passage: IndexedPassage, question: AnalysedQuestion): number {
  const asked = new Set(question.terms.filter((t) => !t.fromPrevious).map((t) => t.term));
  if (nextInList(passage, asked)) return 1;
  const lastAsked = Math.max(-1, ...passage.terms.filter((t) => asked.has(t.term)).map((t) => t.position));
  if (lastAsked < 0) return 0;
  const matches = [...passage.text.matchAll(NEXT_STEP_CUE)];
  const cues = matches.map((m) => analyze(passage.text.slice(0, m.index)).length);
  const firstAsked = passage.terms.find((t) => asked.has(t.term))!;
  const askedBefore = passage.terms.filter((t) => t.position <= lastAsked).length;
  if (cues.some((at) => at >= askedBefore)) return 1;
  // "After completing X, Y": the cue marks X as done, so Y is the step after X, unless the
  // completed clause goes on past X ("after completing X and Z, Y": Y comes after Z).
  const completesAsked = matches.some((m) => {
    if (!COMPLETION_CUE.test(m[0])) return false;
    const clause = analyze(passage.text.slice(m.index + m[0].length).split(/[,;:]/)[0]!);
    return clause.length > 0 && asked.has(clause[clause.length - 1]!.term);
  });
  if (completesAsked && askedBefore < passage.terms.length) return 1;
  return cues.some((at) => at <= passage.terms.indexOf(firstAsked)) ? 0.5 : 0;
}

/** How well the offered answer fits: a date beats "recently"; a next step after X beats one before it. */
function typeStrength(question: AnalysedQuestion, passage: IndexedPassage, asked: ReadonlySet<string>): number {
  if (question.answerType === 'sequence') return nextStepAfter(passage, question);
  if (question.answerType === 'time') return Math.max(0, ...[...passage.features.times].filter((t) => !asked.has(t)).map(timeSpecificity));
  return 1;
}

/** The answer tokens a passage offers for the question's type. */
function answerTokens(question: AnalysedQuestion, passage: IndexedPassage, index: KnowledgeIndex): ReadonlySet<string> {
  const { features } = passage;
  switch (question.answerType) {
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
const NO_TERMS: ReadonlySet<string> = NOTHING;

/** The values that pass, allocating only when some do not. */
function keep(values: ReadonlySet<string>, test: (value: string) => boolean): ReadonlySet<string> {
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
function answerCloseness(passage: IndexedPassage, wanted: ReadonlySet<string>, hits: readonly Term[], asked: ReadonlySet<string>): number {
  if (wanted.size === 0 || hits.length === 0) return 0;
  let best = Infinity;
  for (const a of passage.terms) {
    if (!wanted.has(a.term) || asked.has(a.term)) continue;
    for (const m of hits) best = Math.min(best, Math.abs(a.position - m.position));
  }
  return best <= 3 ? 1 : best <= 8 ? 0.6 : best <= 16 ? 0.3 : 0;
}

/** How much of the passage is the question's words and the answer offered: a short direct statement beats a long aside. */
function directness(passage: IndexedPassage, matched: ReadonlySet<string>, answers: ReadonlySet<string>, index: KnowledgeIndex): number {
  if (passage.terms.length === 0) return 0;
  let useful = 0;
  for (const t of passage.terms) if (matched.has(t.term) || answers.has(t.term) || index.subjectTerms.has(t.term)) useful++;
  return useful / passage.terms.length;
}

/** Matched words close together are more likely one statement about them than a coincidence. */
function proximity(hits: readonly Term[], matched: ReadonlySet<string>): number {
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
function specificity(passage: IndexedPassage, asked: ReadonlySet<string>): number {
  const { entities, quantities, times } = passage.features;
  let count = 0;
  for (const values of [entities, quantities, times]) for (const v of values) if (!asked.has(v)) count++;
  return Math.min(count, 3) / 3;
}

/** For "what is X?", a glossary-style passage that starts with X. */
function definesTerm(passage: IndexedPassage, defines: readonly string[]): boolean {
  return defines.length > 0 && passage.labelTerms.size === defines.length && defines.every((d) => passage.labelTerms.has(d));
}

/** "Release time: within 2 to 3 weeks" answers a question about release: its label names what was asked. */
function labelAnswers(passage: IndexedPassage, question: AnalysedQuestion, index: KnowledgeIndex): boolean {
  if (passage.labelTerms.size === 0) return false;
  return question.terms.some((t) => !t.fromPrevious && !index.subjectTerms.has(t.term) && passage.labelTerms.has(t.term));
}

/**
 * Share of the matched words the passage writes as the question does (up to a plural): stems
 * join "competitors" with "competitive", but the asker's own word is better evidence.
 */
function sameWording(passage: IndexedPassage, question: AnalysedQuestion, matched: ReadonlySet<string>): number {
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
function writtenAlike(a: string, b: string): boolean {
  if (a === b) return true;
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return long.startsWith(short) && PLURAL_ENDING.test(long.slice(short.length));
}

/** Share of a follow-up's carried-over topic found in the passage or the sentence before it. */
function carriedOver(passage: IndexedPassage, question: AnalysedQuestion): number {
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
function namedOnItsOwn(text: string, name: string): boolean {
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
function echoesQuestion(passage: IndexedPassage, asked: ReadonlySet<string>, index: KnowledgeIndex): boolean {
  // A label line's label ("Model Name:") names what the value is; the value is what it says.
  for (const t of passage.terms) if (!asked.has(t.term) && !index.subjectTerms.has(t.term) && !passage.labelTerms.has(t.term)) return false;
  return true;
}


/** What coverage is measured against: the same for every candidate, so worked out once per question. */
interface CoveragePlan {
  content: QueryTerm[];
  /** "Cursor or GitHub": alternatives are one slot, as heavy as the heaviest, met by any of them. */
  slot: QueryTerm[];
  slotWeight: number;
  alternatives: ReadonlySet<string>;
  total: number;
}

function coveragePlan(terms: readonly QueryTerm[], subject: ReadonlySet<string>, alternatives: ReadonlySet<string> = new Set()): CoveragePlan {
  // Words carried over from a previous question only break ties (see rankPassages); the
  // question as asked decides whether a passage answers it.
  const asked = terms.some((t) => !t.fromPrevious && t.known) ? terms.filter((t) => !t.fromPrevious) : terms;
  // A word the articles never use can be met by no passage, so it tells candidates nothing apart:
  // coverage is of what the articles could say. Whether unknown words change what is asked is the
  // answer-or-refuse model's to weigh (unknownShare, unknownNames, unknownHead).
  const knowable = asked.some((t) => t.known) ? asked.filter((t) => t.known) : asked;
  const content = knowable.some((t) => !subject.has(t.term)) ? knowable.filter((t) => !subject.has(t.term)) : [...knowable];
  const slot = content.filter((t) => alternatives.has(t.term));
  const slotWeight = Math.max(0, ...slot.map((t) => t.weight));
  const total = (slot.length > 0 ? slotWeight : 0) + content.filter((t) => !alternatives.has(t.term)).reduce((sum, t) => sum + t.weight, 0);
  return { content, slot, slotWeight, alternatives, total };
}

/**
 * Weighted share of the question's words the passage contains. Words matched far from the
 * passage's densest cluster of matches count half; the story's subject counts only when the
 * question asks nothing else.
 */
function coverageOf(passage: IndexedPassage, plan: CoveragePlan, contextCredit = CONTEXT_CREDIT): { coverage: number; matched: Set<string>; hits: Term[] } {
  const credit = new Map<string, number>();
  let fromContext = 0;
  const slotMet = plan.slot.find((t) => t.known && passage.termSet.has(t.term));
  if (slotMet) credit.set(slotMet.term, plan.slotWeight);
  for (const t of plan.content) {
    if (plan.alternatives.has(t.term)) continue;
    const match = t.weight * (t.corrected ? CORRECTED_MATCH : 1);
    if (t.known && passage.termSet.has(t.term)) credit.set(t.term, match);
    else if (t.known && passage.contextTerms.has(t.term)) fromContext += match * contextCredit;
  }
  const matched = new Set(credit.keys());
  if (plan.total === 0 || matched.size === 0) return { coverage: 0, matched, hits: [] };
  let all = 0;
  for (const value of credit.values()) all += value;
  let bestWindow = 0;
  // Where the matched words stand: the window here, and proximity in the ranking, both walk them.
  const hits = passage.terms.filter((t) => credit.has(t.term));
  const inWindow = new Set<string>();
  for (let i = 0; i < hits.length; i++) {
    inWindow.clear();
    let sum = 0;
    for (let j = i; j < hits.length && hits[j]!.position - hits[i]!.position < WINDOW; j++) {
      if (inWindow.has(hits[j]!.term)) continue;
      inWindow.add(hits[j]!.term);
      sum += credit.get(hits[j]!.term)!;
    }
    bestWindow = Math.max(bestWindow, sum);
  }
  return { coverage: (bestWindow + OUTSIDE_WINDOW * (all - bestWindow) + fromContext) / plan.total, matched, hits };
}

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
  const results = index.search
    .search(searchTerms(known, index).join(' '), { combineWith: 'OR', boostTerm: (term) => weightOf.get(term) ?? 1 })
    .slice(0, CANDIDATES);
  const maxSearch = results[0]?.score ?? 1;
  const asked = new Set(question.terms.map((t) => t.term));
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
      const answers = answerTokens(question, passage, index);
      const typeFit = fitsType(question, passage, asked, index);
      // Names must be in the quoted passage itself, unless it opens by referring back to the sentence that names them.
      const named = (n: string) => passage.termSet.has(n) || (passage.refersBack && passage.contextTerms.has(n));
      const namesEverything =
        (question.anyName ? question.requiredNames.some(named) : question.requiredNames.every(named)) &&
        question.focusNames.every((n) => namedOnItsOwn(passage.text, n)) &&
        (question.relation === undefined || passage.termSet.has(question.relation));
      const features: RankFeatures = {
        coverage,
        typeFit: question.answerType !== 'any' && typeFit ? (question.strictType ? 1 : 0.5) * typeStrength(question, passage, asked) : 0,
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
