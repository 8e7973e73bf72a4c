import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { Article } from '../corpus/schema.js';
import type { Logger } from '../log/logger.js';
import type { KnowledgeIndex } from './index-model.js';
import { ADDITIONS_PREFIX, FILE_PREFIX, FORMAT, indexKey, loadSavedIndex, removeSavedExcept, saveIndex } from './persisted-index.js';

/**
 * An incremental add (add-articles.ts) is saved as a record of what was added to which saved
 * index, not as the index again: writing 270 MB would take longer than the add. A start finds
 * the record under the corpus's key, loads the index it stands on and adds the same articles in
 * the same order, which gives the index the running bot had. After MAX_ADDS adds a reload builds
 * the index again (add-articles.ts shouldAddIncrementally), so a start never replays more.
 */
export const MAX_ADDS = 16;

const AdditionsSchema = z.object({
  format: z.literal(FORMAT),
  /** The corpus this record stands for (indexKey of every article). */
  key: z.string(),
  /** The saved index the articles were added to. */
  base: z.string(),
  /** Article files, one list per add, in the order they were added. */
  added: z.array(z.array(z.string()).min(1)).min(1),
});
type Additions = z.infer<typeof AdditionsSchema>;

const additionsPath = (dataDir: string, key: string) => join(dataDir, `${ADDITIONS_PREFIX}${key}.json`);

/** Records the index's additions to its saved base; saves it whole when it has none, or its base is gone. */
export function saveAdditions(dataDir: string, index: KnowledgeIndex): string {
  const savedAs = index.savedAs;
  if (!savedAs || savedAs.added.length === 0 || !existsSync(join(dataDir, `${FILE_PREFIX}${savedAs.base}.json`))) return saveIndex(dataDir, index);
  const key = indexKey(index.articles);
  const record: Additions = { format: FORMAT, key, base: savedAs.base, added: savedAs.added };
  const path = additionsPath(dataDir, key);
  const temporary = join(dataDir, `.${ADDITIONS_PREFIX}${key}.${process.pid}.tmp`);
  writeFileSync(temporary, `${JSON.stringify(record)}\n`);
  renameSync(temporary, path);
  // Earlier records stand on the same base and are superseded by this one; the base itself stays.
  removeSavedExcept(dataDir, [ADDITIONS_PREFIX], basename(path));
  return path;
}

function readAdditions(path: string): Additions | undefined {
  try {
    return AdditionsSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return undefined;
  }
}

/**
 * The index for these articles from a saved index and the recorded additions to it, or undefined
 * when there is no such record, or it does not fit this corpus (then the caller builds).
 * The saved index is read whole, since additions extend its passages.
 */
export async function loadSavedWithAdditions(dataDir: string, articles: Article[], logger?: Logger): Promise<KnowledgeIndex | undefined> {
  const key = indexKey(articles);
  const path = additionsPath(dataDir, key);
  if (!existsSync(path)) return undefined;
  const record = readAdditions(path);
  if (!record) {
    logger?.warn('saved additions are unreadable (damaged or from another version), building the index again', { file: path });
    return undefined;
  }
  const byFile = new Map(articles.map((a) => [a.file, a]));
  const addedFiles = new Set(record.added.flat());
  if (record.key !== key || [...addedFiles].some((file) => !byFile.has(file))) {
    logger?.warn('saved additions do not fit the corpus, building the index again', { file: path });
    return undefined;
  }
  const baseArticles = articles.filter((a) => !addedFiles.has(a.file));
  if (indexKey(baseArticles) !== record.base) return undefined;
  let index = loadSavedIndex(dataDir, baseArticles, logger);
  if (!index) return undefined;
  const { addArticles } = await import('./add-articles.js');
  const present = new Set(baseArticles.map((a) => a.file));
  for (const files of record.added) {
    for (const file of files) present.add(file);
    index = addArticles(index, files.map((file) => byFile.get(file)!), articles.filter((a) => present.has(a.file)));
  }
  return index;
}
