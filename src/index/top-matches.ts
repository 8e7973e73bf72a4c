import type MiniSearch from 'minisearch';

/**
 * MiniSearch's own OR search, restricted to the best few results, read straight from its
 * postings. `search()` builds a result object (score, terms, match) for every passage any word
 * reaches and sorts them all: at 10,000 articles a question's words reach tens of thousands of
 * passages, and that was nine tenths of an answer's time, for the 40 candidates kept.
 *
 * The scores are MiniSearch's to the last bit: the same BM25 expression over the same inputs,
 * summed in the same order (word by word, as its OR combinator adds them), times the number of
 * distinct words matched; ties keep MiniSearch's order (the order passages were first reached,
 * as its stable sort leaves them). test/core/top-matches.test.ts holds it to `search()`.
 *
 * Reads MiniSearch's protected fields (its postings, field lengths and average), so the version
 * is pinned in package.json; where they are not as this expects, or discarded documents are
 * still in the postings (which `search()` drops as it meets them, changing later scores), it
 * answers through `search()` itself.
 */

export interface TermQuery {
  term: string;
  boost: number;
}

export interface TopMatch {
  id: number;
  score: number;
}

/** The protected state of a MiniSearch instance that scoring reads (minisearch 7.2). */
interface Internals {
  _index: { get(term: string): Map<number, Map<number, number>> | undefined };
  _documentCount: number;
  _documentIds: Map<number, unknown>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _nextId: number;
  _options: { searchOptions: { bm25: { k: number; b: number; d: number } } };
}

/** Scratch space reused across questions (answers run one at a time), so none is allocated per posting. */
let scores = new Float64Array(0);
let matchedWords = new Uint32Array(0);
let reached = new Int32Array(0);

function scratchFor(size: number): void {
  if (scores.length >= size) return;
  scores = new Float64Array(size);
  matchedWords = new Uint32Array(size);
  reached = new Int32Array(size);
}

/**
 * `k * (1 - b + b * fieldLength / avgFieldLength)` per document, as calcBM25Score works it out
 * for every posting: worked out once per state of the index (an added or removed document
 * moves the average, and the next question works them out again).
 */
const normsCache = new WeakMap<object, { avgFieldLength: number; nextId: number; documentCount: number; norms: Float64Array }>();

function lengthNorms(ms: Internals, fieldId: number): Float64Array {
  const avgFieldLength = ms._avgFieldLength[fieldId]!;
  const cached = normsCache.get(ms);
  if (cached && cached.avgFieldLength === avgFieldLength && cached.nextId === ms._nextId && cached.documentCount === ms._documentCount) return cached.norms;
  const { k, b } = ms._options.searchOptions.bm25;
  const norms = new Float64Array(ms._nextId);
  for (const [docId, lengths] of ms._fieldLength) norms[docId] = k * (1 - b + (b * lengths[fieldId]!) / avgFieldLength);
  normsCache.set(ms, { avgFieldLength, nextId: ms._nextId, documentCount: ms._documentCount, norms });
  return norms;
}

/** Bits of the distinct words fit one Uint32 per passage. */
const MAX_DISTINCT_WORDS = 32;

function usable(search: MiniSearch<any>, field: string, distinct: number): Internals | undefined {
  const s = search as unknown as Partial<Internals>;
  const ok =
    search.dirtCount === 0 && distinct <= MAX_DISTINCT_WORDS && typeof s._index?.get === 'function' && s._fieldLength instanceof Map &&
    s._documentIds instanceof Map && Array.isArray(s._avgFieldLength) && typeof s._fieldIds?.[field] === 'number' &&
    typeof s._documentCount === 'number' && typeof s._nextId === 'number' && typeof s._options?.searchOptions?.bm25?.k === 'number';
  return ok ? (s as Internals) : undefined;
}

/** Whether `a` ranks before `b` in MiniSearch's order: higher score, then reached first. */
const before = (scoreA: number, rankA: number, scoreB: number, rankB: number) => scoreA > scoreB || (scoreA === scoreB && rankA < rankB);

/**
 * The first `limit` results of `search.search(terms joined, { combineWith: 'OR', boostTerm })`
 * over one field, without prefix or fuzzy matching, as `{ id, score }`.
 */
export function topMatches(search: MiniSearch<any>, field: string, terms: readonly TermQuery[], limit: number): TopMatch[] {
  const firstOf = new Map<string, number>();
  for (const t of terms) if (!firstOf.has(t.term)) firstOf.set(t.term, firstOf.size);
  const ms = usable(search, field, firstOf.size);
  if (!ms) {
    const boostOf = new Map(terms.map((t) => [t.term, t.boost]));
    return search
      .search(terms.map((t) => t.term).join(' '), { combineWith: 'OR', prefix: false, fuzzy: false, boostTerm: (term) => boostOf.get(term) ?? 1 })
      .slice(0, limit)
      .map((r) => ({ id: r.id as number, score: r.score }));
  }
  const fieldId = ms._fieldIds[field]!;
  const { k, b, d } = ms._options.searchOptions.bm25;
  const norms = lengthNorms(ms, fieldId);
  const totalCount = ms._documentCount;
  scratchFor(ms._nextId);
  let count = 0;
  for (const t of terms) {
    const freqs = ms._index.get(t.term)?.get(fieldId);
    if (freqs === undefined) continue;
    const matchingCount = freqs.size;
    const bit = 1 << firstOf.get(t.term)!;
    const boost = t.boost;
    // calcBM25Score's expression, its idf and length norm hoisted: the same operations on the same values.
    const invDocFreq = Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
    freqs.forEach((termFreq, docId) => {
      const weighted = boost * (invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + norms[docId]!)));
      if (matchedWords[docId] === 0) {
        reached[count++] = docId;
        scores[docId] = weighted;
      } else {
        scores[docId] = scores[docId]! + weighted;
      }
      matchedWords[docId] = matchedWords[docId]! | bit;
    });
  }
  // The best `limit`, kept sorted; passages come in the order first reached, so an equal score never displaces.
  const topScore: number[] = [];
  const topRank: number[] = [];
  for (let rank = 0; rank < count; rank++) {
    const docId = reached[rank]!;
    const score = scores[docId]! * popcount(matchedWords[docId]!);
    matchedWords[docId] = 0;
    if (topScore.length === limit && !before(score, rank, topScore[limit - 1]!, topRank[limit - 1]!)) continue;
    let at = topScore.length;
    while (at > 0 && before(score, rank, topScore[at - 1]!, topRank[at - 1]!)) at--;
    topScore.splice(at, 0, score);
    topRank.splice(at, 0, rank);
    if (topScore.length > limit) {
      topScore.pop();
      topRank.pop();
    }
  }
  return topRank.map((rank, i) => ({ id: ms._documentIds.get(reached[rank]!) as number, score: topScore[i]! }));
}

function popcount(bits: number): number {
  let n = 0;
  for (let v = bits; v !== 0; v &= v - 1) n++;
  return n;
}

/**
 * The ids of the documents holding every one of `terms`, like an AND search without its
 * scoring: walks the rarest word's postings and looks the others up, so a word as common as
 * the story's subject costs lookups, not a result object per passage. In no particular order.
 */
export function withEvery(search: MiniSearch<any>, field: string, terms: readonly string[]): number[] {
  const ms = usable(search, field, 0);
  if (!ms || terms.length === 0) {
    return search.search(terms.join(' '), { combineWith: 'AND', prefix: false, fuzzy: false }).map((r) => r.id as number);
  }
  const fieldId = ms._fieldIds[field]!;
  const postings: Map<number, number>[] = [];
  for (const term of terms) {
    const freqs = ms._index.get(term)?.get(fieldId);
    if (freqs === undefined) return [];
    postings.push(freqs);
  }
  postings.sort((a, b) => a.size - b.size);
  const [rarest, ...others] = postings as [Map<number, number>, ...Map<number, number>[]];
  const ids: number[] = [];
  for (const docId of rarest.keys()) if (others.every((p) => p.has(docId))) ids.push(ms._documentIds.get(docId) as number);
  return ids;
}

