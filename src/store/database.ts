import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.js';

export type Db = Database.Database;

export const DATABASE_FILE = 'grok-facts.sqlite';

/**
 * Opens (creating if need be) the bot's database under `dataDir`, in WAL mode so several
 * processes can share it, and brings its schema up to date inside one transaction.
 * `:memory:` gives a private in-memory database, for tests and one-shot commands.
 */
export function openDatabase(dataDir: string | ':memory:'): Db {
  let path = ':memory:';
  if (dataDir !== ':memory:') {
    mkdirSync(dataDir, { recursive: true });
    path = join(dataDir, DATABASE_FILE);
  }
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // Two bot processes may write at once; wait for the other's transaction rather than fail.
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

export function migrate(db: Db): void {
  const apply = db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    for (let i = version; i < MIGRATIONS.length; i++) {
      db.exec(MIGRATIONS[i]!);
      db.pragma(`user_version = ${i + 1}`);
    }
  });
  apply.immediate();
}
