import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { bulkSearch } from '../../src/index/bulk-search.js';
import { MINISEARCH_OPTIONS, type SearchIndex } from '../../src/index/index-model.js';
import { searchLines } from '../../src/index/saved-search.js';

/**
 * bulkSearch must leave the MiniSearch that one `add` per document leaves: the same term tree in
 * the same order, the same postings, field lengths and running mean to the last bit. A small
 * vocabulary makes repeated words, shared words, empty terms, terms with a space and empty
 * documents common.
 */
const WORDS = ['grok', 'xai', 'v9', 'medium', 'param', 'train', 'chip', 'colossus', '2', '$12', 'nvidia', 'launch', 'week', 'price', 'v9 medium', '', ' grok', 'chip  v9'];
const documents = fc.array(fc.array(fc.constantFrom(...WORDS), { maxLength: 12 }), { maxLength: 60 }).map((docs) => docs.map((words, i) => ({ id: i * 7 + 3, terms: words })));

function byAdds(docs: readonly { id: number; terms: readonly string[] }[]): SearchIndex {
  const search = new MiniSearch<{ id: number; terms: string }>(MINISEARCH_OPTIONS);
  for (const d of docs) search.add({ id: d.id, terms: d.terms.join(' ') });
  return search;
}

describe('bulkSearch', () => {
  it('leaves the index one add per document leaves', () => {
    fc.assert(
      fc.property(documents, (docs) => {
        const bulk = bulkSearch(docs);
        const added = byAdds(docs);
        expect(JSON.stringify(bulk.toJSON())).toBe(JSON.stringify(added.toJSON()));
        expect([...searchLines(bulk)]).toEqual([...searchLines(added)]);
        for (const q of ['grok', 'v9 medium chip', 'price week', 'absent']) expect(bulk.search(q)).toEqual(added.search(q));
      }),
      { numRuns: 200 },
    );
  });

  it('takes later adds and discards as an added index does', () => {
    const docs = [
      { id: 1, terms: ['grok', 'v9 medium', 'param'] },
      { id: 2, terms: ['colossus', 'chip', 'chip', 'nvidia', ''] },
    ];
    const bulk = bulkSearch(docs);
    const added = byAdds(docs);
    for (const search of [bulk, added]) {
      search.add({ id: 3, terms: 'grok launch week' });
      search.discard(1);
    }
    expect(JSON.stringify(bulk.toJSON())).toBe(JSON.stringify(added.toJSON()));
    expect(bulk.search('grok')).toEqual(added.search('grok'));
  });

  it('refuses a duplicate id, as add does', () => {
    expect(() => bulkSearch([{ id: 4, terms: ['grok'] }, { id: 4, terms: ['xai'] }])).toThrow(/duplicate ID 4/);
  });

  it('calls back after each document, for the build to collect garbage as it goes', () => {
    const seen: number[] = [];
    bulkSearch([{ id: 5, terms: ['a'] }, { id: 6, terms: ['b'] }, { id: 7, terms: [] }], (n) => seen.push(n));
    expect(seen).toEqual([1, 2, 3]);
  });
});
