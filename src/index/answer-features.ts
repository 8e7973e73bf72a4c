import type { Term } from '../text/analyze.js';
import { normalizeWord } from '../text/analyze.js';

/**
 * What kinds of answer a passage can give. A "how many" question wants a passage with an
 * amount, a "when" question one with a date or a time span, a "who" question one that names
 * someone; the ranking checks the passage has one the question does not already contain.
 */
export type AnswerType = 'quantity' | 'time' | 'entity' | 'place' | 'reason' | 'sequence' | 'any';

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
];
// Words that place something in time. Vague ones ("soon", "upcoming") are left out: they do not answer "when".
const TIME_WORDS = [
  ...MONTHS, 'week', 'weeks', 'day', 'days', 'month', 'months', 'year', 'years', 'yesterday', 'today', 'tomorrow',
  'recently', 'quarter', 'summer', 'spring', 'autumn', 'winter',
];
const NUMBER_WORDS = [
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'dozen', 'hundred',
  'thousand', 'million', 'billion', 'trillion', 'double', 'triple', 'triples', 'tripled', 'threefold', 'twofold', 'half',
  'millions', 'thousands', 'billions',
];

/**
 * The index forms of a word list, worked out on first use: stemming them when the module loads
 * would cost every start (a one-shot `ask` included) a few milliseconds it mostly does not need.
 */
function termsOf(words: readonly string[]): () => ReadonlySet<string> {
  let terms: ReadonlySet<string> | undefined;
  return () => (terms ??= new Set(words.map(normalizeWord)));
}

const monthTerms = termsOf(MONTHS);
const timeTerms = termsOf(TIME_WORDS);
const numberWordTerms = termsOf(NUMBER_WORDS);

export function isMonthTerm(term: string): boolean {
  return monthTerms().has(term);
}

export function isYear(term: string): boolean {
  return /^(19|20)\d\d$/.test(term);
}

export function isQuantityTerm(t: Pick<Term, 'term' | 'kind'>): boolean {
  if (t.kind === 'money' || t.kind === 'percent' || t.kind === 'fraction') return true;
  if (t.kind === 'number') return !isYear(t.term);
  return t.kind === 'word' && numberWordTerms().has(t.term);
}

/** Relative or vague time words answer "when" less well than a month, a year or a date. */
const vagueTimeTerms = termsOf(['recently', 'yesterday', 'today', 'tomorrow']);

export function isConcreteTime(term: string): boolean {
  return !vagueTimeTerms().has(term);
}

/** 1 for a month or a year, 0.8 for a span (weeks, days), 0.5 for "recently". */
export function timeSpecificity(term: string): number {
  if (isYear(term) || isMonthTerm(term)) return 1;
  return isConcreteTime(term) ? 0.8 : 0.5;
}

export function isTimeTerm(t: Pick<Term, 'term' | 'kind'>): boolean {
  if (t.kind === 'number') return isYear(t.term);
  return t.kind === 'word' && timeTerms().has(t.term);
}

/** Words that introduce the next step of a process: "…, starting reinforcement learning", "then", "followed by". */
export const NEXT_STEP_CUE = /\b(then|next|followed by|starting|start(s|ed)? to|begin(s|ning)?|will (start|begin|follow|launch)|after (completing|that|this)|afterwards|subsequently|once (complete|completed|finished))\b/gi;

export interface AnswerFeatures {
  /** The passage gives a purpose or cause ("designed specifically to", "because", "after talks ... lapsed"). */
  givesReason: boolean;
  quantities: Set<string>;
  times: Set<string>;
  entities: Set<string>;
  places: Set<string>;
}

const REASON_CUE =
  /\b(because|since|due to|in order to|so that|so as to|aim(s|ed|ing)? (to|at)|designed (specifically )?to|intended to|meant to|driven by|thanks to|as a result|the answer lies|to (address|solve|fix|justify|acquire|match|lay|reduce|enhance|build|create|ensure|achieve))\b/i;

const PLACE_PREPOSITION = /\b(?:in|at|near|based in|located in)\s+((?:\p{Lu}[\p{L}'-]+)(?:,?\s+\p{Lu}[\p{L}'-]+)*)/gu;

/**
 * "Gemini 3.5", "Antigravity 2.0", "May 25": a bare number right after a capitalized word names
 * an edition or a day, not an amount, so it does not answer "how much".
 */
function isEdition(terms: readonly Term[], i: number): boolean {
  const t = terms[i]!;
  const before = terms[i - 1];
  return t.kind === 'number' && before !== undefined && before.kind === 'word' && before.capitalized && before.position === t.position - 1;
}

/** Features of one passage, given the corpus's entity lexicon. */
export function answerFeatures(text: string, terms: readonly Term[], entities: ReadonlySet<string>): AnswerFeatures {
  const features: AnswerFeatures = {
    givesReason: REASON_CUE.test(text),
    quantities: new Set(),
    times: new Set(),
    entities: new Set(),
    places: new Set(),
  };
  terms.forEach((t, i) => {
    if (isQuantityTerm(t) && !isEdition(terms, i)) features.quantities.add(t.term);
    if (isTimeTerm(t)) features.times.add(t.term);
    if (entities.has(t.term)) features.entities.add(t.term);
  });
  for (const match of text.matchAll(PLACE_PREPOSITION)) {
    for (const word of match[1]!.split(/[,\s]+/)) {
      const term = normalizeWord(word.toLowerCase().replace(/'s$/, ''));
      if (!isMonthTerm(term) && entities.has(term)) features.places.add(term);
    }
  }
  return features;
}
