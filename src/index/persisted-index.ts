import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Article } from '../corpus/schema.js';
import type { Logger } from '../log/logger.js';
import { currentModel } from '../answer/model/model.js';
import { STOP_WORDS } from '../text/stop-words.js';
import { PHRASE_ALIASES, STEM_EXCEPTIONS, SYNONYM_GROUPS } from '../text/synonyms.js';
import { isAlive } from '../lifecycle/process-alive.js';
import { lazyPassages, type LazyReader } from './lazy-passages.js';
import { flatTermsOf, LoadedPassage } from './loaded-passage.js';
import { intern } from '../text/analyze.js';
import { savedLines } from './saved-lines.js';
import { readSearch, searchLines } from './saved-search.js';
import { assembleSavedIndex, compactPassage, MINISEARCH_OPTIONS, searchOnlyTerms, type IndexedPassage, type KnowledgeIndex } from './index-model.js';

/** Bump when the saved shape or the analysis changes in a way the hash below cannot see. */
export const FORMAT = 34;
export const FILE_PREFIX = 'index-';
/** Articles added to a saved index since it was written (saved-additions.ts); removed with the index they stand on. */
export const ADDITIONS_PREFIX = 'additions-';

/**
 * The key a saved index is valid for: the corpus files (names, bytes, metadata), everything
 * that shapes analysis (format, MiniSearch fields, stop words, synonyms), and the fitted answer
 * model, since the saved suggestions are the questions it answers. Change any and the saved
 * index is simply not found, so a stale index is never served.
 */
export function indexKey(articles: readonly Article[]): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ FORMAT, fields: MINISEARCH_OPTIONS.fields, stop: [...STOP_WORDS].sort(), SYNONYM_GROUPS, PHRASE_ALIASES, STEM_EXCEPTIONS }));
  h.update(JSON.stringify(currentModel()));
  for (const a of articles) h.update(JSON.stringify([a.file, a.hash, a.title, a.publisher, a.published, a.url]));
  return h.digest('hex').slice(0, 32);
}

/**
 * The saved shape: a header line, one line per passage, one per conflict, then MiniSearch's
 * index as lines of its own (saved-search.ts). Files carry a sha256 of their content on the first line, so a truncated or corrupted
 * file is caught by the checksum rather than by validating every field; the schemas document
 * the shape and type the reader. One line at a time is parsed on load, and one written at a
 * time on save, so neither holds the whole index twice (as a parsed tree and as the index).
 */
const HeaderSchema = z.object({
  format: z.literal(FORMAT),
  key: z.string(),
  /** How many passage lines, then conflict lines, follow. */
  passages: z.number(),
  conflicts: z.number(),
  entities: z.array(z.string()),
  subjectTerms: z.array(z.string()),
  surfaceWords: z.array(z.tuple([z.string(), z.string()])),
  suggestions: z.array(z.string()),
  /** Derived from every passage's terms; saved so that an index read lazily need not read them all. */
  versionNames: z.array(z.string()),
  /** Every term of every passage's term set, once: a passage line gives its set as places in this list. */
  vocabulary: z.array(z.string()),
  /** Terms passages are found by without holding them (index-model.ts searchOnlyTerms), and in how many: taken off MiniSearch's counts when read lazily. */
  searchOnly: z.array(z.tuple([z.string(), z.number()])),
});

const SavedPassageSchema = z.object({
  id: z.number(),
  kind: z.enum(['sentence', 'label', 'heading']),
  /** [source, start, end], plus the display text where it differs from the slice (Markdown). */
  locations: z.array(z.union([z.tuple([z.string(), z.number(), z.number()]), z.tuple([z.string(), z.number(), z.number(), z.string()])])).min(1),
  sources: z.array(z.string()),
  truncated: z.boolean(),
  /** The passage's distinct terms, as places in the header's vocabulary. */
  termSet: z.array(z.number()),
  labelTerms: z.array(z.string()),
  /** 0: the context is the passage before, whose terms are these (see compactPassage). */
  contextTerms: z.union([z.array(z.string()), z.literal(0)]),
  isDefinition: z.boolean(),
  refersBack: z.boolean(),
  features: z.object({ givesReason: z.boolean(), quantities: z.array(z.string()), times: z.array(z.string()), entities: z.array(z.string()), places: z.array(z.string()) }),
});

const SavedConflictSchema = z.object({
  about: z.array(z.string()),
  claims: z.array(z.object({ passageId: z.number(), source: z.string(), value: z.string(), unit: z.string(), context: z.array(z.string()) })),
});

/**
 * A passage line is its terms (FlatTerms, loaded-passage.ts: six values a term in one flat array,
 * as an array a term was ~25 arrays a passage to make, write and parse), a tab, then the rest
 * (SavedPassageSchema). JSON never holds a raw tab, so the first one splits the line; the terms
 * stay unparsed text until a question reads them, which most passages never are: parsing them all
 * was a third of a bot's start at 10,000 articles, and their arrays a third of its heap.
 */
const TERMS_END = '\t';

function passageLine(p: IndexedPassage, saved: SavedPassage): string {
  return `${JSON.stringify(flatTermsOf(p.terms))}${TERMS_END}${JSON.stringify(saved)}\n`;
}

function termsEnd(line: string): number {
  const end = line.indexOf(TERMS_END);
  if (end === -1) throw new Error('saved passage line has no terms');
  return end;
}

/** The rest of a passage line, without its terms: all a passage's neighbour needs of it. */
function savedPartOf(line: string, end = termsEnd(line)): SavedPassage {
  return JSON.parse(line.slice(end + 1)) as SavedPassage;
}

function splitPassageLine(line: string): { saved: SavedPassage; terms: string } {
  const end = termsEnd(line);
  // A copy, not a slice: V8 makes a slice point into the whole line, which it then keeps for as long as
  // the terms wait to be read (a seventh of the heap after a load at 1,000 articles).
  return { saved: savedPartOf(line, end), terms: Buffer.from(line.slice(0, end)).toString() };
}

type Header = z.infer<typeof HeaderSchema>;
type SavedPassage = z.infer<typeof SavedPassageSchema>;
type SavedConflict = z.infer<typeof SavedConflictSchema>;

/** The saved form, line by line (see HeaderSchema); JSON never holds a newline of its own. */
function searchOnlyCounts(passages: readonly IndexedPassage[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of passages) for (const t of searchOnlyTerms(p)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

function* serialize(index: KnowledgeIndex, key: string): Generator<string> {
  // Most words are written as they are indexed: the saved index leaves out what repeats.
  const place = new Map<string, number>();
  for (const p of index.passages) for (const t of p.termSet) if (!place.has(t)) place.set(t, place.size);
  const header: Header = {
    format: FORMAT,
    key,
    passages: index.passages.length,
    conflicts: index.conflicts.length,
    entities: [...index.entities],
    subjectTerms: [...index.subjectTerms],
    surfaceWords: [...index.surfaceWords],
    suggestions: index.suggestions,
    versionNames: [...index.versionNames],
    vocabulary: [...place.keys()],
    searchOnly: [...searchOnlyCounts(index.passages)],
  };
  yield `${JSON.stringify(header)}\n`;
  for (const p of index.passages) {
    const saved: SavedPassage = {
      id: p.id,
      kind: p.kind,
      // Quotes are sliced from the files again on load: offsets are enough, and stay verbatim.
      locations: p.locations.map((l) => (l.display === undefined ? [l.source, l.start, l.end] : [l.source, l.start, l.end, l.display])),
      sources: p.sources,
      truncated: p.truncated,
      termSet: [...p.termSet].map((t) => place.get(t)!),
      labelTerms: [...p.labelTerms],
      contextTerms: p.id > 0 && p.contextTerms === index.passages[p.id - 1]!.termSet ? 0 : [...p.contextTerms],
      isDefinition: p.isDefinition,
      refersBack: p.refersBack,
      features: {
        givesReason: p.features.givesReason,
        quantities: [...p.features.quantities],
        times: [...p.features.times],
        entities: [...p.features.entities],
        places: [...p.features.places],
      },
    };
    yield passageLine(p, saved);
  }
  for (const c of index.conflicts) {
    const saved: SavedConflict = { about: c.about, claims: c.claims.map((claim) => ({ ...claim, context: [...claim.context] })) };
    yield `${JSON.stringify(saved)}\n`;
  }
  yield* searchLines(index.search);
}

function deserialize(path: string, key: string, articles: Article[], lazy: boolean): KnowledgeIndex {
  // Passage lines (1 to the count the header gives) are left in the file when read lazily.
  let passageLines = 0;
  const leave = lazy ? { skip: (n: number) => n >= 1 && n <= passageLines, spans: [] as number[] } : undefined;
  const lines = savedLines(path, leave);
  try {
    return fromLines(lines, key, articles, (count) => (passageLines = count), leave && ((parse) => lazyPassages(path, leave.spans, parse)));
  } finally {
    // Closes the file when reading stopped early, on damage.
    lines.return();
  }
}

function termSetFrom(places: readonly number[], vocabulary: readonly string[]): Set<string> {
  const set = new Set<string>();
  for (const at of places) set.add(vocabulary[at]!);
  return set;
}

/** One saved passage line as the index holds it; `previousTerms` are the terms of the passage before. */
function passageFrom(line: string, vocabulary: readonly string[], raw: ReadonlyMap<string, string>, previousTerms: () => Set<string> | undefined): IndexedPassage {
  const { saved: p, terms } = splitPassageLine(line);
  const locations = p.locations.map(([source, start, end, display]) => {
    const text = raw.get(source)?.slice(start, end);
    if (text === undefined || text.length !== end - start) throw new Error(`saved index points outside ${source}`);
    return display === undefined ? { source, start, end, text } : { source, start, end, text, display };
  });
  const f = p.features;
  return new LoadedPassage(
    p.id,
    p.kind,
    locations[0]!.display ?? locations[0]!.text,
    locations,
    p.sources,
    p.truncated,
    terms,
    termSetFrom(p.termSet, vocabulary),
    new Set(p.labelTerms),
    p.contextTerms === 0 ? (previousTerms() ?? new Set<string>()) : new Set(p.contextTerms),
    p.isDefinition,
    p.refersBack,
    { givesReason: f.givesReason, quantities: new Set(f.quantities), times: new Set(f.times), entities: new Set(f.entities), places: new Set(f.places) },
  );
}

type LazyStore = (parse: (id: number, reader: LazyReader) => IndexedPassage) => IndexedPassage[];

function fromLines(lines: Generator<string, void, undefined>, key: string, articles: Article[], expectPassages: (count: number) => void, lazy?: LazyStore): KnowledgeIndex {
  const nextRaw = (): string => {
    const line = lines.next();
    if (line.done) throw new Error('saved index ends early');
    return line.value;
  };
  const nextLine = <T>(): T => JSON.parse(nextRaw()) as T;
  const saved = nextLine<Header>();
  if (saved.format !== FORMAT) throw new Error(`saved in format ${saved.format}, not ${FORMAT}`);
  if (saved.key !== key) throw new Error('saved index is for another corpus');
  expectPassages(saved.passages);
  const raw = new Map(articles.map((a) => [a.source, a.rawText]));
  // Interned, so each term's string is the one the Term objects made later share (analyze.ts).
  const vocabulary = saved.vocabulary.map(intern);
  let passages: IndexedPassage[];
  if (lazy) {
    for (let n = 0; n < saved.passages; n++) nextRaw();
    passages = lazy((id, reader) => {
      // The context "0" is the passage before's terms: read from its line, not as a whole passage (whose context may be its own before).
      const before = () => reader.known(id - 1)?.termSet ?? termSetFrom(savedPartOf(reader.lineOf(id - 1)).termSet, vocabulary);
      const p = passageFrom(reader.lineOf(id), vocabulary, raw, () => (id > 0 ? before() : undefined));
      compactPassage(p, reader.known(id - 1)?.termSet);
      return p;
    });
  } else {
    let previous: IndexedPassage | undefined;
    passages = Array.from({ length: saved.passages }, () => (previous = passageFrom(nextRaw(), vocabulary, raw, () => previous?.termSet)));
  }
  // The checksum vouches for the content, so the lines are not validated field by field.
  const conflicts = Array.from({ length: saved.conflicts }, () => {
    const c = nextLine<SavedConflict>();
    return { about: c.about, claims: c.claims.map((claim) => ({ ...claim, context: new Set(claim.context) })) };
  });
  const search = readSearch(nextLine);
  // The search index's last line is given out only once the checksum held; anything after it is damage.
  if (!lines.next().done) throw new Error('saved index runs on past its end');
  if (search.documentCount !== passages.length) throw new Error('saved search index does not match its passages');
  const parts = {
    articles,
    passages,
    search,
    entities: new Set(saved.entities),
    subjectTerms: new Set(saved.subjectTerms),
    conflicts,
    surfaceWords: new Map(saved.surfaceWords),
    suggestions: saved.suggestions,
  };
  return assembleSavedIndex(parts, new Set(saved.versionNames), new Map(saved.searchOnly), lazy !== undefined);
}

export interface LoadOptions {
  /**
   * Read each passage from the file when first asked for (lazy-passages.ts), for a process that
   * answers a question or a few and exits (a one-shot `ask`); a bot reads them all at start.
   */
  lazyPassages?: boolean;
}

/**
 * The saved index for exactly these articles, or undefined when there is none, or when the
 * file is corrupt or truncated (that is logged and the file removed, so it is rebuilt).
 */
export function loadSavedIndex(dataDir: string, articles: Article[], logger?: Logger, options: LoadOptions = {}): KnowledgeIndex | undefined {
  const key = indexKey(articles);
  const path = join(dataDir, `${FILE_PREFIX}${key}.json`);
  if (!existsSync(path)) return undefined;
  try {
    const index = deserialize(path, key, articles, options.lazyPassages === true);
    index.savedAs = { base: key, added: [] };
    return index;
  } catch (error) {
    // A JSON parser's message quotes the bytes it choked on: the admin needs to know only that it is damaged.
    const why = error instanceof SyntaxError ? 'not valid JSON' : (error as Error).message.slice(0, 200);
    logger?.warn('saved index is unreadable, rebuilding it', { file: path, error: why });
    try {
      unlinkSync(path);
    } catch {
      // Already gone, or read-only: the rebuild overwrites it either way.
    }
    return undefined;
  }
}

/**
 * Writes the pieces in batches as they come, hashing them on the way; the checksum line,
 * known only at the end, is written last over the placeholder that kept its place.
 */
function writePieces(path: string, pieces: Iterable<string>): void {
  const BATCH = 1 << 20;
  const hash = createHash('sha256');
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, `${'0'.repeat(64)}\n`);
    let batch = '';
    // Encoded once, for the hash and the file alike.
    const flush = () => {
      const bytes = Buffer.from(batch);
      hash.update(bytes);
      writeSync(fd, bytes);
      batch = '';
    };
    for (const piece of pieces) {
      batch += piece;
      if (batch.length >= BATCH) flush();
    }
    flush();
    writeSync(fd, hash.digest('hex'), 0);
  } finally {
    closeSync(fd);
  }
}

/**
 * Temporary files of saves that never finished (a process killed while writing): at 10,000
 * articles one is ~170 MB, and nothing else would remove it. Those of a live process are its own
 * save under way, and are left.
 */
function removeStaleTemporaries(dataDir: string): void {
  for (const name of readdirSync(dataDir)) {
    const pid = /^\.(?:index|additions)-.*\.(\d+)\.tmp$/.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || isAlive(Number(pid))) continue;
    try {
      unlinkSync(join(dataDir, name));
    } catch {
      // Gone already.
    }
  }
}

/** Saves atomically (temporary file, then rename), and removes indexes saved for older corpora. */
export function saveIndex(dataDir: string, index: KnowledgeIndex): string {
  mkdirSync(dataDir, { recursive: true });
  const key = indexKey(index.articles);
  const name = `${FILE_PREFIX}${key}.json`;
  const temporary = join(dataDir, `.${name}.${process.pid}.tmp`);
  writePieces(temporary, serialize(index, key));
  renameSync(temporary, join(dataDir, name));
  index.savedAs = { base: key, added: [] };
  removeStaleTemporaries(dataDir);
  removeSavedExcept(dataDir, [FILE_PREFIX, ADDITIONS_PREFIX], name);
  return join(dataDir, name);
}

/** Removes the saved files of these kinds but the one just written: older corpora's, superseded records. */
export function removeSavedExcept(dataDir: string, prefixes: readonly string[], keep: string): void {
  for (const old of readdirSync(dataDir)) {
    if (prefixes.some((prefix) => old.startsWith(prefix)) && old.endsWith('.json') && old !== keep) {
      try {
        unlinkSync(join(dataDir, old));
      } catch {
        // Another process may have removed it first.
      }
    }
  }
}
