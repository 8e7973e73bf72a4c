import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { MINISEARCH_OPTIONS, SEARCH_FIELD } from '../../src/index/index-model.js';
import { topMatches, withEvery, type TermQuery } from '../../src/index/top-matches.js';

/**
 * topMatches must be MiniSearch's own OR search, cut to the first few: the same ids in the same
 * order with the same scores to the last bit (the ranking's `search` feature is score / best).
 * A small vocabulary makes words shared by many documents, documents with equal scores (whose
 * order is MiniSearch's tie-break), repeated words and repeated documents all common.
 */
const WORDS = ['grok', 'xai', 'v9', 'medium', 'param', 'train', 'chip', 'colossus', '2', '$12', 'nvidia', 'launch', 'week', 'price'];
const doc = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 });
const docs = fc.array(doc, { minLength: 1, maxLength: 80 }).chain((ds) => fc.constant([...ds, ...ds.slice(0, 5)]));
const query = fc.array(
  fc.record({ term: fc.constantFrom(...WORDS, 'absent', 'v9 medium'), boost: fc.oneof(fc.constant(1), fc.double({ min: 0.01, max: 20, noNaN: true })) }),
  { minLength: 1, maxLength: 6 },
);

function indexOf(documents: readonly (readonly string[])[]): MiniSearch<{ id: number; terms: string }> {
  const search = new MiniSearch<{ id: number; terms: string }>(MINISEARCH_OPTIONS);
  search.addAll(documents.map((words, i) => ({ id: i * 7 + 3, terms: words.join(' ') })));
  return search;
}

/** What rank.ts asked MiniSearch before: the words joined, each boosted by its weight (the last given for a repeated word). */
function viaSearch(search: MiniSearch<any>, terms: TermQuery[], limit: number) {
  const boostOf = new Map(terms.map((t) => [t.term, t.boost]));
  return search
    .search(terms.map((t) => t.term).join(' '), { combineWith: 'OR', boostTerm: (term) => boostOf.get(term) ?? 1 })
    .slice(0, limit)
    .map((r) => ({ id: r.id, score: r.score }));
}

/** The query as rank.ts now gives it: split as MiniSearch's tokenizer splits it, each word with its boost. */
function asQuery(terms: TermQuery[]): TermQuery[] {
  const boostOf = new Map(terms.map((t) => [t.term, t.boost]));
  return terms.flatMap((t) => t.term.split(' ')).map((term) => ({ term, boost: boostOf.get(term) ?? 1 }));
}

describe('topMatches: MiniSearch OR search, first results only', () => {
  it('gives the same ids, order and scores as search(), on built and reloaded indexes', () => {
    fc.assert(
      fc.property(docs, query, fc.integer({ min: 1, max: 50 }), (documents, terms, limit) => {
        const built = indexOf(documents);
        const loaded = MiniSearch.loadJSON<{ id: number; terms: string }>(JSON.stringify(built), MINISEARCH_OPTIONS);
        for (const search of [built, loaded]) expect(topMatches(search, SEARCH_FIELD, asQuery(terms), limit)).toEqual(viaSearch(search, terms, limit));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps MiniSearch order between documents of equal score', () => {
    // Five copies of one document score alike; MiniSearch lists them in the order it reached them.
    const search = indexOf([['chip', 'week'], ['grok'], ['grok'], ['grok'], ['grok'], ['grok'], ['chip']]);
    const top = topMatches(search, SEARCH_FIELD, [{ term: 'chip', boost: 1 }, { term: 'grok', boost: 1 }], 4);
    expect(top).toEqual(viaSearch(search, [{ term: 'chip', boost: 1 }, { term: 'grok', boost: 1 }], 4));
    // The shorter chip document first, then the first two of the equal grok documents, in the order added.
    expect(top.map((r) => r.id)).toEqual([45, 3, 10, 17]);
  });

  it('still matches search() once documents are discarded (their postings linger until a vacuum)', () => {
    fc.assert(
      fc.property(docs, query, (documents, terms) => {
        // Two alike indexes: search() drops discarded postings as it meets them, so each is asked once.
        const [ours, theirs] = [indexOf(documents), indexOf(documents)];
        for (const search of [ours, theirs]) for (let i = 0; i < documents.length; i += 3) search.discard(i * 7 + 3);
        expect(topMatches(ours, SEARCH_FIELD, asQuery(terms), 40)).toEqual(viaSearch(theirs, terms, 40));
      }),
      { numRuns: 100 },
    );
  });
});

describe('withEvery: the documents holding all the words', () => {
  it('finds what an AND search finds', () => {
    fc.assert(
      fc.property(docs, fc.array(fc.constantFrom(...WORDS, 'absent'), { minLength: 1, maxLength: 3 }), (documents, words) => {
        const search = indexOf(documents);
        const expected = search.search(words.join(' '), { combineWith: 'AND', prefix: false, fuzzy: false }).map((r) => r.id);
        expect(withEvery(search, SEARCH_FIELD, words).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
      }),
      { numRuns: 200 },
    );
  });
});
