import { isYear } from '../../index/answer-features.js';
import { SEARCH_FIELD, splitTerms, type IndexedPassage, type KnowledgeIndex } from '../../index/index-model.js';
import { withEvery } from '../../index/top-matches.js';
import { analyze, normalizeWord, type Term } from '../../text/analyze.js';
import { tokenize } from '../../text/tokenize.js';
import { byInitial, closestWord, correctTypos } from './spelling.js';
import { englishBand, nearestEnglish } from '../../text/english.js';
import { READING } from '../model/reading-weights.js';
import { normalizeQuestion, sentenceOpeners } from './normalise.js';
import { otherLanguageWords } from './language.js';

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
  /** From a clause that gives the reason for asking, not the question. */
  fromContext: boolean;
  /** A name or version the corpus has never mentioned (GPT-5, Llama 4, Louvre). */
  unknownName: boolean;
  /** A word of another language, in a clause written partly in it (language.ts). */
  otherLanguage: boolean;
}

/** Verbs so common in questions ("which data was used") that they count for little. */
export const WEAK_WORDS: ReadonlySet<string> = new Set([
  'use', 'used', 'using', 'uses', 'need', 'needs', 'have', 'has', 'good', 'big', 'built', 'build', 'designed', 'design',
  'meant', 'intended', 'supposed', 'question', 'questions',
]);
export const WEAK_WEIGHT = 0.3;

/**
 * Words that name the kind of answer wanted or frame the question rather than carry its
 * content: "the CEO who announced", "the release date", "what role does X play", "according
 * to the sources". The answer type carries their meaning. Compared as written, not stemmed,
 * so "announcement" is not mistaken for "announced".
 */
export const FRAMING_WORDS: ReadonlySet<string> = new Set(
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
export const ROLE_RELATION = /\b(ceo|founder|founders|president|chairman|boss|chief|owner|head|executive|cto|cfo)\s+(of|at)\b|'s\s+(ceo|founder|founders|president|chairman|boss|owner|head|cto|cfo)\b/;

/**
 * Adverbs of manner or stance ("eventually", "officially", "seriously") the corpus does not use
 * shade a question without naming what it asks, unlike an unknown noun ("weather", "Louvre").
 * Adverbs of frequency ("monthly", "daily") do name a measure, so they keep their weight.
 */
export const MANNER_ADVERB = /^(?!(daily|weekly|monthly|yearly|hourly|quarterly|annually|nightly)$)\p{L}{3,}ly$/u;

export const QUANTITY_KINDS: ReadonlySet<string> = new Set(['number', 'money', 'percent', 'fraction']);

/** Every question is implicitly about the story's subject, so naming it adds little. */
export const SUBJECT_WEIGHT = 0.2;

/** Share of the corpus's passages above which a word is the story's subject, not a distinguishing detail. */
export const TOPIC_SHARE = 0.12;

export function correctSpelling(surface: string, index: KnowledgeIndex): string | undefined {
  // A real English word ("founded", "total") is what the asker meant, not a typo of a corpus word ("funded").
  if (surface.length < 4 || !/^\p{L}+$/u.test(surface) || englishBand(surface) > 0) return undefined;
  // Between equally close words, the one more passages use. A four-letter word is only taken
  // for a five-letter one missing a letter ("smal", "tokn"): at that length other edits too
  // often turn one real word into another.
  const word = closestWord(surface, byInitial(index.surfaceWords.keys(), index), (w) => index.documentFrequency.get(index.surfaceWords.get(w)!) ?? 0, surface.length < 5);
  return word === undefined ? undefined : index.surfaceWords.get(word);
}

/** How much more often the meant word must occur than the next word with the same start. */
const ABBREVIATION_DOMINANCE = 3;

/**
 * "infra", "reorg", "quant", "repo": chat cuts a long word short. An unknown word that starts
 * the words of one index term (and no other as often) is that term. Words of general English are
 * left alone ("hard" is not "hardware", nor "fire" "firepower"), and so are cut-offs of three
 * letters, which are as often a name written in lower case ("ben", "val") as a word cut short.
 */
export function abbreviated(surface: string, index: KnowledgeIndex): string | undefined {
  if (surface.length < 4 || surface.length > 6 || !/^\p{Ll}+$/u.test(surface) || englishBand(surface) === 1) return undefined;
  const byTerm = new Map<string, number>();
  for (const word of byInitial(index.surfaceWords.keys(), index).get(surface[0]!) ?? []) {
    if (word.length < surface.length + 2 || !word.startsWith(surface)) continue;
    const term = index.surfaceWords.get(word)!;
    byTerm.set(term, index.documentFrequency.get(term) ?? 0);
  }
  const [first, second] = [...byTerm].sort((a, b) => b[1] - a[1]);
  return first && (!second || first[1] >= ABBREVIATION_DOMINANCE * second[1]) ? first[0] : undefined;
}

/**
 * The social network X: the corpus writes it beside its kind ("the social platform X"), which
 * the index keeps as one name; a question calls it plain "X". Only the capital standing alone:
 * a lower-case x is as often "times" ("how many x bigger") or part of a word ("x-ray").
 */
const X_PLATFORM = 'x-platform';

export const PREFIXES = ['under', 'over', 'pre', 'post', 're', 'non', 'multi', 'co', 'sub', 'super', 'mis', 'out', 'up'];

/** "undertrained", "pretraining": a prefix glued to a word the corpus knows (it writes "under-trained"). */
export function withoutPrefix(surface: string, index: KnowledgeIndex): string | undefined {
  for (const prefix of PREFIXES) {
    if (!surface.startsWith(prefix) || surface.length - prefix.length < 4) continue;
    const term = normalizeWord(surface.slice(prefix.length));
    if (index.documentFrequency.has(term)) return term;
  }
  return undefined;
}

/** A question written mostly in capitals (a headline, or shouting) says nothing about which words are names. */
export function capitalsAreMeaningful(text: string): boolean {
  // Counted over every word after the first, short ones too: in "Who won the World Cup?" two of
  // four are capitals (a name), in "How Many Parameters Does It Have?" all are (Title Case).
  const words = tokenize(text).slice(1).filter((t) => t.kind === 'word');
  return words.filter((t) => t.capitalized).length <= Math.max(1, words.length / 2);
}

/** Words that name a model's size or edition: "V8 Small", "V9 Medium", "GPT Mini". */
export const VARIANT_WORDS = new Set(['small', 'medium', 'large', 'mini', 'micro', 'nano', 'pro', 'ultra', 'max', 'lite', 'plus', 'base', 'xl', 'turbo', 'heavy', 'flash']);

/**
 * "V8 Large" when the sources only know "V8 Small": a version followed by an edition word the
 * corpus never puts after it is a model the articles do not cover.
 */
export function unknownVariant(analysed: readonly Term[], index: KnowledgeIndex): string | undefined {
  for (let i = 0; i + 1 < analysed.length; i++) {
    const version = analysed[i]!;
    const next = analysed[i + 1]!;
    if (version.kind !== 'version' || next.position !== version.position + 1 || !VARIANT_WORDS.has(next.surface)) continue;
    if (!index.versionNames.has(`${version.term} ${next.term}`) && [...index.versionNames].some((n) => n.startsWith(`${version.term} `))) return `${version.term} ${next.term}`;
  }
  return undefined;
}

export interface TermOptions {
  /** Carried over from the previous question of a follow-up. */
  fromPrevious?: boolean;
  /** From a clause of the message that asks nothing ("my manager wants it for a slide"). */
  fromContext?: boolean;
  /** The word the question asks for ("what is the weather…"): unknown, it changes what is asked, however common. */
  head?: string;
  /** Compounds the corpus writes with a framing word as head ("context window": compounds.ts), whose head is content. */
  compounds?: ReadonlySet<string>;
}

/** Whether the term at `i` of an analysed text is the head of one of the compounds. */
function headsCompound(analysed: readonly { surface: string; position: number }[], i: number, compounds: ReadonlySet<string> | undefined): boolean {
  const before = analysed[i - 1];
  if (!compounds || compounds.size === 0 || before === undefined || before.position !== analysed[i]!.position - 1) return false;
  return compounds.has(`${before.surface} ${analysed[i]!.surface}`);
}

export function toQueryTerms(text: string, index: KnowledgeIndex, options: TermOptions = {}): QueryTerm[] {
  const fromPrevious = options.fromPrevious ?? false;
  const fromContext = options.fromContext ?? false;
  const analysed = expandGluedEditions(analyze(correctTypos(text, index)), index);
  const variant = unknownVariant(analysed, index);
  const roleIsContent = ROLE_RELATION.test(normalizeQuestion(text));
  const namesMeaningful = capitalsAreMeaningful(text);
  const openers = sentenceOpeners(text);
  const otherLanguage = otherLanguageWords(text, index);
  const asksOfWords = analysed.some((t) => t.kind === 'word' && index.documentFrequency.has(t.term));
  const total = index.passages.length;
  const unknownWeight = index.idf('\u0000unseen');
  const seen = new Set<string>();
  const out: QueryTerm[] = [];
  for (const [i, t] of analysed.entries()) {
    if (seen.has(t.term)) continue;
    if (FRAMING_WORDS.has(t.surface) && !headsCompound(analysed, i, options.compounds) && !(roleIsContent && ROLE_RELATION.test(`${t.surface} of`))) continue;
    seen.add(t.term);
    // "Grok 3", "V9 Medium 2": a small number right after a name is an edition, read as "v3".
    // The articles name their editions so ("V8", "V9"), and an edition they never name is not covered;
    // but a name they write with that number ("Colossus 2") is that thing's name, not an edition.
    const previous = analysed[i - 1];
    const edition =
      t.kind === 'number' && /^\d{1,2}$/.test(t.term) && previous !== undefined && previous.position === t.position - 1 &&
      (index.entities.has(previous.term) || index.subjectTerms.has(previous.term)) && !corpusWritesAdjacent(previous.term, t.term, index);
    let term = edition ? `v${t.term}` : t.term;
    let corrected = false;
    if (t.surface === 'x' && t.capitalized && !index.documentFrequency.has('x') && index.documentFrequency.has(X_PLATFORM)) term = X_PLATFORM;
    // "90 or 40?": chat drops the percent sign of a figure the articles write as "90%". Not when a
    // word counts it ("90 days", "40 investors"), nor in a question that is only figures ("is it 90?").
    const counted = analysed[i + 1]?.kind === 'word' && analysed[i + 1]!.position === t.position + 1;
    if (t.kind === 'number' && !counted && asksOfWords && /^\d+(\.\d+)?$/.test(term) && !index.documentFrequency.has(term) && index.documentFrequency.has(`${term}%`)) {
      term = `${term}%`;
      corrected = true;
    }
    // "anounce", "evrything": a misspelt English word, which the articles may use spelt right.
    const misspell = () =>
      t.kind === 'word' && !t.capitalized && englishBand(t.surface) === 0 ? nearestEnglish(t.surface, (w) => index.documentFrequency.has(normalizeWord(w))) : undefined;
    let misspelt: ReturnType<typeof nearestEnglish>;
    if (!index.documentFrequency.has(term) && t.kind === 'word') {
      const fromEnglish = () => {
        misspelt = misspell();
        const meant = misspelt && normalizeWord(misspelt.word);
        return meant && index.documentFrequency.has(meant) ? meant : undefined;
      };
      const fixed = correctSpelling(t.surface, index) ?? withoutPrefix(t.surface, index) ?? abbreviated(t.surface, index) ?? fromEnglish();
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
    // A capital opening a sentence says nothing of a name: "Asking because…", "Legal is asking…".
    const looksLikeName = !claimedFigure && (t.kind !== 'word' || (namesMeaningful && t.capitalized && t.position > 0 && !openers.has(t.surface)));
    const weight = !known
      ? unknownWeight * unknownShare(t, looksLikeName, claimedFigure, options.head, misspelt?.band)
      : index.subjectTerms.has(term)
        ? index.idf(term) * SUBJECT_WEIGHT
        : index.idf(term) * (df / total >= TOPIC_SHARE ? 0.5 : 1) * (WEAK_WORDS.has(t.surface) ? WEAK_WEIGHT : 1);
    out.push({
      term: variant && t.kind === 'version' && variant.startsWith(`${term} `) ? variant : term,
      surface: t.surface,
      weight: weight * (fromPrevious ? 0.5 : 1) * (fromContext ? READING.contextClause : 1),
      known,
      corrected,
      fromPrevious,
      fromContext,
      unknownName: (!known && looksLikeName && !fromPrevious && !fromContext) || (!fromPrevious && variant !== undefined && t.kind === 'version' && variant.startsWith(`${term} `)),
      // A word read as a name is a name, though the same word in lower case elsewhere was the other language's.
      otherLanguage: !known && !looksLikeName && otherLanguage.has(t.surface),
    });
  }
  return out;
}

/**
 * The passages that write `first` immediately followed by `second` (index terms). Only passages
 * with both words can: a word as common as the story's subject is in most of a large corpus, and
 * scanning all of those is not work for every question.
 */
export function* passagesWritingAdjacent(first: string, second: string, index: KnowledgeIndex): Generator<IndexedPassage> {
  for (const id of withEvery(index.search, SEARCH_FIELD, splitTerms(`${first} ${second}`))) {
    const passage = index.passages[id];
    const terms = passage?.terms ?? [];
    for (let i = 0; i + 1 < terms.length; i++) {
      if (terms[i]!.term === first && terms[i + 1]!.term === second && terms[i + 1]!.position === terms[i]!.position + 1) {
        yield passage!;
        break;
      }
    }
  }
}

/** Whether some passage writes `first` immediately followed by `second`. */
export function corpusWritesAdjacent(first: string, second: string, index: KnowledgeIndex): boolean {
  return !passagesWritingAdjacent(first, second, index).next().done;
}

/**
 * How much a word the articles never use counts, as a share of the rarest word's weight. A
 * name, a figure's claim or the word asked for counts in full; an everyday English word
 * ("total", "officially", "meeting") only shades the question, so it counts little.
 */
function unknownShare(t: Term, looksLikeName: boolean, claimedFigure: boolean, head: string | undefined, misspeltBand: 1 | 2 | undefined): number {
  if (claimedFigure) return WEAK_WEIGHT;
  if (looksLikeName || t.kind !== 'word' || t.surface === head) return 1;
  // A misspelt English word counts as the word meant.
  const band = misspeltBand ?? englishBand(t.surface);
  if (band === 1) return READING.commonWord;
  if (band === 2) return READING.knownWord;
  if (MANNER_ADVERB.test(t.surface)) return WEAK_WEIGHT;
  // Written in lower case and in no dictionary: chat slang ("nah", "ong", "strat") as often as a term.
  return t.capitalized ? 1 : READING.oddWord;
}

/**
 * "v9m", "v8s": a version glued to the first letters of the edition the corpus names after it
 * ("V9 Medium", "V8 Small") is that version and edition, as chat abbreviates them.
 */
function expandGluedEditions(terms: Term[], index: KnowledgeIndex): Term[] {
  if (!terms.some((t) => t.kind === 'compound' && !index.documentFrequency.has(t.term))) return terms;
  return terms.flatMap((t) => {
    const glued = /^(v\d+(?:\.\d+)?)([a-z]{1,3})$/.exec(t.term);
    if (t.kind !== 'compound' || !glued || index.documentFrequency.has(t.term)) return [t];
    const [, version, start] = glued;
    const named = [...index.versionNames].find((n) => n.startsWith(`${version} `) && n.split(' ')[1]!.startsWith(start!));
    if (!named) return [t];
    const edition = named.split(' ')[1]!;
    return [
      { ...t, term: version!, surface: version!, kind: 'version' as const },
      { ...t, term: edition, surface: edition, kind: 'word' as const, position: t.position + 1 },
    ];
  });
}
