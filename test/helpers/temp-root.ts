import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest global setup: every temporary folder a test (or a CLI the test starts) makes goes under one
 * folder for the run, removed when the run ends. Tests call mkdtemp(tmpdir()) in many places; pointing
 * TMPDIR here cleans all of them, where a cleanup in each test would be missed in the next one written.
 * The workers and the processes they spawn inherit the variable, and os.tmpdir() reads it on each call.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'grok-facts-test-run-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
