import { mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from '../lifecycle/process-alive.js';

/**
 * Each running bot (or console chat) writes its own pid file, `grok-facts.<pid>.pid`, so that
 * `grok-facts reload` can signal every one of them, and one stopping never hides the others.
 */
const PID_FILE_NAME = /^grok-facts\.(\d+)\.pid$/;
/** The single file older versions wrote; still read, so a bot started before an upgrade is found. */
export const LEGACY_PID_FILE = 'grok-facts.pid';

export function pidFileName(pid: number): string {
  return `grok-facts.${pid}.pid`;
}

export function writePidFile(dataDir: string, pid = process.pid): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, pidFileName(pid));
  writeFileSync(path, String(pid));
  const remove = () => {
    process.off('exit', remove);
    try {
      unlinkSync(path);
    } catch {
      // Already gone.
    }
  };
  // A process.exit() anywhere (a closed stdout, a signal, the shutdown deadline) skips the
  // finally blocks that would remove the file; 'exit' still runs, and unlinkSync is allowed there.
  if (pid === process.pid) process.on('exit', remove);
  return remove;
}

/** The pids of the bots running on this DATA_DIR; files left by processes that died are removed. */
export function livePids(dataDir: string): number[] {
  let names: string[];
  try {
    names = readdirSync(dataDir);
  } catch {
    return [];
  }
  const pids = new Set<number>();
  for (const name of names) {
    const fromName = PID_FILE_NAME.exec(name)?.[1];
    let pid = fromName ? Number(fromName) : undefined;
    if (name === LEGACY_PID_FILE) {
      try {
        pid = Number(readFileSync(join(dataDir, name), 'utf8').trim());
      } catch {
        continue;
      }
    }
    if (pid === undefined || !Number.isInteger(pid) || pid <= 0) continue;
    if (isAlive(pid)) pids.add(pid);
    else {
      try {
        unlinkSync(join(dataDir, name));
      } catch {
        // Someone else tidied it.
      }
    }
  }
  return [...pids].sort((a, b) => a - b);
}
