import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A running bot writes its pid here so `grok-facts reload` can signal it. */
export const PID_FILE = 'grok-facts.pid';

export function writePidFile(dataDir: string): () => void {
  const path = join(dataDir, PID_FILE);
  writeFileSync(path, String(process.pid));
  return () => {
    try {
      if (readFileSync(path, 'utf8') === String(process.pid)) unlinkSync(path);
    } catch {
      // Already gone.
    }
  };
}

export function readPidFile(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dataDir, PID_FILE), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
