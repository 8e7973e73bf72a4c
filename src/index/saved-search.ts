import MiniSearch from 'minisearch';
import { z } from 'zod';
import { MINISEARCH_OPTIONS, type SearchIndex } from './index-model.js';

/**
 * MiniSearch's index in the saved file as many short lines instead of its one `toJSON()` line.
 * That line, at 10,000 articles ~30 MB, was built as a tree of plain objects (a property per
 * posting) and one string on save, and parsed whole into that tree again on load before
 * `loadJS` made Maps of it: both the largest garbage of a save and the peak of a load. Here
 * postings are written straight from MiniSearch's Maps, a batch of terms a line, as flat
 * arrays of numbers, and read back into its Maps one line at a time.
 *
 * It writes and reads MiniSearch's protected fields (as top-matches.ts reads them), so the
 * version is pinned in package.json; a load that finds them other than expected throws, and
 * the caller rebuilds rather than serve an index it could not read.
 */

/** The protected state of a MiniSearch instance that its own toJSON/loadJS read and write (minisearch 7.2). */
interface Internals {
  _index: { set(term: string, data: Map<number, Map<number, number>>): unknown; [Symbol.iterator](): Iterator<[string, Map<number, Map<number, number>>]> };
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _storedFields: Map<number, unknown>;
  _dirtCount: number;
}

export const internals = (search: SearchIndex): Internals => search as unknown as Internals;

/** Terms a postings line holds: lines short enough to parse cheaply, few enough to read fast. */
const TERMS_PER_LINE = 2000;

/** What `toJSON()` holds besides the postings; per-document maps as flat [shortId, value, …] arrays. */
const SearchHeaderSchema = z.object({
  documentCount: z.number(),
  nextId: z.number(),
  fieldIds: z.record(z.number()),
  averageFieldLength: z.array(z.number()),
  dirtCount: z.number(),
  /** [shortId, id, shortId, id, …] */
  documentIds: z.array(z.number()),
  /** [shortId, length of field 0, length of field 1, …, shortId, …] */
  fieldLength: z.array(z.number()),
  /** How many postings lines follow. */
  lines: z.number(),
});
type SearchHeader = z.infer<typeof SearchHeaderSchema>;

/** [term, fieldId, [docId, frequency, docId, frequency, …], fieldId, […], …] */
type SavedPostings = (string | number | number[])[];

export function* searchLines(search: SearchIndex): Generator<string> {
  const ms = internals(search);
  const fields = Object.keys(ms._fieldIds).length;
  // The index stores no fields (MINISEARCH_OPTIONS has none), so there are none to write.
  if (ms._storedFields.size > 0) throw new Error('the saved search index keeps no stored fields');
  const documentIds: number[] = [];
  for (const [shortId, id] of ms._documentIds) documentIds.push(shortId, id as number);
  const fieldLength: number[] = [];
  for (const [shortId, lengths] of ms._fieldLength) {
    fieldLength.push(shortId);
    for (let f = 0; f < fields; f++) fieldLength.push(lengths[f] ?? 0);
  }
  const terms = [...ms._index];
  const header: SearchHeader = {
    documentCount: ms._documentCount,
    nextId: ms._nextId,
    fieldIds: ms._fieldIds,
    averageFieldLength: ms._avgFieldLength,
    dirtCount: ms._dirtCount,
    documentIds,
    fieldLength,
    lines: Math.ceil(terms.length / TERMS_PER_LINE),
  };
  // The file's last line ends without a newline (see savedLines), so each line after the first brings its own.
  yield JSON.stringify(header);
  for (let start = 0; start < terms.length; start += TERMS_PER_LINE) {
    const line: SavedPostings[] = [];
    for (const [term, data] of terms.slice(start, start + TERMS_PER_LINE)) {
      const entry: SavedPostings = [term];
      for (const [fieldId, frequencies] of data) {
        const flat: number[] = [];
        for (const [docId, frequency] of frequencies) flat.push(docId, frequency);
        entry.push(fieldId, flat);
      }
      line.push(entry);
    }
    yield `\n${JSON.stringify(line)}`;
  }
}

/**
 * A MiniSearch with these counts and no documents, whose Maps the caller fills as `loadJS`
 * fills them. Throws when its protected fields are not the Maps this module writes into.
 */
export function emptySearch(counts: Pick<SearchHeader, 'documentCount' | 'nextId' | 'fieldIds' | 'averageFieldLength' | 'dirtCount'>): SearchIndex {
  const search = MiniSearch.loadJS<{ id: number; terms: string }>(
    {
      documentCount: counts.documentCount,
      nextId: counts.nextId,
      fieldIds: counts.fieldIds,
      averageFieldLength: counts.averageFieldLength,
      dirtCount: counts.dirtCount,
      documentIds: {},
      fieldLength: {},
      storedFields: {},
      index: [],
      serializationVersion: 2,
    },
    MINISEARCH_OPTIONS,
  );
  const ms = internals(search);
  if (!(ms._documentIds instanceof Map && ms._idToShortId instanceof Map && ms._fieldLength instanceof Map && typeof ms._index?.set === 'function')) {
    throw new Error('MiniSearch is not the version the saved index was written for');
  }
  return search;
}

/**
 * The MiniSearch written by searchLines, from its lines (nextLine parses the next one). Maps
 * are filled in the order `loadJS` fills them from `toJSON()`, so the result is the same index.
 */
export function readSearch(nextLine: () => unknown): SearchIndex {
  const header = nextLine() as SearchHeader;
  const search = emptySearch(header);
  const ms = internals(search);
  const ids = header.documentIds;
  for (let i = 0; i < ids.length; i += 2) {
    ms._documentIds.set(ids[i]!, ids[i + 1]!);
    ms._idToShortId.set(ids[i + 1]!, ids[i]!);
  }
  const fields = Object.keys(header.fieldIds).length;
  const lengths = header.fieldLength;
  for (let i = 0; i < lengths.length; i += fields + 1) ms._fieldLength.set(lengths[i]!, lengths.slice(i + 1, i + 1 + fields));
  for (let n = 0; n < header.lines; n++) {
    for (const entry of nextLine() as SavedPostings[]) {
      const data = new Map<number, Map<number, number>>();
      for (let k = 1; k < entry.length; k += 2) {
        const flat = entry[k + 1] as number[];
        const frequencies = new Map<number, number>();
        for (let i = 0; i < flat.length; i += 2) frequencies.set(flat[i]!, flat[i + 1]!);
        data.set(entry[k] as number, frequencies);
      }
      ms._index.set(entry[0] as string, data);
    }
  }
  return search;
}
