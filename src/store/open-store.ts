import { join } from 'node:path';
import type { Logger } from '../log/logger.js';
import { DATABASE_FILE, openDatabase, type Db } from './database.js';

/** The database cannot be opened at all (a folder the bot may not write, say): the bot cannot start. */
export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

export interface Store {
  db: Db;
  path: string;
  /** Set when the file on disk is damaged: `db` is then a stand-in in memory, and digests are paused. */
  damaged?: string;
}

const DAMAGE_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_INDEX']);

/** Errors that mean the file's contents are bad (as opposed to the folder being unusable). */
export function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && DAMAGE_CODES.has(code);
}

/** What a person should do about a damaged file, with its path. */
export function damageAdvice(path: string, problem: string): string {
  return `the database ${path} is damaged (${problem}) — stop the bot, move the file aside (mv "${path}" "${path}.damaged"), and the bot makes a new one at its next start`;
}

/** `PRAGMA quick_check`: undefined when the file is sound, else the first problem it reports. */
export function integrityProblem(db: Db): string | undefined {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  const first = rows[0]?.quick_check ?? 'no result';
  return first === 'ok' ? undefined : first;
}

/**
 * The bot's database, checked at start. A damaged file never stops the bot answering: it is
 * named with what to do, and a database in memory stands in (question log and feedback for this
 * run only), while the caller pauses digest posting. A folder that cannot hold a database at
 * all is a StoreError naming the path.
 */
export function openStore(dataDir: string, logger: Logger): Store {
  const path = join(dataDir, DATABASE_FILE);
  let db: Db | undefined;
  try {
    db = openDatabase(dataDir);
    const problem = integrityProblem(db);
    if (!problem) return { db, path };
    throw Object.assign(new Error(problem), { code: 'SQLITE_CORRUPT' });
  } catch (error) {
    try {
      db?.close();
    } catch {
      // Closing a damaged file may fail too; nothing is lost.
    }
    if (!isDamage(error)) {
      const reason = (error as Error).message;
      throw new StoreError(`cannot open the database ${path} (${reason}) — make DATA_DIR (${dataDir}) a folder the bot can write, or set DATA_DIR to another one`);
    }
    const damaged = damageAdvice(path, (error as Error).message);
    logger.error(damaged, { path });
    return { db: openDatabase(':memory:'), path, damaged };
  }
}

/**
 * For the commands that only read the database (`grok-facts report`): no stand-in, since an
 * empty report would mislead; a damaged file or an unusable folder is a StoreError that names
 * the path and what to do.
 */
export function openStoreOrExplain(dataDir: string): Db {
  const path = join(dataDir, DATABASE_FILE);
  let db: Db | undefined;
  try {
    db = openDatabase(dataDir);
    const problem = integrityProblem(db);
    if (!problem) return db;
    throw Object.assign(new Error(problem), { code: 'SQLITE_CORRUPT' });
  } catch (error) {
    try {
      db?.close();
    } catch {
      // As above.
    }
    const reason = (error as Error).message;
    if (isDamage(error)) throw new StoreError(damageAdvice(path, reason));
    throw new StoreError(`cannot open the database ${path} (${reason}) — make DATA_DIR (${dataDir}) a folder the bot can write, or set DATA_DIR to another one`);
  }
}
