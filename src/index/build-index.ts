import type { Article } from '../corpus/schema.js';
import { answerQuestion } from '../answer/answer.js';
import { suggestQuestions } from '../suggestions/suggest-questions.js';
import { detectConflicts, nameRuns, type NameLexicon } from '../conflicts/detect-conflicts.js';
import { collapseDuplicates } from '../passages/collapse-duplicates.js';
import { extractPassages, type RawPassage } from '../passages/extract-passages.js';
import type { Passage } from '../passages/schema.js';
import { isQuestionSentence } from '../passages/question-sentence.js';
import { analyze, type Term } from '../text/analyze.js';
import { detectAnswerType } from '../answer/reading/answer-type.js';
import { foldTypography } from '../text/fold.js';
import { answerFeatures } from './answer-features.js';
import { bulkSearch } from './bulk-search.js';
import { stepCollector } from './collect-garbage.js';
import { learnEntities } from './entity-lexicon.js';
import { assembleIndex, compactPassage, countTerms, idfFor, searchTermsOf, termSetOf, type IndexedPassage, type KnowledgeIndex } from './index-model.js';

export type { IndexedPassage, KnowledgeIndex } from './index-model.js';

/** Opens by pointing back ("This merger…"), or speaks of "both entities" / "the two companies" named before. */
// Matched against the lower-cased text: a case-insensitive Unicode regex folds case for every
// letter it tries, and this one, run on every passage, was 0.3 s of a 200,000-passage build.
const REFERS_BACK = /^(the|this|that|these|those|it|its|they|their|he|she|his|her|such)\b|\b(both|the two)\s+\p{L}+\b(?!\s+(and|&)\b)/u;
const DEFINITION_VALUE = /^\s*(?:(?:in|for) [^,]{1,40}, )?(?:an? |the |this )?[\p{L} -]{0,40}\b(?:is|are|refers? to|means?)\b/iu;

/** What is read of a raw passage: its display form where it has one (Markdown), else its text. */
const shownText = (p: { text: string; display?: string }): string => p.display ?? p.text;

export interface Context {
  /** Its predecessor in its article, and the heading it stands under. */
  texts: string[];
  /**
   * "Why choose Cursor data? Cursor is the mainstream editor…": an article's own question, right
   * before, says what the sentence answers, as a heading or a "Label:" does.
   */
  askedBy?: string;
}

/** Contexts by source, then by offset: a number key, not a "source:offset" string made and hashed for every passage. */
export type Contexts = ReadonlyMap<string, ReadonlyMap<number, Context>>;

/**
 * Each raw passage's context, keyed by where it stands. Kept as the texts, so each is analysed
 * once (see analyseOnce).
 */
export function contexts(raw: readonly RawPassage[], rawTextOf: ReadonlyMap<string, string>): Contexts {
  const bySource = new Map<string, Map<number, Context>>();
  raw.forEach((r, i) => {
    const previous = raw[i - 1] && raw[i - 1]!.source === r.source ? raw[i - 1] : undefined;
    const before = previous ? shownText(previous) : '';
    const texts = [before, r.label ?? ''].filter(Boolean);
    if (texts.length === 0) return;
    let map = bySource.get(r.source);
    if (map === undefined) bySource.set(r.source, (map = new Map()));
    map.set(r.start, previous && asksAbout(previous, r, rawTextOf.get(r.source) ?? '') ? { texts, askedBy: before } : { texts });
  });
  return bySource;
}

/**
 * Whether an article's question is answered by the passage right after it: in the same paragraph
 * ("Why choose Cursor data? Cursor is…"), or as a heading over it ("## Why Memphis?"). A question
 * that closes a paragraph leaves the next one, about something else, unlabelled; a question after
 * a question is answered by neither.
 */
function asksAbout(question: RawPassage, next: RawPassage, rawText: string): boolean {
  if (!isQuestionSentence(shownText(question)) || isQuestionSentence(shownText(next))) return false;
  return question.kind === 'heading' || !/\n[ \t]*\r?\n/.test(rawText.slice(question.end, next.start));
}

/**
 * Analysis by text, shared between a passage and the passage after it, whose context it is:
 * analysing every preceding sentence a second time was half of all analysis.
 */
export function analyseOnce(): (text: string) => Term[] {
  const cache = new Map<string, Term[]>();
  return (text) => {
    let terms = cache.get(text);
    if (!terms) cache.set(text, (terms = analyze(text)));
    return terms;
  };
}

/** Only the set of terms is read, so the context's parts are analysed apart and their terms joined. */
function precedingTerms(context: Context | undefined, analyse: (text: string) => Term[]): Set<string> {
  const out = new Set<string>();
  for (const text of context?.texts ?? []) for (const t of analyse(text)) out.add(t.term);
  return out;
}

/** The sentence after an article's "Why…?" gives the reason, whether or not it says "because". */
function answersWhy(context: Context | undefined): boolean {
  return context?.askedBy !== undefined && detectAnswerType(foldTypography(context.askedBy).toLowerCase()).answerType === 'reason';
}

/** What a passage is the answer to: a "Label:"'s label, or the article's question right before it. */
function labelTermsOf(p: { kind: string; text: string }, context: Context | undefined, analyse: (text: string) => Term[]): Set<string> {
  if (p.kind === 'label') return new Set(analyze(p.text.slice(0, p.text.indexOf(':'))).map((t) => t.term));
  return new Set(context?.askedBy ? analyse(context.askedBy).map((t) => t.term) : []);
}

/** Names that stand in at least half of the headlines. */
function findSubjectTerms(articles: readonly Article[], entities: ReadonlySet<string>): Set<string> {
  const counts = new Map<string, number>();
  for (const article of articles) {
    for (const term of new Set(analyze(article.title).map((t) => t.term))) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return new Set([...counts].filter(([term, n]) => entities.has(term) && n >= articles.length / 2).map(([term]) => term));
}

/**
 * Analysed passages as the index holds them, each compacted as it is made (see compactPassage)
 * so the build never holds every passage's empty sets at once. Shared by a build and an
 * incremental add (add-articles.ts), whose first new passage follows `before`'s terms.
 */
export function indexPassages(
  analysed: readonly (Passage & { terms: Term[] })[],
  contextOf: Contexts,
  analyse: (text: string) => Term[],
  entities: ReadonlySet<string>,
  before?: Set<string>,
): IndexedPassage[] {
  const compacted = (p: IndexedPassage) => ((before = compactPassage(p, before).termSet), p);
  return analysed.map((p) => {
    const context = contextOf.get(p.locations[0]!.source)?.get(p.locations[0]!.start);
    const features = answerFeatures(p.text, p.terms, entities);
    return compacted({
      ...p,
      termSet: termSetOf(p.terms),
      labelTerms: labelTermsOf(p, context, analyse),
      contextTerms: precedingTerms(context, analyse),
      isDefinition: p.kind === 'label' && DEFINITION_VALUE.test(p.text.slice(p.text.indexOf(':') + 1)),
      refersBack: REFERS_BACK.test(p.text.toLowerCase()),
      features: answersWhy(context) ? { ...features, givesReason: true } : features,
    });
  });
}

/** The names in each article's headline, by source: two headlines naming different subjects are two stories. */
export function headlineNamesOf(articles: readonly Article[], names: Omit<NameLexicon, 'headlineNames'>): Map<string, Set<string>> {
  return new Map(articles.map((a) => [a.source, new Set(nameRuns(analyze(a.title), names))]));
}

/**
 * The build's first step: the corpus's passages, collapsed, analysed and indexed as passages. Its
 * scratch (every raw sentence, the clusters, the contexts, the analysis cache) dies when it
 * returns, rather than living to the end of the build beside the search index being made.
 */
function passagesOf(articles: readonly Article[]): { indexed: IndexedPassage[]; entities: Set<string>; documentFrequency: Map<string, number>; surfaceWords: Map<string, string>; collect: () => void } {
  const raw = extractPassages(articles);
  const collect = stepCollector(raw.length);
  const passages = collapseDuplicates(raw);
  collect();
  const contextOf = contexts(raw, new Map(articles.map((a) => [a.source, a.rawText])));
  const analyse = analyseOnce();
  const analysed = passages.map((p) => ({ ...p, terms: analyse(p.text) }));
  collect();
  const entities = learnEntities(analysed);
  const indexed = indexPassages(analysed, contextOf, analyse, entities);
  return { indexed, entities, ...countTerms(indexed), collect };
}

export function buildIndex(articles: Article[]): KnowledgeIndex {
  const { indexed, entities, documentFrequency, surfaceWords, collect } = passagesOf(articles);
  collect();
  // Conflict detection needs idf before the index is assembled.
  const idf = idfFor(documentFrequency, indexed.length);
  const subjectTerms = findSubjectTerms(articles, entities);

  // The article's own question before a sentence is found with it, as a "Label:" is with its value.
  // One document at a time, so no array of 200,000 documents is held while they are read, and the
  // scratch collected as it goes (see collect-garbage.ts).
  const search = bulkSearch(
    (function* () {
      for (const p of indexed) yield { id: p.id, terms: searchTermsOf(p) };
    })(),
    (count) => count % 100_000 === 0 && collect(),
  );

  // Which articles state each figure: figures one article states together are not a disagreement.
  const articlesWithValue = new Map<string, Set<string>>();
  for (const p of indexed) {
    for (const t of p.terms) {
      if (t.kind === 'word') continue;
      const articles = articlesWithValue.get(t.term) ?? new Set<string>();
      for (const location of p.locations) articles.add(location.source);
      articlesWithValue.set(t.term, articles);
    }
  }
  const names = { entities, subjectTerms };
  collect();
  const conflicts = detectConflicts(indexed, articlesWithValue, idf, idf(String()) / 3, { ...names, headlineNames: headlineNamesOf(articles, names) });

  const index = assembleIndex({ articles, passages: indexed, search, entities, subjectTerms, conflicts, surfaceWords, suggestions: [] }, documentFrequency);
  // Worked out once here and saved with the index, so no start, reload or refusal pays for it.
  index.suggestions = suggestQuestions(index, (q) => answerQuestion(index, q));
  return index;
}

