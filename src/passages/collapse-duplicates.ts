import { foldTypography } from '../text/fold.js';
import type { Passage } from './schema.js';
import type { RawPassage } from './extract-passages.js';

/**
 * Collapses exact and near-duplicate sentences into one passage that keeps every location.
 * Candidates are found with MinHash banding over word sets, so the work grows with the corpus
 * rather than with its square; each candidate pair is then checked exactly.
 */
const NEAR_DUPLICATE_JACCARD = 0.8;
const MIN_WORDS_FOR_NEAR = 6;
const HASHES = 12;
const BAND = 3;
/**
 * A new sentence is compared with at most this many recent clusters per bucket. Templated text
 * (thousands of "The company raised $X billion…") fills a bucket with distinct clusters; a real
 * near-duplicate shares several buckets with its twin, so the cap loses nothing in practice.
 */
const MAX_COMPARISONS_PER_BUCKET = 16;

function words(text: string): string[] {
  return foldTypography(text).toLowerCase().match(/[\p{L}\p{N}]+(?:[.,]\d+)*/gu) ?? [];
}

/** The first n words of a key (words joined by single spaces), as `words.slice(0, n).join(' ')`. */
function firstWords(key: string, n: number): string {
  let end = -1;
  for (let k = 0; k < n; k++) {
    end = key.indexOf(' ', end + 1);
    if (end === -1) return key;
  }
  return key.slice(0, end);
}

function isTruncated(text: string): boolean {
  return /(\.\.\.|…)["'”’)]*$/u.test(text.trim());
}

function fnv(word: string, basis = 2166136261): number {
  let h = basis;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * MinHash signature bands over a sentence's distinct words, given as ids into `hashes` (each
 * distinct word of the corpus is hashed once); the HASHES functions are cheap remixes of it.
 * Each band is a short string of its minima's 16-bit halves, not their decimals: writing twelve
 * ten-digit numbers per sentence was a tenth of the collapse.
 */
function bands(set: Int32Array, hashes: readonly number[]): string[] {
  const halves: number[] = [];
  const out: string[] = [];
  for (let seed = 1; seed <= HASHES; seed++) {
    const mix = Math.imul(seed, 0x9e3779b1);
    let min = Infinity;
    for (let k = 0; k < set.length; k++) {
      let x = Math.imul(hashes[set[k]!]! ^ mix, 0x85ebca6b);
      x ^= x >>> 13;
      x = Math.imul(x, 0xc2b2ae35);
      const v = (x ^ (x >>> 16)) >>> 0;
      if (v < min) min = v;
    }
    halves.push(min >>> 16, min & 0xffff);
    if (seed % BAND === 0) {
      out.push(String.fromCharCode(seed, ...halves));
      halves.length = 0;
    }
  }
  return out;
}

/** Shared over union of two sorted, distinct word-id lists (the same as of the two word sets). */
function jaccard(a: Int32Array, b: Int32Array): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

/** A teaser cut off with "..." duplicates the full sentence it starts. */
function isTruncatedCopy(short: Int32Array, long: Int32Array, shortTruncated: boolean): boolean {
  if (!shortTruncated || short.length < MIN_WORDS_FOR_NEAR || short.length > long.length) return false;
  // The last word before the ellipsis may itself be cut.
  for (let i = 0; i < short.length - 1; i++) if (long[i] !== short[i]) return false;
  return true;
}

/** Figures in a sentence: two sentences that differ in a figure state different facts. */
function figures(words: readonly string[]): string {
  return words.filter((w) => /\d/.test(w)).sort().join(' ');
}

/**
 * Names in a sentence: its words written with a capital after the first, sorted. "Laind Analytics
 * said Laind-11 costs 47% less" and "Mond Analytics said Mond-11 costs 47% less" are 87% the same
 * words and two facts, as two sentences that differ in a figure are.
 */
function names(text: string): string[] {
  const found = foldTypography(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(found.slice(1).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w.toLowerCase()))].sort();
}

/** A sentence's names, read the first time a comparison needs them. */
function namesOf(entry: Entry): string[] {
  return (entry.names ??= names(entry.text));
}

/** Each names someone the other does not (Laind against Mond); "Musk said" and "Elon Musk said" are one statement. */
function namesDiffer(a: readonly string[], b: readonly string[]): boolean {
  const lacks = (x: readonly string[], y: readonly string[]) => x.some((name) => !y.includes(name));
  return lacks(a, b) && lacks(b, a);
}

/** Whether two sentences of different words are one statement (both callers join equal words first). */
function isDuplicate(a: Entry, b: Entry): boolean {
  // A teaser's figures or names may be cut off: only whole sentences must agree in them.
  const whole = !a.truncated && !b.truncated;
  if (whole && a.figures !== b.figures) return false;
  const [short, long] = a.words.length <= b.words.length ? [a, b] : [b, a];
  if (isTruncatedCopy(short.words, long.words, short.truncated)) return true;
  if (Math.min(a.words.length, b.words.length) < MIN_WORDS_FOR_NEAR) return false;
  // Jaccard is at most the smaller set's size over the larger's: most candidates fail that without a look at their words.
  const [small, large] = a.set.length <= b.set.length ? [a.set.length, b.set.length] : [b.set.length, a.set.length];
  if (small / large < NEAR_DUPLICATE_JACCARD || jaccard(a.set, b.set) < NEAR_DUPLICATE_JACCARD) return false;
  // Names last: few candidates get this far, and reading a sentence's names is a regex over it.
  return !whole || !namesDiffer(namesOf(a), namesOf(b));
}

/**
 * A distinct sentence as it is compared. Every distinct sentence's entry is kept until all are
 * compared, so its words are numbers (one id per distinct word, in order, and as a sorted set)
 * rather than strings and a Set: at 188,000 sentences the strings and Sets were ~500 MB that
 * the build held, and left behind, before anything was indexed.
 */
interface Entry {
  words: Int32Array;
  set: Int32Array;
  key: string;
  figures: string;
  /** The sentence, for its names, which are read only when a comparison gets that far. */
  text: string;
  names: string[] | undefined;
  /** Worked out once: a sentence is compared with up to ~80 others, and the test is a regex. */
  truncated: boolean;
}

/** One id per distinct word, and each word's hash for the MinHash bands, worked out once. */
function wordIds(): { idsOf: (words: readonly string[]) => Int32Array; hashes: number[] } {
  const ids = new Map<string, number>();
  const hashes: number[] = [];
  const idsOf = (words: readonly string[]) => {
    const out = new Int32Array(words.length);
    for (let k = 0; k < words.length; k++) {
      const w = words[k]!;
      let id = ids.get(w);
      if (id === undefined) {
        ids.set(w, (id = ids.size));
        hashes.push(fnv(w));
      }
      out[k] = id;
    }
    return out;
  };
  return { idsOf, hashes };
}

/** The distinct values of a list of ids, sorted. */
function sortedSet(ids: Int32Array): Int32Array {
  const sorted = Int32Array.from(ids).sort();
  let n = 0;
  for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[n++] = sorted[k]!;
  return sorted.slice(0, n);
}

function bitCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** A sentence's distinct words as 64 bits, a bit per word's hash: [low 32, high 32]. */
export function wordBits(set: Int32Array, hashes: readonly number[]): [number, number] {
  let low = 0;
  let high = 0;
  for (let k = 0; k < set.length; k++) {
    const bit = hashes[set[k]!]! & 63;
    if (bit < 32) low |= 1 << bit;
    else high |= 1 << (bit - 32);
  }
  return [low, high];
}

/**
 * At least the Jaccard of two word sets, from their bits and sizes ([low, high, size] at `a` and
 * `b`). A bit one sentence has and the other lacks is a word the other lacks, so each bit count
 * is at most the words only that sentence has: shared ≤ size − only-A and union ≥ size + only-B.
 */
export function jaccardCeiling(x: Int32Array, a: number, y: Int32Array, b: number): number {
  const onlyA = bitCount(x[a]! & ~y[b]!) + bitCount(x[a + 1]! & ~y[b + 1]!);
  const onlyB = bitCount(y[b]! & ~x[a]!) + bitCount(y[b + 1]! & ~x[a + 1]!);
  return (x[a + 2]! - onlyA) / (x[a + 2]! + onlyB);
}

class UnionFind {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!;
      i = this.parent[i]!;
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Which location is quoted: a complete sentence over a teaser, content over a heading, then corpus order. */
function preference(p: RawPassage): [number, number, number] {
  return [isTruncated(p.text) ? 1 : 0, p.kind === 'heading' ? 1 : 0, p.order];
}

function compare(a: RawPassage, b: RawPassage): number {
  const pa = preference(a);
  const pb = preference(b);
  return pa[0] - pb[0] || pa[1] - pb[1] || pa[2] - pb[2];
}

/** A sentence as it is compared, from its words (see words) and the word ids of one comparison. */
function entryOf(text: string, w: string[], idsOf: (words: readonly string[]) => Int32Array, key = w.join(' ')): Entry {
  const ids = idsOf(w);
  return { words: ids, set: sortedSet(ids), key, figures: figures(w), text, names: undefined, truncated: isTruncated(text) };
}

/**
 * A sentence's words as the collapse compares them, hashed to a 53-bit number (two FNV-1a hashes):
 * two sentences with the same words are one passage, so an incremental add (add-articles.ts)
 * finds an indexed twin by it; a match is confirmed with sameStatement.
 */
export function statementHash(text: string): number {
  const key = words(text).join(' ');
  return fnv(key) * 2 ** 21 + (fnv(key, 0x5bd1e995) >>> 11);
}

/**
 * Whether two sentences are one statement by the rules the collapse applies: for an incremental
 * add (add-articles.ts), which compares a new sentence with the few indexed passages that share
 * its rarest words instead of collapsing the whole corpus again.
 */
export function sameStatement(a: string, b: string): boolean {
  const { idsOf, hashes } = wordIds();
  const x = entryOf(a, words(a), idsOf);
  const y = entryOf(b, words(b), idsOf);
  // Short sentences are joined by their exact words only, as the collapse joins them.
  if (x.key === y.key) return true;
  if (Math.min(x.words.length, y.words.length) < MIN_WORDS_FOR_NEAR) return false;
  const [short, long] = x.words.length <= y.words.length ? [x, y] : [y, x];
  if (isTruncatedCopy(short.words, long.words, short.truncated)) return true;
  // The collapse compares only sentences that share a MinHash band: so does this, or an add would
  // join sentences a build keeps apart ("A said its model costs 47% less" and "B said its model…").
  const bandsOfY = new Set(bands(y.set, hashes));
  return bands(x.set, hashes).some((band) => bandsOfY.has(band)) && isDuplicate(x, y);
}

export function collapseDuplicates(raw: readonly RawPassage[]): Passage[] {
  const groups = new UnionFind(raw.length);
  // Sentences by their figures and MinHash band, and by their first words as a teaser and as a whole sentence.
  const bandBuckets = new Map<string, Map<string, number[]>>();
  const teaserPrefixes = new Map<string, number[]>();
  const wholePrefixes = new Map<string, number[]>();
  const exact = new Map<string, number>();
  // A whole sentence's first words are looked up only by teasers: it is filed by them only when
  // some teaser starts so (teasers are few; filing every sentence was 200,000 keys for nothing).
  const teaserStarts = new Set<string>();
  for (const p of raw) if (isTruncated(p.text)) teaserStarts.add(firstWords(words(p.text).join(' '), MIN_WORDS_FOR_NEAR - 1));
  // Word sets are kept only for the first sentence of each distinct text: exact repeats are
  // joined by their key and never compared, which keeps memory flat on repetitive corpora.
  // An array by sentence number: a sentence is compared with up to ~80 others, and a Map's lookups were a tenth of the collapse.
  const distinct: (Entry | undefined)[] = new Array<Entry | undefined>(raw.length);
  const { idsOf, hashes } = wordIds();
  // Which sentence each was last compared with: a candidate in several of the new sentence's
  // buckets (a near-duplicate shares most of them) is compared once.
  const lastCompared = new Int32Array(raw.length).fill(-1);
  // Each whole sentence's words as 64 bits and its number of distinct words, side by side in one
  // array (see jaccardCeiling): most candidates that share a band fall below the threshold on these
  // 12 bytes, never touching the sentences themselves, a cache miss apiece and most of the
  // comparisons' time. A teaser (size -1) is left to isDuplicate, which joins it by its prefix.
  const sketches = new Int32Array(raw.length * 3);
  const cannotBeNear = (i: number, j: number): boolean =>
    sketches[3 * i + 2]! >= 0 && sketches[3 * j + 2]! >= 0 && jaccardCeiling(sketches, 3 * i, sketches, 3 * j) < NEAR_DUPLICATE_JACCARD;
  // Equal figures as one string, so the comparisons of figures that agree are one pointer's.
  const figureStrings = new Map<string, string>();
  const bucketIn = (buckets: Map<string, number[]>, key: string) => {
    let bucket = buckets.get(key);
    if (bucket === undefined) buckets.set(key, (bucket = []));
    return bucket;
  };
  const compareWith = (i: number, entry: Entry, bucket: readonly number[]) => {
    for (let k = bucket.length - 1, compared = 0; k >= 0 && compared < MAX_COMPARISONS_PER_BUCKET; k--, compared++) {
      const j = bucket[k]!;
      if (lastCompared[j] === i) continue;
      lastCompared[j] = i;
      if (cannotBeNear(i, j)) continue;
      if (groups.find(i) !== groups.find(j) && isDuplicate(entry, distinct[j]!)) groups.union(i, j);
    }
  };
  raw.forEach((p, i) => {
    const w = words(p.text);
    const key = w.join(' ');
    const twin = exact.get(key);
    if (twin !== undefined) {
      groups.union(i, twin);
      return;
    }
    exact.set(key, i);
    if (w.length < MIN_WORDS_FOR_NEAR) return;
    const entry = entryOf(p.text, w, idsOf, key);
    const figuresSeen = figureStrings.get(entry.figures);
    if (figuresSeen === undefined) figureStrings.set(entry.figures, entry.figures);
    else entry.figures = figuresSeen;
    distinct[i] = entry;
    const [low, high] = wordBits(entry.set, hashes);
    sketches[3 * i] = low;
    sketches[3 * i + 1] = high;
    sketches[3 * i + 2] = entry.truncated ? -1 : entry.set.length;
    // Near-duplicates state the same figures, so the figures are part of every band's key.
    let byBand = bandBuckets.get(entry.figures);
    if (byBand === undefined) bandBuckets.set(entry.figures, (byBand = new Map()));
    for (const band of bands(entry.set, hashes)) {
      const bucket = bucketIn(byBand, band);
      compareWith(i, entry, bucket);
      bucket.push(i);
    }
    // A teaser cut off with "..." starts like its full sentence: compared only with the other kind.
    const prefix = firstWords(key, MIN_WORDS_FOR_NEAR - 1);
    const other = (entry.truncated ? wholePrefixes : teaserPrefixes).get(prefix);
    if (other !== undefined) compareWith(i, entry, other);
    if (entry.truncated || teaserStarts.has(prefix)) bucketIn(entry.truncated ? teaserPrefixes : wholePrefixes, prefix).push(i);
  });

  const clusters = new Map<number, RawPassage[]>();
  raw.forEach((p, i) => {
    const root = groups.find(i);
    const members = clusters.get(root);
    if (members) members.push(p);
    else clusters.set(root, [p]);
  });

  return [...clusters.values()]
    .map((members) => [...members].sort(compare))
    .sort((a, b) => a[0]!.order - b[0]!.order)
    .map((members, id) => {
      const quoted = members[0]!;
      const locations = members.map(({ source, start, end, text, display }) => (display === undefined ? { source, start, end, text } : { source, start, end, text, display }));
      return {
        id,
        kind: quoted.kind,
        // What is read and indexed; the locations keep the raw slices.
        text: quoted.display ?? quoted.text,
        locations,
        sources: [...new Set(locations.map((l) => l.source))],
        truncated: isTruncated(quoted.text),
      };
    });
}
