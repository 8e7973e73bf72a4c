import MiniSearch from 'minisearch';
import { MINISEARCH_OPTIONS, SEARCH_FIELD, splitTerms, type SearchIndex } from './index-model.js';
import { emptySearch, internals } from './saved-search.js';

/**
 * The MiniSearch a build makes, filled in one pass instead of one `add` per passage.
 *
 * `add` walks MiniSearch's radix tree for every word of every passage: at 200,000 passages that
 * is five million walks, a fifth of the build of a 20 MB article. Here each word's postings are
 * gathered in a plain Map first, and each distinct word is put in the tree once, in the order
 * its first `add` would have put it, so the tree, its postings and their order are what the
 * adds make (a test holds the two to each other). Later additions still go through `add`.
 */
export function bulkSearch(documents: Iterable<{ id: number; terms: readonly string[] }>, between?: (count: number) => void): SearchIndex {
  const fieldId = 0;
  let search: SearchIndex;
  try {
    search = emptySearch({ documentCount: 0, nextId: 0, fieldIds: { [SEARCH_FIELD]: fieldId }, averageFieldLength: [], dirtCount: 0 });
  } catch {
    // A MiniSearch whose fields are not the ones this writes (a version other than the pinned
    // one) is built the slow way, by its own add, rather than not at all.
    return byAdds(documents, between);
  }
  const ms = internals(search);
  // Each word's postings, and the passage it was last seen in with its count there: passages come
  // in order, so a count is final once the next passage starts, and is set in the Map once.
  const postings = new Map<string, { frequencies: Map<number, number>; last: number; count: number }>();
  const documentIds: number[] = [];
  const fieldLengths: number[] = [];
  let averageLength = 0;
  let count = 0;
  /** Posts one token; true when it is the first of its word in this passage. */
  const addToken = (term: string, shortId: number): boolean => {
    const posting = postings.get(term);
    if (posting === undefined) {
      postings.set(term, { frequencies: new Map(), last: shortId, count: 1 });
      return true;
    }
    if (posting.last === shortId) {
      posting.count++;
      return false;
    }
    posting.frequencies.set(posting.last, posting.count);
    posting.last = shortId;
    posting.count = 1;
    return true;
  };
  for (const document of documents) {
    const shortId = count;
    documentIds.push(document.id);
    // The tokens MiniSearch reads from the terms joined by spaces (splitTerms), without the
    // string: a term with a space in it is two tokens, an empty one none.
    let length = 0;
    for (const term of document.terms) {
      if (term.includes(' ')) {
        for (const piece of splitTerms(term)) if (addToken(piece, shortId)) length++;
      } else if (term !== '' && addToken(term, shortId)) length++;
    }
    fieldLengths.push(length);
    // MiniSearch's running mean of distinct tokens, step for step, so the float is the one its adds leave.
    averageLength = (averageLength * count + length) / (count + 1);
    count++;
    between?.(count);
  }
  ms._documentCount = count;
  ms._nextId = count;
  ms._avgFieldLength = count > 0 ? [averageLength] : [];
  for (let shortId = 0; shortId < count; shortId++) {
    if (ms._idToShortId.has(documentIds[shortId]!)) throw new Error(`MiniSearch: duplicate ID ${documentIds[shortId]}`);
    ms._documentIds.set(shortId, documentIds[shortId]!);
    ms._idToShortId.set(documentIds[shortId]!, shortId);
    ms._fieldLength.set(shortId, [fieldLengths[shortId]!]);
  }
  for (const [term, { frequencies, last, count: final }] of postings) {
    frequencies.set(last, final);
    ms._index.set(term, new Map([[fieldId, frequencies]]));
  }
  return search;
}

function byAdds(documents: Iterable<{ id: number; terms: readonly string[] }>, between?: (count: number) => void): SearchIndex {
  const search = new MiniSearch<{ id: number; terms: string }>(MINISEARCH_OPTIONS);
  let count = 0;
  for (const document of documents) {
    search.add({ id: document.id, terms: document.terms.join(' ') });
    between?.(++count);
  }
  return search;
}
