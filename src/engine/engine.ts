import { answerQuestion } from '../answer/answer.js';
import type { Answer, AnswerContext } from '../answer/schema.js';
import { CorpusError } from '../corpus/errors.js';
import { loadCorpus } from '../corpus/load-corpus.js';
import type { Article } from '../corpus/schema.js';
import type { KnowledgeIndex } from '../index/index-model.js';
import { loadSavedIndex, saveIndex } from '../index/persisted-index.js';
import type { Logger } from '../log/logger.js';
import { matchSuggestions } from '../suggestions/suggest-questions.js';
import type { SourceSummary } from './source-summary.js';

/** The core's one entry point for answers: ask, list sources, suggest. Holds no platform knowledge. */
export interface Engine {
  answer(question: string, context?: AnswerContext): Answer;
  sources(): SourceSummary[];
  /** Questions the sources answer well; filtered by what has been typed, for autocomplete. */
  suggestions(typed?: string, limit?: number): string[];
  /** The index in use now (it changes on reload). */
  readonly index: KnowledgeIndex;
  /** Re-reads the corpus and swaps the new index in; the old one keeps serving if that fails. */
  reload(): Promise<ReloadResult>;
  /** Files of the corpus folder left out at the last load, with why (shown by `grok-facts sources`). */
  skipped(): ReloadResult['skipped'];
  /** The load now serving (at start, or the last reload) and when it happened; undefined for an index given directly. */
  loaded(): LoadRecord | undefined;
  /** Derives what is otherwise derived on first use, so the first chat question is as fast as the rest. */
  warmUp(): void;
  /** Counts what adding articles extends (add-articles.ts), so the first reload that adds one is as quick as the rest. */
  prepareToAdd(): Promise<void>;
}

export interface ReloadResult {
  articles: number;
  passages: number;
  /** Files that could not be read and were left out, with why. */
  skipped: { file: string; reason: string }[];
  /** Where the index came from: a saved one, built now, the index before with the new articles added to it, or the index before as it was (nothing new). */
  from: 'saved' | 'built' | 'added' | 'unchanged';
}

export interface LoadRecord {
  at: string;
  result: ReloadResult;
}

const NO_ANSWER_SUGGESTIONS = 3;
/** Warm-up answers, bounded in time so a large corpus does not delay start-up by more than this. */
const WARM_UP_ANSWERS = 400;
const WARM_UP_MS = 250;
/** A question no corpus answers (its name is made up), so the refusal path is warmed up as well. */
const WARM_UP_REFUSAL = 'How tall is Mount Qzarvel?';

/** An index with what is derived from it, swapped as one piece so no question sees a mix. */
interface Snapshot {
  index: KnowledgeIndex;
  suggestions(): string[];
}

/** Suggestions come with the index: worked out when it was built, and saved with it. */
function snapshotOf(index: KnowledgeIndex): Snapshot {
  return { index, suggestions: () => index.suggestions };
}

export function createEngineFromIndex(
  index: KnowledgeIndex,
  /** Given the index serving now, which it may extend (see loadIndex). */
  reloader?: (current: KnowledgeIndex) => Promise<{ index: KnowledgeIndex; result: ReloadResult }>,
  loadedAtStart?: ReloadResult,
  prepare?: (index: KnowledgeIndex) => Promise<void>,
): Engine {
  let current = snapshotOf(index);
  let skipped = loadedAtStart?.skipped ?? [];
  let loaded: LoadRecord | undefined = loadedAtStart && { at: new Date().toISOString(), result: loadedAtStart };
  return {
    get index() {
      return current.index;
    },
    answer(question, context) {
      // One snapshot for the whole answer: a reload in between cannot mix two indexes.
      const snapshot = current;
      return answerQuestion(snapshot.index, question, context, () => snapshot.suggestions().slice(0, NO_ANSWER_SUGGESTIONS));
    },
    sources() {
      const { index: idx } = current;
      const counts = new Map<string, number>();
      for (const p of idx.passages) for (const source of p.sources) counts.set(source, (counts.get(source) ?? 0) + 1);
      return idx.articles.map((article) => ({
        source: article.source,
        file: article.file,
        title: article.title,
        publisher: article.publisher,
        published: article.published,
        url: article.url,
        passages: counts.get(article.source) ?? 0,
      }));
    },
    skipped: () => skipped,
    loaded: () => loaded,
    suggestions(typed = '', limit = 25) {
      return matchSuggestions(current.suggestions(), typed, limit);
    },
    async reload() {
      if (!reloader) throw new Error('this engine has no corpus folder to reload from');
      const { index: next, result } = await reloader(current.index);
      const snapshot = snapshotOf(next);
      current = snapshot;
      skipped = result.skipped;
      loaded = { at: new Date().toISOString(), result };
      return result;
    },
    async prepareToAdd() {
      await prepare?.(current.index);
    },
    warmUp() {
      const { index: idx, suggestions } = current;
      // Answering is many small functions that V8 optimizes only after they have run a while; a
      // bot just started would otherwise give its first few hundred questions the slow path.
      const questions = [...suggestions(), WARM_UP_REFUSAL];
      const until = performance.now() + WARM_UP_MS;
      for (let i = 0; i < WARM_UP_ANSWERS && performance.now() < until; i++) answerQuestion(idx, questions[i % questions.length]!);
    },
  };
}

export interface EngineOptions {
  corpusDir: string;
  /** When set, the index is saved here and loaded at the next start if the corpus is unchanged. */
  dataDir?: string;
  logger?: Logger;
  /** A saved index's passages are read as questions reach them (see LoadOptions): for a one-shot command. */
  lazyPassages?: boolean;
  /** Smallest index a reload adds new articles to rather than building again (add-articles.ts MIN_PASSAGES_TO_ADD). */
  minPassagesToAdd?: number;
}

/**
 * Start and reload follow one policy: a file that cannot be read is skipped, named and logged,
 * and the rest load. Only a folder whose every article is unreadable is an error; an empty
 * folder loads, with a loud warning, since every answer would then be "not in my sources".
 */
async function loadIndex(options: EngineOptions, current?: KnowledgeIndex): Promise<{ index: KnowledgeIndex; result: ReloadResult }> {
  const skipped: ReloadResult['skipped'] = [];
  const articles: Article[] = await loadCorpus(options.corpusDir, {
    onBadFile: (file, reason) => skipped.push({ file, reason }),
    onWarning: (message) => options.logger?.warn(message, { corpusDir: options.corpusDir }),
  });
  for (const s of skipped) options.logger?.warn(`corpus file skipped: ${s.file} ${s.reason}`, s);
  if (articles.length === 0 && skipped.length > 0) {
    const list = skipped.map((s) => `${s.file} ${s.reason}`).join('; ');
    throw new CorpusError(`corpus folder ${options.corpusDir} has no readable article (${list})`, options.corpusDir);
  }
  if (articles.length === 0) {
    options.logger?.warn(`the corpus folder ${options.corpusDir} has no articles: every answer will be "not in my sources" — add .txt or .md files there (or set CORPUS_DIR)`, { corpusDir: options.corpusDir });
  }
  if (current) {
    const added = await addedTo(current, articles, options);
    if (added) return { index: added.index, result: { articles: articles.length, passages: added.index.passages.length, skipped, from: added.from } };
  }
  let index = options.dataDir ? loadSavedIndex(options.dataDir, articles, options.logger, { lazyPassages: options.lazyPassages }) : undefined;
  // Additions are looked for only when there is no saved index for the corpus as it stands (a one-shot `ask` never loads this).
  if (!index && options.dataDir) index = await (await import('../index/saved-additions.js')).loadSavedWithAdditions(options.dataDir, articles, options.logger);
  const from = index ? 'saved' : 'built';
  if (!index) {
    // A reload that builds holds answers until it is done (seconds at 10,000 articles): said before it starts.
    if (current) options.logger?.info('building the index again', { articles: articles.length });
    // The builder is loaded only when there is something to build.
    const { buildIndex } = await import('../index/build-index.js');
    index = buildIndex(articles);
    if (options.dataDir) {
      try {
        saveIndex(options.dataDir, index);
      } catch (error) {
        options.logger?.warn('could not save the index; it will be rebuilt next start', { error: (error as Error).message });
      }
    }
  }
  return { index, result: { articles: articles.length, passages: index.passages.length, skipped, from } };
}

/**
 * A reload that only finds new articles adds them to the index serving now instead of building
 * again (add-articles.ts), and records that beside the saved index; undefined when the corpus
 * changed otherwise, or is small enough that a build is as quick and exact.
 */
async function addedTo(current: KnowledgeIndex, articles: Article[], options: EngineOptions): Promise<{ index: KnowledgeIndex; from: 'added' | 'unchanged' } | undefined> {
  const incremental = await import('../index/add-articles.js');
  const added = incremental.articlesAdded(current, articles);
  // Nothing new (a SIGHUP, sources.json rewritten with the same entries): the index serving stays.
  if (added?.length === 0) return { index: current, from: 'unchanged' };
  if (!incremental.shouldAddIncrementally(current, added, options.minPassagesToAdd)) return undefined;
  const { saveAdditions } = await import('../index/saved-additions.js');
  // No await from here until the engine swaps the index in: the add changes the index serving now
  // in place, so no question may be answered in between (answers run between awaits, never inside).
  let index: KnowledgeIndex;
  try {
    index = incremental.addArticles(current, added, articles);
  } catch (error) {
    // The index serving may be changed half way: a build replaces it, never reading it.
    options.logger?.warn('adding the new articles failed; building the index again', { error: (error as Error).message });
    return undefined;
  }
  if (options.dataDir) {
    try {
      saveAdditions(options.dataDir, index);
    } catch (error) {
      options.logger?.warn('could not save the added articles; the index will be rebuilt next start', { error: (error as Error).message });
    }
  }
  return { index, from: 'added' };
}

export async function createEngine(options: EngineOptions): Promise<Engine> {
  const { index, result } = await loadIndex(options);
  const prepare = async (current: KnowledgeIndex) => (await import('../index/add-articles.js')).prepareToAdd(current, options.minPassagesToAdd);
  return createEngineFromIndex(index, (current) => loadIndex(options, current), result, prepare);
}
