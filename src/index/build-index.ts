import MiniSearch from 'minisearch';
import type { Article } from '../corpus/schema.js';
import { detectConflicts, type DetectedConflict } from '../conflicts/detect-conflicts.js';
import { collapseDuplicates } from '../passages/collapse-duplicates.js';
import { extractPassages, type RawPassage } from '../passages/extract-passages.js';
import type { Passage } from '../passages/schema.js';
import { analyze, type Term } from '../text/analyze.js';
import { answerFeatures, type AnswerFeatures } from './answer-features.js';
import { learnEntities } from './entity-lexicon.js';

export interface IndexedPassage extends Passage {
  terms: Term[];
  termSet: Set<string>;
  /** For "Label: value" lines, the terms of the label: what the line is the answer to. */
  labelTerms: Set<string>;
  /**
   * Terms of the sentence before it in its article: "The round attracted investors" is about
   * the Series E named one sentence earlier.
   */
  contextTerms: Set<string>;
  /** Opens by referring back ("The round…", "This merger…", "It…"): the sentence before says what it is about. */
  refersBack: boolean;
  /** A glossary-style line ("Parameter: In an AI model, parameters are…"): answers "what is X", little else. */
  isDefinition: boolean;
  features: AnswerFeatures;
}

/** Everything the answer engine reads; built once per corpus, never mutated afterwards. */
export interface KnowledgeIndex {
  articles: Article[];
  /** Article by its source id (file name without extension). */
  articleBySource: Map<string, Article>;
  passages: IndexedPassage[];
  search: MiniSearch<{ id: number; terms: string }>;
  /** Passages containing each term. */
  documentFrequency: Map<string, number>;
  /** Surface word → index term, for correcting typos against words the corpus uses. */
  surfaceWords: Map<string, string>;
  entities: Set<string>;
  /** Names most headlines carry (Grok, xAI): the story itself, implied by every question. */
  subjectTerms: Set<string>;
  conflicts: DetectedConflict[];
  idf(term: string): number;
  maxIdf: number;
}

/**
 * Options shared by indexing, querying and loading a saved index. Passages are analysed once,
 * by our own pipeline; MiniSearch receives the resulting terms joined by spaces.
 */
const splitTerms = (text: string) => text.split(' ').filter(Boolean);
export const MINISEARCH_OPTIONS = {
  fields: ['terms'],
  idField: 'id',
  tokenize: splitTerms,
  processTerm: (term: string) => term,
  searchOptions: { tokenize: splitTerms, processTerm: (term: string) => term },
};

const REFERS_BACK = /^(the|this|that|these|those|it|its|they|their|he|she|his|her|such)\b/i;
const DEFINITION_VALUE = /^\s*(?:(?:in|for) [^,]{1,40}, )?(?:an? |the |this )?[\p{L} -]{0,40}\b(?:is|are|refers? to|means?)\b/iu;

/** Each raw passage's predecessor in its article, keyed by where it stands. */
function predecessors(raw: readonly RawPassage[]): Map<string, RawPassage> {
  const map = new Map<string, RawPassage>();
  raw.forEach((r, i) => {
    const before = raw[i - 1];
    if (before && before.source === r.source) map.set(`${r.source}:${r.start}`, before);
  });
  return map;
}

function precedingTerms(previousOf: ReadonlyMap<string, RawPassage>, at: { source: string; start: number }): Set<string> {
  const before = previousOf.get(`${at.source}:${at.start}`);
  return new Set(before ? analyze(before.text).map((t) => t.term) : []);
}

/** Names that stand in at least half of the headlines. */
function findSubjectTerms(articles: readonly Article[], entities: ReadonlySet<string>): Set<string> {
  const counts = new Map<string, number>();
  for (const article of articles) {
    for (const term of new Set(analyze(article.title).map((t) => t.term))) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return new Set([...counts].filter(([term, n]) => entities.has(term) && n >= articles.length / 2).map(([term]) => term));
}

export function buildIndex(articles: Article[]): KnowledgeIndex {
  const raw = extractPassages(articles);
  const passages = collapseDuplicates(raw);
  const previousOf = predecessors(raw);
  const analysed = passages.map((p) => ({ ...p, terms: analyze(p.text) }));
  const entities = learnEntities(analysed);

  const documentFrequency = new Map<string, number>();
  const surfaceWords = new Map<string, string>();
  for (const p of analysed) {
    for (const term of new Set(p.terms.map((t) => t.term))) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    for (const t of p.terms) if (t.kind === 'word' && !surfaceWords.has(t.surface)) surfaceWords.set(t.surface, t.term);
  }
  // Conflict detection needs idf before the index is assembled.
  const idf = idfFor(documentFrequency, passages.length);

  const indexed: IndexedPassage[] = analysed.map((p) => ({
    ...p,
    termSet: new Set(p.terms.map((t) => t.term)),
    labelTerms: new Set(p.kind === 'label' ? analyze(p.text.slice(0, p.text.indexOf(':'))).map((t) => t.term) : []),
    contextTerms: precedingTerms(previousOf, p.locations[0]!),
    isDefinition: p.kind === 'label' && DEFINITION_VALUE.test(p.text.slice(p.text.indexOf(':') + 1)),
    refersBack: REFERS_BACK.test(p.text),
    features: answerFeatures(p.text, p.terms, entities),
  }));
  const subjectTerms = findSubjectTerms(articles, entities);

  const search = new MiniSearch<{ id: number; terms: string }>(MINISEARCH_OPTIONS);
  search.addAll(indexed.map((p) => ({ id: p.id, terms: p.terms.map((t) => t.term).join(' ') })));

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
  const conflicts = detectConflicts(indexed, articlesWithValue, idf, idf(String()) / 3);

  return assembleIndex({ articles, passages: indexed, search, entities, subjectTerms, conflicts, surfaceWords });
}

function idfFor(documentFrequency: ReadonlyMap<string, number>, total: number): (term: string) => number {
  return (term) => {
    const df = documentFrequency.get(term) ?? 0;
    return Math.log(1 + (total - df + 0.5) / (df + 0.5));
  };
}

/** The index from its parts, deriving what can be derived (term frequencies, idf): shared by build and load. */
export function assembleIndex(parts: Pick<KnowledgeIndex, 'articles' | 'passages' | 'search' | 'entities' | 'subjectTerms' | 'conflicts' | 'surfaceWords'>): KnowledgeIndex {
  const articleBySource = new Map(parts.articles.map((a) => [a.source, a]));
  const documentFrequency = new Map<string, number>();
  for (const p of parts.passages) for (const term of p.termSet) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const idf = idfFor(documentFrequency, parts.passages.length);
  return { ...parts, articleBySource, documentFrequency, idf, maxIdf: idf('') };
}
