import { isMonthTerm, isYear, NEXT_STEP_CUE, timeSpecificity } from '../../index/answer-features.js';
import type { IndexedPassage, KnowledgeIndex } from '../../index/index-model.js';
import { analyze, type Term } from '../../text/analyze.js';
import type { AnalysedQuestion } from '../question.js';

/**
 * Whether a passage offers the kind of answer asked for (a figure near what is measured, a date,
 * a place, a name, a reason, the next step), and how well.
 */

/** A figure counts for "how many X" only when it stands near X in the passage. */
const MEASURE_RADIUS = 5;
const COMPLETION_CUE = /^(after completing|once (complete|completed|finished))$/i;
const NO_TERMS: ReadonlySet<string> = new Set();

/** A figure that states a change or ratio: "40%", "1/35", "three times", "threefold", "2.3x". */
export function isRatio(terms: readonly Term[], i: number): boolean {
  const t = terms[i]!;
  if (t.kind === 'percent' || t.kind === 'fraction') return true;
  if (RATIO_WORDS.test(t.surface) || /^\d+(\.\d+)?x$/.test(t.surface)) return true;
  const next = terms[i + 1];
  return next !== undefined && next.position === t.position + 1 && /^(times|fold|x)$/.test(next.surface);
}

const RATIO_WORDS = /^(double|doubled|triple|tripled|triples|threefold|twofold|fourfold|tenfold|half|halved)$/;

export function measuredFigure(passage: IndexedPassage, measures: readonly string[], asked: ReadonlySet<string>, wantsMoney: boolean, relative = false): boolean {
  const figures = passage.terms.filter(
    (t, i) => passage.features.quantities.has(t.term) && !asked.has(t.term) && (!wantsMoney || t.kind === 'money') && (!relative || isRatio(passage.terms, i)),
  );
  if (measures.length === 0) return figures.length > 0;
  const measured = passage.terms.filter((t) => measures.includes(t.term));
  return figures.some((f) => measured.some((m) => Math.abs(m.position - f.position) <= MEASURE_RADIUS));
}

export function fitsType(question: AnalysedQuestion, passage: IndexedPassage, asked: ReadonlySet<string>, index: KnowledgeIndex): boolean {
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
      if (question.calendar === 'month') return [...passage.features.times].some((t) => !asked.has(t) && isMonthTerm(t));
      if (question.calendar === 'day') return namesADay(passage);
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
 * "May 25", "25 May", "May 25th", "the 25th of May", "June the 5th": a month and a day of it,
 * side by side or one stop word apart ("of", "the"; "25th" is read as 25).
 */
export function namesADay(passage: Pick<IndexedPassage, 'terms'>): boolean {
  const terms = passage.terms;
  const isDay = (t: Term | undefined) => t !== undefined && t.kind === 'number' && /^([1-9]|[12]\d|3[01])$/.test(t.term);
  return terms.some((t, i) => {
    if (t.kind !== 'word' || !isMonthTerm(t.term)) return false;
    const next = terms[i + 1];
    const before = terms[i - 1];
    return (isDay(next) && next!.position - t.position <= 2) || (isDay(before) && t.position - before!.position <= 2);
  });
}

/**
 * In a list of steps ("Basic pre training: …", "Supplementary training: …") the item after the
 * one naming X is the step after X: a list item whose predecessor names all of X, and which
 * does not itself.
 */
export function nextInList(passage: IndexedPassage, asked: ReadonlySet<string>): boolean {
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
export function nextStepAfter(passage: IndexedPassage, question: AnalysedQuestion): number {
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
export function typeStrength(question: AnalysedQuestion, passage: IndexedPassage, asked: ReadonlySet<string>): number {
  if (question.answerType === 'sequence') return nextStepAfter(passage, question);
  if (question.answerType === 'time') return Math.max(0, ...[...passage.features.times].filter((t) => !asked.has(t)).map(timeSpecificity));
  return 1;
}
