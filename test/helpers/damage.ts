import { closeSync, openSync, statSync, writeSync } from 'node:fs';

/** Keeps the SQLite header page and overwrites every later page with garbage, as a bad disk might. */
export function damageDatabaseFile(path: string): void {
  const size = statSync(path).size;
  const fd = openSync(path, 'r+');
  try {
    const junk = Buffer.alloc(Math.max(0, size - 4096), 0x5a);
    writeSync(fd, junk, 0, junk.length, 4096);
  } finally {
    closeSync(fd);
  }
}
