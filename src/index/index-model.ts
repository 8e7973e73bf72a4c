import type MiniSearch from 'minisearch';
import type { DetectedConflict } from '../conflicts/detect-conflicts.js';
import type { Article } from '../corpus/schema.js';
import type { Passage } from '../passages/schema.js';
import type { Term } from '../text/analyze.js';
import type { AnswerFeatures } from './answer-features.js';

/**
 * The index as the answer engine reads it, and what both building and loading a saved index
 * need. Kept apart from the builder so a start from a saved index never loads the builder.
 */
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

/**
 * Everything the answer engine reads; built once per corpus. Only an incremental add
 * (add-articles.ts) changes one, and it hands back the index to use from then on.
 */
export interface KnowledgeIndex {
  articles: Article[];
  /** Article by its source id (file name without extension). */
  articleBySource: Map<string, Article>;
  passages: IndexedPassage[];
  search: SearchIndex;
  /** Passages containing each term. */
  documentFrequency: Map<string, number>;
  /** Surface word → index term, for correcting typos against words the corpus uses. */
  surfaceWords: Map<string, string>;
  entities: Set<string>;
  /** Names most headlines carry (Grok, xAI): the story itself, implied by every question. */
  subjectTerms: Set<string>;
  /** A version and the word after it, as the corpus writes them ("v8 small", "v9 medium"). */
  versionNames: Set<string>;
  conflicts: DetectedConflict[];
  /** The disagreements each passage is a side of: looked up per cited passage, never scanned. */
  conflictsByPassage: Map<number, DetectedConflict[]>;
  /** Questions the corpus answers well, worked out at build and saved (see suggest-questions.ts). */
  suggestions: string[];
  /** Passages are read from the saved file as questions reach them (lazy-passages.ts): such an index is never extended. */
  lazy?: boolean;
  /**
   * The saved index this one stands on and the article files added to it since, one list per
   * add, in order (add-articles.ts): what the saved additions record, so a start can replay them.
   */
  savedAs?: { base: string; added: string[][] };
  /** Incremental adds since the index was last built (add-articles.ts): a reload builds again after a few. */
  addsSinceBuild?: number;
  idf(term: string): number;
  maxIdf: number;
}

/** MiniSearch over each passage's terms, joined by spaces (see MINISEARCH_OPTIONS). */
export type SearchIndex = MiniSearch<{ id: number; terms: string }>;

/**
 * Options shared by indexing, querying and loading a saved index. Passages are analysed once,
 * by our own pipeline; MiniSearch receives the resulting terms joined by spaces.
 */
export const splitTerms = (text: string) => text.split(' ').filter(Boolean);
/** The one field MiniSearch indexes: a passage's terms. */
export const SEARCH_FIELD = 'terms';
export const MINISEARCH_OPTIONS = {
  fields: [SEARCH_FIELD],
  idField: 'id',
  tokenize: splitTerms,
  processTerm: (term: string) => term,
  searchOptions: { tokenize: splitTerms, processTerm: (term: string) => term },
};


/**
 * What MiniSearch indexes for a passage: its own terms and, for a sentence an article's own
 * question asks about (build-index.ts labelTermsOf), that question's terms, so it is found by them.
 */
export function searchTermsOf(p: Pick<IndexedPassage, 'kind' | 'terms' | 'labelTerms'>): string[] {
  return [...p.terms.map((t) => t.term), ...(p.kind === 'label' ? [] : p.labelTerms)];
}

/** The terms MiniSearch finds a passage by that are not its own: its postings count them, documentFrequency does not. */
export function searchOnlyTerms(p: Pick<IndexedPassage, 'kind' | 'termSet' | 'labelTerms'>): string[] {
  return p.kind === 'label' ? [] : [...p.labelTerms].filter((t) => !p.termSet.has(t));
}

/**
 * In how many passages each term stands, and the index term of each word as written (for typo
 * correction), the first writing kept: counted by a build over the corpus, by an add over what it adds.
 */
export function countTerms(passages: readonly Pick<IndexedPassage, 'terms' | 'termSet'>[]): { documentFrequency: Map<string, number>; surfaceWords: Map<string, string> } {
  const documentFrequency = new Map<string, number>();
  const surfaceWords = new Map<string, string>();
  for (const p of passages) {
    for (const term of p.termSet) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    for (const t of p.terms) if (t.kind === 'word' && !surfaceWords.has(t.surface)) surfaceWords.set(t.surface, t.term);
  }
  return { documentFrequency, surfaceWords };
}

export function idfFor(documentFrequency: ReadonlyMap<string, number>, total: number): (term: string) => number {
  return (term) => {
    const df = documentFrequency.get(term) ?? 0;
    return Math.log(1 + (total - df + 0.5) / (df + 0.5));
  };
}

/** Shared by every passage with nothing in a set: never written to (adding throws). */
const NOTHING: Set<string> = new (class extends Set<string> {
  override add(): this {
    throw new Error('the shared empty set of the index is read-only');
  }
})();

/** A passage's terms as a set, as the index keeps them. */
export function termSetOf(terms: readonly Term[]): Set<string> {
  const set = new Set<string>();
  for (const t of terms) set.add(t.term);
  return set;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  // A loaded passage's context is often its predecessor's very set: no copy, and no walk, to compare it.
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/**
 * Memory per passage is what limits a large corpus: most of a passage's sets are empty (one
 * shared set stands for them all), and its context is most often exactly the sentence before
 * (that passage's own term set, given as `before`, is shared rather than copied).
 */
export function compactPassage(p: IndexedPassage, before: ReadonlySet<string> | undefined): IndexedPassage {
  const none = (set: Set<string>) => (set.size === 0 ? NOTHING : set);
  p.labelTerms = none(p.labelTerms);
  p.contextTerms = before && sameSet(before, p.contextTerms) ? (before as Set<string>) : none(p.contextTerms);
  const f = p.features;
  f.quantities = none(f.quantities);
  f.times = none(f.times);
  f.entities = none(f.entities);
  f.places = none(f.places);
  return p;
}

/** "v9 medium": a version and the word after it, as a passage writes them. */
export function versionNamesOf(terms: readonly Term[], into: Set<string>): void {
  terms.forEach((t, i) => {
    const next = terms[i + 1];
    if (t.kind === 'version' && next && next.position === t.position + 1 && next.kind === 'word') into.add(`${t.term} ${next.term}`);
  });
}

function compactAll(passages: readonly IndexedPassage[]): void {
  passages.forEach((p, i) => compactPassage(p, passages[i - 1]?.termSet));
}

type IndexParts = Pick<KnowledgeIndex, 'articles' | 'passages' | 'search' | 'entities' | 'subjectTerms' | 'conflicts' | 'surfaceWords' | 'suggestions'>;

/**
 * The index from its parts, deriving what can be derived (version names, idf) and taking the term
 * counts a build has made already (countTerms over these passages).
 */
export function assembleIndex(parts: IndexParts, documentFrequency: Map<string, number>): KnowledgeIndex {
  compactAll(parts.passages);
  const versionNames = new Set<string>();
  for (const p of parts.passages) versionNamesOf(p.terms, versionNames);
  return withDerived(parts, versionNames, documentFrequency);
}

/**
 * A saved index from its parts: what assembleIndex derives from every passage's terms comes from
 * elsewhere, the version names saved with the index and each term's passages counted from
 * MiniSearch's postings (a passage's terms are its document). An index whose passages are read
 * only when asked for (lazy-passages.ts) has no other way; one read whole is spared a walk over
 * its five million terms (a tenth of a load at 10,000 articles). Passages read whole are
 * compacted here; lazy ones as each is read.
 */
export function assembleSavedIndex(parts: IndexParts, versionNames: Set<string>, searchOnly: ReadonlyMap<string, number>, lazy: boolean): KnowledgeIndex {
  if (!lazy) compactAll(parts.passages);
  const documentFrequency = new Map<string, number>();
  const postings = (parts.search as unknown as { _index: Iterable<[string, Map<number, Map<number, number>>]> })._index;
  const fieldId = (parts.search as unknown as { _fieldIds: Record<string, number> })._fieldIds[SEARCH_FIELD]!;
  for (const [term, fields] of postings) {
    const documents = (fields.get(fieldId)?.size ?? 0) - (searchOnly.get(term) ?? 0);
    if (documents > 0) documentFrequency.set(term, documents);
  }
  const index = withDerived(parts, versionNames, documentFrequency);
  return lazy ? { ...index, lazy: true } : index;
}

/** The index from its parts and what is already counted of them: for an incremental add, which counts only what it adds. */
export function withDerived(parts: IndexParts, versionNames: Set<string>, documentFrequency: Map<string, number>): KnowledgeIndex {
  const articleBySource = new Map(parts.articles.map((a) => [a.source, a]));
  const idf = idfFor(documentFrequency, parts.passages.length);
  const conflictsByPassage = new Map<number, DetectedConflict[]>();
  for (const conflict of parts.conflicts) {
    for (const id of new Set(conflict.claims.map((c) => c.passageId))) {
      const list = conflictsByPassage.get(id);
      if (list) list.push(conflict);
      else conflictsByPassage.set(id, [conflict]);
    }
  }
  return { ...parts, articleBySource, versionNames, documentFrequency, conflictsByPassage, idf, maxIdf: idf('') };
}
