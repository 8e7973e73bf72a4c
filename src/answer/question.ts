import type { AnswerType } from '../index/answer-features.js';
import type { KnowledgeIndex } from '../index/index-model.js';
import { foldTypography } from '../text/fold.js';
import { corpusCompounds, withoutCompoundHeads } from './reading/compounds.js';
import { DAY_ASKED, detectAnswerType, MAKING_WORDS, PRICE_QUESTION, RELATIVE, SEQUENCE_WORDS, STEP_SLOT, TIME_SLOT } from './reading/answer-type.js';
import { OPENER, readMessage, stripProvenance } from './reading/chat-framing.js';

const YES_NO = /^(is|isn't|are|aren't|was|were|do|does|doesn't|did|didn't|has|have|had|can|could|will|would|should|so it's|so its)\b/;
import { ALTERNATIVE_WORDS, ASKED_NOUN, DEFINITION, EXCLUSION, findMeasures, headNoun, MEASURED_NOUN, relationAsked } from './reading/focus.js';
import { normalizeQuestion } from './reading/normalise.js';
import { joinSpelledLetters } from './reading/spelling.js';
import { offeredOptions } from './reading/options.js';
import { toQueryTerms, type QueryTerm } from './reading/terms.js';

export type { QueryTerm } from './reading/terms.js';
export interface AnalysedQuestion {
  answerType: AnswerType;
  /** "What is X?" / "define X": the terms of X, so a passage that defines X can be preferred. */
  defines: string[];
  /** For "how many X" / "how much does it cost": what is measured; the figure must stand near it. */
  measures: string[];
  /** "How much does it cost?" asks for a price: a sum of money answers it, a percentage or a ratio does not. */
  wantsMoney: boolean;
  /** Names in the question other than the story's subject: a passage that answers must mention them. */
  requiredNames: string[];
  /** "Cursor or GitHub?": the names are alternatives, and a passage needs only one of them. */
  anyName: boolean;
  /** "Which cloud or compute partner": words offered as alternatives, met by any one of them. */
  alternatives: string[];
  /**
   * Names the question asks something particular of ("Anthropic's latest model", "what did
   * Anthropic announce"), as written. A passage that names them only in a list with others
   * ("models from OpenAI and Anthropic") says nothing particular of them.
   */
  focusNames: string[];
  /**
   * "What is the capital of Tennessee?": the noun the question asks for, of something else. A
   * passage that only mentions Tennessee does not answer it; the passage must name the relation.
   */
  relation?: string;
  /**
   * "What year…" wants a year, "what month…" a month, "what day…" or "the exact date" a day of
   * a month: a span such as "within days" answers none of them, and "mid-June" not the day.
   */
  calendar?: 'year' | 'month' | 'day';
  /** "What scenarios…", "which investors…": the noun the answer is a case of, when it is content. */
  askedNoun?: string;
  /** "By how much bigger": a change or ratio ("three times", "40%") answers it, an absolute figure does not. */
  relative: boolean;
  /** "Is it 1.5T?", "10k cards?": the question states a figure to confirm, so a passage stating it answers. */
  claimsFigure: boolean;
  /** "Is it out yet?": answered by the sentence that confirms or contradicts it, which may repeat it. */
  yesNo: boolean;
  /** "besides Cursor": terms the answer should go beyond, so they are neither required nor rewarded. */
  excluded: string[];
  /** The answer type must be met (how many, when, who, where) rather than merely preferred. */
  strictType: boolean;
  /** "What's the weather in Memphis": the word asked for is one the articles never use. */
  unknownHead: boolean;
  /** The word asked for ("how much POWER does Colossus draw"), when the articles use it: an answer should say it. */
  head?: string;
  /** "Is it A or B?": the terms of each option, so the answer can quote what the sources say of each. */
  options: string[][];
  terms: QueryTerm[];
}

const FOLLOW_UP_CUE = /^(and|but|also|so|what about|how about|and what|ok|okay)\b|\b(it|its|it's|that|this|they|them|their|those|these|he|she|his|her|else|too|same|there)\b/;

/** "and …?", "what about…", "it", "that": the question itself says it follows on from the one before. */
export function saysItFollowsOn(question: string): boolean {
  return FOLLOW_UP_CUE.test(foldTypography(question).toLowerCase());
}

/** Short or pronoun-led questions lean on the previous question for their topic. */
export function isFollowUp(question: string, terms: readonly QueryTerm[]): boolean {
  return saysItFollowsOn(question) || terms.filter((t) => t.known).length <= 1;
}

/**
 * What a question asks for: its answer type, and the thing it counts ("how many GPUS"). Only the
 * counted thing: a head noun is as often what is asked about ("what is COLOSSUS?") as what is asked of it.
 */
function askedOf(question: string, compounds: ReadonlySet<string>): { answerType: string; words: Set<string> } {
  const folded = normalizeQuestion(readMessage(stripProvenance(question)).asking);
  const counted = MEASURED_NOUN.exec(folded)?.[1];
  return { answerType: detectAnswerType(withoutCompoundHeads(folded, compounds)).answerType, words: new Set(counted ? [counted] : []) };
}

export function analyseQuestion(written: string, index: KnowledgeIndex, writtenBefore?: string): AnalysedQuestion {
  // "x a i" is xAI before anything else reads the question: every stage sees the name.
  const rawQuestion = joinSpelledLetters(written, index);
  const previous = writtenBefore === undefined ? undefined : joinSpelledLetters(writtenBefore, index);
  const message = readMessage(stripProvenance(rawQuestion));
  const question = message.asking;
  const folded = normalizeQuestion(question);
  const head = headNoun(folded);
  const compounds = corpusCompounds(question, index);
  const detected = detectAnswerType(withoutCompoundHeads(folded, compounds));
  const exclusion = EXCLUSION.exec(question);
  const excluded = exclusion ? toQueryTerms(exclusion[2]!, index).map((t) => t.term) : [];
  // "What stage comes after X", "what day did…": the stage or the day is what is asked for, as the answer type says.
  const sequence = detected.answerType === 'sequence';
  const slotWord = sequence && detected.strictType ? STEP_SLOT.exec(folded)?.[1] : detected.answerType === 'time' ? TIME_SLOT.exec(folded)?.[1] : undefined;
  const terms = toQueryTerms(exclusion ? question.replace(exclusion[0], ' ') : question, index, { head, compounds }).filter(
    (t) => t.surface !== slotWord && !(sequence && SEQUENCE_WORDS.has(t.surface)) && !(detected.answerType === 'reason' && MAKING_WORDS.has(t.surface)),
  );
  // "Who is Elon Musk?" names who it is about: it asks what the sources say of them, not for another name.
  const aboutNamed = /^who (is|was|are|were) /.test(folded) && terms.some((t) => t.known && index.entities.has(t.term) && !index.subjectTerms.has(t.term));
  const { answerType, strictType } = aboutNamed ? { answerType: 'any' as const, strictType: false } : detected;
  const present = new Set(terms.map((t) => t.term));
  for (const clause of message.context) {
    for (const t of toQueryTerms(clause, index, { fromContext: true })) {
      if (!present.has(t.term)) terms.push(t);
      present.add(t.term);
    }
  }
  if (previous && isFollowUp(question, terms)) {
    const present = new Set(terms.map((t) => t.term));
    const previousCompounds = corpusCompounds(previous, index);
    const asked = askedOf(previous, previousCompounds);
    // "How many GPUs in Colossus?" then "and where is it?": the follow-up keeps what was asked
    // about (Colossus) but asks something else of it, so the GPUs asked for before are not carried.
    const replaced = detected.answerType !== 'any' && detected.answerType !== asked.answerType ? asked.words : new Set<string>();
    for (const carried of toQueryTerms(previous, index, { fromPrevious: true, compounds: previousCompounds })) {
      const dropped = replaced.has(carried.surface) && !index.entities.has(carried.term);
      if (carried.known && !present.has(carried.term) && !dropped) terms.push(carried);
    }
  }
  const definition = DEFINITION.exec(folded);
  // Chat asks for a meaning in many shapes ("fine tuning meaning", "parameter = ?", "eli5
  // fine-tuning pls"): an untyped question whose only content the articles know is a term is
  // asking what the term is, so the glossary entry of exactly that term is the answer.
  const content = terms.filter((t) => t.known && !t.fromContext && !t.fromPrevious && !index.subjectTerms.has(t.term) && t.weight > 0);
  const defines = definition
    ? toQueryTerms(definition[1]!, index).filter((t) => t.known).map((t) => t.term)
    : answerType === 'any' && content.length > 0 && content.length <= 2
      ? content.map((t) => t.term)
      : [];
  const requiredNames = terms
    .filter((t) => !t.fromPrevious && !t.fromContext && t.known && index.entities.has(t.term) && !index.subjectTerms.has(t.term))
    .map((t) => t.term);
  const measures = answerType === 'quantity' ? findMeasures(folded, terms, index) : [];
  const relative = answerType === 'quantity' && RELATIVE.test(folded);
  const wantsMoney = answerType === 'quantity' && PRICE_QUESTION.test(folded) && !relative;
  const anyName = requiredNames.length > 1 && /\bor\b/.test(folded);
  const focusNames = terms
    .filter((t) => requiredNames.includes(t.term) && /^[\p{L}\p{N}-]+$/u.test(t.surface))
    .filter((t) => new RegExp(`\\b${t.surface}'s\\b|\\b(what|how) (did|does|do|has|have|will|is|was) ${t.surface}\\b`, 'u').test(folded))
    .map((t) => t.surface);
  const calendarWord = answerType === 'time' ? slotWord : undefined;
  const calendar =
    answerType !== 'time' ? undefined : DAY_ASKED.test(folded) ? ('day' as const) : calendarWord === 'year' ? ('year' as const) : calendarWord && calendarWord !== 'week' ? ('month' as const) : undefined;
  const nounWord = ASKED_NOUN.exec(folded)?.[1];
  const askedNoun = terms.find((t) => t.surface === nounWord && t.known && !index.subjectTerms.has(t.term))?.term;
  const alternatives = [...folded.matchAll(ALTERNATIVE_WORDS)].flatMap((m) => terms.filter((t) => t.surface === m[1] || t.surface === m[2]).map((t) => t.term));
  // "fp4 or fp8", "blackwell or hopper": of options offered, the one the articles know answers; an
  // option they never mention is not something the question needs.
  for (const m of folded.matchAll(ALTERNATIVE_WORDS)) {
    const offered = terms.filter((t) => t.surface === m[1] || t.surface === m[2]);
    if (!offered.some((t) => t.known)) continue;
    for (const t of offered) {
      if (t.known) continue;
      t.weight = 0;
      t.unknownName = false;
    }
  }
  return {
    answerType,
    strictType,
    defines,
    requiredNames,
    anyName,
    alternatives: alternatives.length >= 2 ? alternatives : [],
    focusNames,
    measures,
    wantsMoney,
    excluded,
    relation: relationAsked(folded, terms, index),
    calendar,
    askedNoun,
    relative,
    claimsFigure: terms.some((t) => !t.fromContext && /^\$?\d/.test(t.term) && !/^(19|20)\d\d$/.test(t.term)),
    yesNo: YES_NO.test(folded.replace(OPENER, '')),
    unknownHead: head !== undefined && terms.some((t) => t.surface === head && !t.known && !t.fromContext),
    head: terms.find((t) => t.surface === head && t.known && !t.fromContext && !index.subjectTerms.has(t.term))?.term,
    options: offeredOptions(folded, terms, index),
    terms,
  };
}
