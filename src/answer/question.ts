import { isYear, type AnswerType } from '../index/answer-features.js';
import type { KnowledgeIndex } from '../index/index-model.js';
import { analyze, normalizeWord, type Term } from '../text/analyze.js';
import { editDistance } from '../text/edit-distance.js';
import { KNOWN_WORDS, MAPPED_WORDS } from '../text/known-words.js';
import { SYNONYM_GROUPS } from '../text/synonyms.js';
import { foldTypography } from '../text/fold.js';

export interface QueryTerm {
  term: string;
  surface: string;
  /** How much this word counts towards coverage: rarer words count more. */
  weight: number;
  /** The corpus has the word (or a corrected spelling of it). */
  known: boolean;
  corrected: boolean;
  /** Carried over from the previous question of a follow-up. */
  fromPrevious: boolean;
  /** A name or version the corpus has never mentioned (GPT-5, Llama 4, Louvre). */
  unknownName: boolean;
}

/** Verbs so common in questions ("which data was used") that they count for little. */
const WEAK_WORDS: ReadonlySet<string> = new Set([
  'use', 'used', 'using', 'uses', 'need', 'needs', 'have', 'has', 'good', 'big', 'built', 'build', 'designed', 'design',
  'meant', 'intended', 'supposed', 'question', 'questions',
]);
const WEAK_WEIGHT = 0.3;

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
  /** "What year…" wants a year, "what day/month…" a calendar date: a span such as "within days" does not answer them. */
  calendar?: 'year' | 'date';
  /** "What scenarios…", "which investors…": the noun the answer is a case of, when it is content. */
  askedNoun?: string;
  /** "By how much bigger": a change or ratio ("three times", "40%") answers it, an absolute figure does not. */
  relative: boolean;
  /** "besides Cursor": terms the answer should go beyond, so they are neither required nor rewarded. */
  excluded: string[];
  /** The answer type must be met (how many, when, who, where) rather than merely preferred. */
  strictType: boolean;
  terms: QueryTerm[];
}

const TYPE_PATTERNS: ReadonlyArray<[AnswerType, boolean, RegExp]> = [
  ['time', true, /\b(when|what time|which day|what day|what month|which month|what year|which year|how soon|how long|dates?|timeline|timeframe|timing|window|eta|schedule)\b/],
  ['quantity', true, /\b(how (many|much|big|large|huge|fast|expensive|cheap|small|large)|number of|by (what|which|how much of a) (factor|multiple|margin)|how many times|(what|which)('s| is| was| are| were)? (the )?([\p{L}-]+ )?(number|amount|count|size|scale|percentage|figure|price|cost|valuation|parameter count)\b)/u],
  ['entity', true, /\b(who|whom|whose|who's)\b|\b(which|what) (company|companies|firm|firms|person|people|investors?|organi[sz]ations?|partners?|backers?)\b/],
  // "Where does the data come from?" asks for a source, not a place.
  ['place', true, /\b(where\b(?!.*\bfrom\b)|what city|which city|what country|which country|what state|which state|located)\b/],
  ['quantity', false, /\b(size|scale|price|cost|amount|count|number|percentage|valuation|worth)\b/],
  ['sequence', true, /\b((what|which) ([\p{L}-]+ ){0,2}((happens|comes|is|follows) (after|next)|follows)|what's next|what next|after (that|this)|next step|then what)\b/u],
  // A bare "after" ("what did xAI do after the talks lapsed") may ask a sequence, or only date the question.
  ['sequence', false, /\bafter\b/u],
  ['reason', false, /\b(why|how come|what for|purpose|reason)\b|^what (is|was|are|were) .+ for\??$/],
  ['entity', false, /\b(which|what is the name|what's the name|called|named)\b/],
];

/**
 * Words that name the kind of answer wanted or frame the question rather than carry its
 * content: "the CEO who announced", "the release date", "what role does X play", "according
 * to the sources". The answer type carries their meaning. Compared as written, not stemmed,
 * so "announcement" is not mistaken for "announced".
 */
const FRAMING_WORDS: ReadonlySet<string> = new Set(
  `date time number amount count name named called ceo boss chief executive person people company companies firm firms
  city country state region town place location located figure figures guy man woman individual organization organisation exact specific
  specifically main new newest latest upcoming current currently right now today sources source article articles coverage
  report reports reported reporting according role part purpose point story connection relationship link relation
  significance situation status update background overview summary kind type sort difference plan plans exactly
  team teams group groups
  mention mentioned mentions mentioning cite cited cites discuss discussed discusses talk talked talks window timeframe timing matter matters mattered important
  importance significant define defined definition definitions meaning glossary
  summarize summarise summarized recap tldr rundown breakdown side sides aspect aspects angle factor multiple
  involved involvement involve involves tied tie ties linked connected related refer refers referring`.split(/\s+/),
);

/** Role nouns are part of the content when they are a relation to something: "the CEO of Cursor", "Cursor's founder". */
const ROLE_RELATION = /\b(ceo|founder|founders|president|chairman|boss|chief|owner|head|executive|cto|cfo)\s+(of|at)\b|'s\s+(ceo|founder|founders|president|chairman|boss|owner|head|cto|cfo)\b/;

/** Chat spellings of question words, so "wen" asks "when". */
const CHAT_SPELLINGS: ReadonlyArray<[RegExp, string]> = [
  [/\bwen\b/g, 'when'],
  [/\b(wat|wut)\b/g, 'what'],
  [/\bhw\b/g, 'how'],
  [/\bwher\b/g, 'where'],
  [/\bwho'?s\b/g, 'who is'],
];

/**
 * Adverbs of manner or stance ("eventually", "officially", "seriously") the corpus does not use
 * shade a question without naming what it asks, unlike an unknown noun ("weather", "Louvre").
 * Adverbs of frequency ("monthly", "daily") do name a measure, so they keep their weight.
 */
const MANNER_ADVERB = /^(?!(daily|weekly|monthly|yearly|hourly|quarterly|annually|nightly)$)\p{L}{3,}ly$/u;

const QUANTITY_KINDS: ReadonlySet<string> = new Set(['number', 'money', 'percent', 'fraction']);

/** Every question is implicitly about the story's subject, so naming it adds little. */
const SUBJECT_WEIGHT = 0.2;

/** Share of the corpus's passages above which a word is the story's subject, not a distinguishing detail. */
const TOPIC_SHARE = 0.12;

export function normalizeQuestion(question: string): string {
  let folded = foldTypography(question).toLowerCase();
  for (const [pattern, replacement] of CHAT_SPELLINGS) folded = folded.replace(pattern, replacement);
  return folded;
}

function detectAnswerType(folded: string): { answerType: AnswerType; strictType: boolean } {
  for (const [answerType, strictType, pattern] of TYPE_PATTERNS) {
    if (pattern.test(folded)) return { answerType, strictType };
  }
  return { answerType: 'any', strictType: false };
}

function correctSpelling(surface: string, index: KnowledgeIndex): string | undefined {
  if (surface.length < 4 || !/^\p{L}+$/u.test(surface)) return undefined;
  // Between equally close words, the one more passages use. A four-letter word is only taken
  // for a five-letter one missing a letter ("smal", "tokn"): at that length other edits too
  // often turn one real word into another.
  const word = closestWord(surface, byInitial(index.surfaceWords.keys(), index), (w) => index.documentFrequency.get(index.surfaceWords.get(w)!) ?? 0, surface.length < 5);
  return word === undefined ? undefined : index.surfaceWords.get(word);
}

const PREFIXES = ['under', 'over', 'pre', 'post', 're', 'non', 'multi', 'co', 'sub', 'super', 'mis', 'out', 'up'];

/** "undertrained", "pretraining": a prefix glued to a word the corpus knows (it writes "under-trained"). */
function withoutPrefix(surface: string, index: KnowledgeIndex): string | undefined {
  for (const prefix of PREFIXES) {
    if (!surface.startsWith(prefix) || surface.length - prefix.length < 4) continue;
    const term = normalizeWord(surface.slice(prefix.length));
    if (index.documentFrequency.has(term)) return term;
  }
  return undefined;
}

/** A question written mostly in capitals (a headline, or shouting) says nothing about which words are names. */
function capitalsAreMeaningful(terms: readonly Term[]): boolean {
  const words = terms.filter((t) => t.kind === 'word');
  return words.filter((t) => t.capitalized).length <= Math.max(1, words.length / 2);
}

/** Words that name a model's size or edition: "V8 Small", "V9 Medium", "GPT Mini". */
const VARIANT_WORDS = new Set(['small', 'medium', 'large', 'mini', 'micro', 'nano', 'pro', 'ultra', 'max', 'lite', 'plus', 'base', 'xl', 'turbo', 'heavy', 'flash']);

/**
 * "V8 Large" when the sources only know "V8 Small": a version followed by an edition word the
 * corpus never puts after it is a model the articles do not cover.
 */
function unknownVariant(analysed: readonly Term[], index: KnowledgeIndex): string | undefined {
  for (let i = 0; i + 1 < analysed.length; i++) {
    const version = analysed[i]!;
    const next = analysed[i + 1]!;
    if (version.kind !== 'version' || next.position !== version.position + 1 || !VARIANT_WORDS.has(next.surface)) continue;
    if (!index.versionNames.has(`${version.term} ${next.term}`) && [...index.versionNames].some((n) => n.startsWith(`${version.term} `))) return `${version.term} ${next.term}`;
  }
  return undefined;
}

/**
 * Typos of the analyzer's function words, fixed before the question is read so its phrases
 * still match: "comming out" is "coming out". Words the corpus uses are left alone, and
 * content words are corrected later, against the corpus.
 */
function correctTypos(text: string, index: KnowledgeIndex): string {
  return text.replace(/\p{L}{3,}/gu, (word) => {
    const lower = word.toLowerCase();
    if (index.surfaceWords.has(lower) || KNOWN_WORDS.has(lower) || MAPPED_WORDS.has(lower)) return word;
    if (lower.length >= 6) return closestWord(lower, byInitial(KNOWN_WORDS, KNOWN_WORDS)) ?? word;
    // Short words are corrected only into the few words questions are built on ("waht", "dose",
    // "wil"); three letters only by a missing letter, so "war" does not become "was".
    return closestWord(lower, byInitial(FRAME_WORDS, FRAME_WORDS), undefined, lower.length === 3) ?? word;
  });
}

/** The words questions are built on: short typos of them ("waht", "dose", "wil", "teh") are common and unambiguous. */
const FRAME_WORDS: ReadonlySet<string> = new Set(
  'what when where which whose does will would have were there their about many much that this with from the how who why are was did can'.split(' '),
);

const initialsCache = new WeakMap<object, Map<string, string[]>>();

/**
 * A vocabulary grouped by first letter, made once per vocabulary (`owner`): corrections keep
 * the first letter, so only that group is compared, not every word the corpus uses.
 */
function byInitial(vocabulary: Iterable<string>, owner: object): Map<string, string[]> {
  let groups = initialsCache.get(owner);
  if (!groups) {
    groups = new Map();
    for (const word of vocabulary) {
      const group = groups.get(word[0]!);
      if (group) group.push(word);
      else groups.set(word[0]!, [word]);
    }
    initialsCache.set(owner, groups);
  }
  return groups;
}

/** The vocabulary word fewest edits from `word` (1 edit, or 2 from 8 letters on), same first letter; ties go to the higher `preference`. */
function closestWord(
  word: string,
  vocabulary: ReadonlyMap<string, readonly string[]>,
  preference: (candidate: string) => number = () => 0,
  onlyMissingLetter = false,
): string | undefined {
  const max = word.length >= 8 ? 2 : 1;
  let best: { word: string; distance: number; preference: number } | undefined;
  for (const candidate of vocabulary.get(word[0]!) ?? []) {
    if (Math.abs(candidate.length - word.length) > max) continue;
    if (onlyMissingLetter && candidate.length !== word.length + 1) continue;
    const distance = editDistance(word, candidate, max);
    if (distance > max) continue;
    const score = preference(candidate);
    if (!best || distance < best.distance || (distance === best.distance && score > best.preference)) best = { word: candidate, distance, preference: score };
  }
  return best?.word;
}

function toQueryTerms(text: string, index: KnowledgeIndex, fromPrevious: boolean): QueryTerm[] {
  const analysed = analyze(correctTypos(text, index));
  const variant = unknownVariant(analysed, index);
  const roleIsContent = ROLE_RELATION.test(normalizeQuestion(text));
  const namesMeaningful = capitalsAreMeaningful(analysed);
  const total = index.passages.length;
  const unknownWeight = index.idf('\u0000unseen');
  const seen = new Set<string>();
  const out: QueryTerm[] = [];
  for (const [i, t] of analysed.entries()) {
    if (seen.has(t.term)) continue;
    if (FRAMING_WORDS.has(t.surface) && !(roleIsContent && ROLE_RELATION.test(`${t.surface} of`))) continue;
    seen.add(t.term);
    // "Grok 3", "V9 Medium 2": a small number right after a name is an edition, read as "v3".
    // The articles name their editions so ("V8", "V9"), and an edition they never name is not covered.
    const previous = analysed[i - 1];
    const edition =
      t.kind === 'number' && /^\d{1,2}$/.test(t.term) && previous !== undefined && previous.position === t.position - 1 &&
      (index.entities.has(previous.term) || index.subjectTerms.has(previous.term));
    let term = edition ? `v${t.term}` : t.term;
    let corrected = false;
    if (!index.documentFrequency.has(term) && t.kind === 'word') {
      const fixed = correctSpelling(t.surface, index) ?? withoutPrefix(t.surface, index);
      if (fixed) {
        term = fixed;
        corrected = true;
      }
    }
    const df = index.documentFrequency.get(term) ?? 0;
    const known = df > 0;
    // "Does it have 2 trillion parameters?": a figure the articles never state is a claim to check
    // against the figure they do state, not a name they do not cover. Years stay strict: "in 2019" is out of range.
    const claimedFigure = !known && QUANTITY_KINDS.has(t.kind) && !isYear(term) && !edition;
    const looksLikeName = !claimedFigure && (t.kind !== 'word' || (namesMeaningful && t.capitalized && t.position > 0));
    const weight = !known
      ? unknownWeight * (looksLikeName || !(MANNER_ADVERB.test(t.surface) || claimedFigure) ? 1 : WEAK_WEIGHT)
      : index.subjectTerms.has(term)
        ? index.idf(term) * SUBJECT_WEIGHT
        : index.idf(term) * (df / total >= TOPIC_SHARE ? 0.5 : 1) * (WEAK_WORDS.has(t.surface) ? WEAK_WEIGHT : 1);
    out.push({
      term: variant && t.kind === 'version' && variant.startsWith(`${term} `) ? variant : term,
      surface: t.surface,
      weight: fromPrevious ? weight * 0.5 : weight,
      known,
      corrected,
      fromPrevious,
      unknownName: (!known && looksLikeName && !fromPrevious) || (!fromPrevious && variant !== undefined && t.kind === 'version' && variant.startsWith(`${term} `)),
    });
  }
  return out;
}

const FOLLOW_UP_CUE = /^(and|but|also|so|what about|how about|and what|ok|okay)\b|\b(it|its|it's|that|this|they|them|their|those|these|he|she|his|her|else|too|same|there)\b/;

/** Short or pronoun-led questions lean on the previous question for their topic. */
export function isFollowUp(question: string, terms: readonly QueryTerm[]): boolean {
  const folded = foldTypography(question).toLowerCase();
  return FOLLOW_UP_CUE.test(folded) || terms.filter((t) => t.known).length <= 1;
}

/**
 * "…according to the English article", "…as the sources report": where an answer should come
 * from, not what it should say. Dropped before the question is read.
 */
// These patterns avoid the 'iu' flag pair: a case-insensitive Unicode regex takes milliseconds to
// compile, which a one-shot `grok-facts ask` would pay on every run.
const PROVENANCE = /\s*,?\s*\b(according to|as reported (by|in)|as per|per|in|from)\s+(the\s+)?([^\s,.;:!?]+\s+){0,3}(article|articles|coverage|source|sources|report|reports|piece|story|stories|outlet|press)\b.*$/i;

/** "@grok-facts", "in this context": who the question is addressed to, or where it stands; not what it asks. */
const ADDRESSING = /(^|\s)@[^\s,;!?]+|\s*,?\s*\bin (this|that|the) (context|case)\b|\b(is it|is this|is that) (true|correct|right|accurate)( that)?\b|\b(true or false|fact[- ]check)\b:?|\b(in (plain|simple|short|layman'?s?) (terms|english|words)|in a nutshell|in short)\b,?/gi;

/** "The two models", "both companies": a count that points back at things named, not a figure asked about. */
const POINTING_COUNT = /\b(the|these|those) (two|three|both)\b/gi;

export function stripProvenance(question: string): string {
  const stripped = question.replace(ADDRESSING, ' ').replace(POINTING_COUNT, '$1').replace(PROVENANCE, '').trim();
  return /[\p{L}\p{N}]/u.test(stripped) ? stripped : question;
}

const ALTERNATIVE_WORDS = /\b([^\s?!.,;:]+) or ([^\s?!.,;:]+)\b/g;
const ASKED_NOUN = /^(?:what|which) ([\p{L}-]+)\b/u;

const RELATION = /^(?:what|who|which)(?:'s| is| was| are| were) (?:the |an? )?([\p{L}-]+) of\b/u;

/**
 * The noun in "what is the X of Y" when it is content: not a word of framing ("name",
 * "date"), not a measure the answer type covers ("size", "number"), and used by the articles
 * (an unknown one already counts against coverage).
 */
function relationAsked(folded: string, terms: readonly QueryTerm[], index: KnowledgeIndex): string | undefined {
  const noun = RELATION.exec(folded)?.[1];
  if (!noun || FRAMING_WORDS.has(noun) || QUANTITY_NOUNS.test(noun)) return undefined;
  const term = terms.find((t) => t.surface === noun);
  return term?.known && !index.subjectTerms.has(term.term) ? term.term : undefined;
}

const QUANTITY_NOUNS = /^(size|scale|number|amount|count|percentage|figure|price|cost|valuation|total|value)$/;

/** How a sequence question says "after": the answer type carries it. */
const SEQUENCE_WORDS: ReadonlySet<string> = new Set(['follow', 'follows', 'followed', 'following', 'next', 'step', 'steps', 'phase', 'phases', 'stage', 'stages']);
/** "Why was it built?" asks the purpose of the thing: that it was built is given, not asked. */
const MAKING_WORDS: ReadonlySet<string> = new Set(['build', 'built', 'building', 'design', 'designed', 'create', 'created', 'develop', 'developed', 'make', 'made', 'train', 'trained']);
const TIME_SLOT = /\b(?:what|which) (day|days|month|year|week|date)\b/;
const STEP_SLOT = /\b(?:what|which) ([\p{L}-]+) (?:happens|comes|is|follows)\b/u;

/** "…besides Cursor", "other than Nvidia": what the asker already knows and wants more than. */
const EXCLUSION = /\b(besides|other than|apart from|aside from|except for|except|excluding|not counting|beyond)\s+([^,?!.;]{2,40}?)\s*(?=[,?!.;]|$)/i;

export function analyseQuestion(rawQuestion: string, index: KnowledgeIndex, previous?: string): AnalysedQuestion {
  const question = stripProvenance(rawQuestion);
  const folded = normalizeQuestion(question);
  const detected = detectAnswerType(folded);
  const exclusion = EXCLUSION.exec(question);
  const excluded = exclusion ? toQueryTerms(exclusion[2]!, index, false).map((t) => t.term) : [];
  // "What stage comes after X", "what day did…": the stage or the day is what is asked for, as the answer type says.
  const sequence = detected.answerType === 'sequence';
  const slotWord = sequence ? STEP_SLOT.exec(folded)?.[1] : detected.answerType === 'time' ? TIME_SLOT.exec(folded)?.[1] : undefined;
  const terms = toQueryTerms(exclusion ? question.replace(exclusion[0], ' ') : question, index, false).filter(
    (t) => t.surface !== slotWord && !(sequence && SEQUENCE_WORDS.has(t.surface)) && !(detected.answerType === 'reason' && MAKING_WORDS.has(t.surface)),
  );
  // "Who is Elon Musk?" names who it is about: it asks what the sources say of them, not for another name.
  const aboutNamed = /^who (is|was|are|were) /.test(folded) && terms.some((t) => t.known && index.entities.has(t.term) && !index.subjectTerms.has(t.term));
  const { answerType, strictType } = aboutNamed ? { answerType: 'any' as const, strictType: false } : detected;
  if (previous && isFollowUp(question, terms)) {
    const present = new Set(terms.map((t) => t.term));
    for (const carried of toQueryTerms(previous, index, true)) {
      if (carried.known && !present.has(carried.term)) terms.push(carried);
    }
  }
  const definition = DEFINITION.exec(folded);
  const defines = definition ? toQueryTerms(definition[1]!, index, false).filter((t) => t.known).map((t) => t.term) : [];
  const requiredNames = terms
    .filter((t) => !t.fromPrevious && t.known && index.entities.has(t.term) && !index.subjectTerms.has(t.term))
    .map((t) => t.term);
  const measures = answerType === 'quantity' ? findMeasures(folded, terms) : [];
  const relative = answerType === 'quantity' && RELATIVE.test(folded);
  const wantsMoney = answerType === 'quantity' && PRICE_QUESTION.test(folded) && !relative;
  const anyName = requiredNames.length > 1 && /\bor\b/.test(folded);
  const focusNames = terms
    .filter((t) => requiredNames.includes(t.term) && /^[\p{L}\p{N}-]+$/u.test(t.surface))
    .filter((t) => new RegExp(`\\b${t.surface}'s\\b|\\b(what|how) (did|does|do|has|have|will|is|was) ${t.surface}\\b`, 'u').test(folded))
    .map((t) => t.surface);
  const calendarWord = answerType === 'time' ? slotWord : undefined;
  const calendar = calendarWord === 'year' ? ('year' as const) : calendarWord && calendarWord !== 'week' ? ('date' as const) : undefined;
  const nounWord = ASKED_NOUN.exec(folded)?.[1];
  const askedNoun = terms.find((t) => t.surface === nounWord && t.known && !index.subjectTerms.has(t.term))?.term;
  const alternatives = [...folded.matchAll(ALTERNATIVE_WORDS)].flatMap((m) => terms.filter((t) => t.surface === m[1] || t.surface === m[2]).map((t) => t.term));
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
    terms,
  };
}

const PRICE_QUESTION = /\bhow much (do|does|did|will|would|is|was|are|were|should|could)\b.*\b(cost|costs|charge|charges|pay|paid|priced)\b|\bhow expensive\b|\b(price|pricing|prices|price tag|subscription|fee|fees)\b/;
/**
 * "How much bigger", "by how much", "how much did the cost drop": the answer is a ratio or a
 * change ("three times", "40%", "1/35"), not an absolute figure, and not a price.
 */
const RELATIVE = /\b(bigger|larger|smaller|faster|slower|cheaper|higher|lower|more|less|by how much|how many times|increase|increased|grow|grew|drop|dropped|drops|fall|fell|decrease|decreased|decline|declined|reduce|reduced|reduction|cut|save|saving|savings|change|changed|compared|than)\b/;

/** The words of the price synonym group, compared as written: normalizing "cost" would stem a whole bucket of words cold. */
const PRICE_WORDS: ReadonlySet<string> = new Set(SYNONYM_GROUPS.find((g) => g[0] === 'cost') ?? []);

const MEASURED_NOUN = /\bhow (?:many|much)\s+([\p{L}-]+)/u;
const NOT_A_NOUN = /^(does|did|do|is|was|are|were|has|have|had|will|would|can|could|should|of|more|less|bigger|smaller|cheaper|faster|larger)$/;

/** The thing a quantity question measures: the noun after "how many"/"how much", or a word of price. */
function findMeasures(folded: string, terms: readonly QueryTerm[]): string[] {
  const measures = new Set<string>();
  const noun = MEASURED_NOUN.exec(folded)?.[1];
  // Through the question's own terms, so a misspelt "paramters" measures the corrected word. A
  // measured word the corpus never uses ("how many people work at …") stays, and no figure can meet it.
  if (noun && !NOT_A_NOUN.test(noun)) {
    const term = terms.find((t) => t.surface === noun);
    measures.add(term?.known ? term.term : `\u0000${noun}`);
  }
  for (const t of terms) if (PRICE_WORDS.has(t.surface)) measures.add(t.term);
  return [...measures];
}

const DEFINITION = /^(?:what(?: is|'s| are| does)|define|meaning of)\s+(?:an? |the )?([\p{L}\p{N} '"-]{2,32}?)(?:\s+(?:mean|stand for|stands for|refer to|refers to))?\s*\??$/u;

