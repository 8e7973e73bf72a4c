import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest global setup: every temporary folder (and the data folder of a CLI run with no DATA_DIR given) a test (or a CLI the test starts) makes goes under one
 * folder for the run, removed when the run ends. Tests call mkdtemp(tmpdir()) in many places; pointing
 * TMPDIR here cleans all of them, where a cleanup in each test would be missed in the next one written.
 * The workers and the processes they spawn inherit the variable, and os.tmpdir() reads it on each call.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'grok-facts-test-run-'));
  const previous = { TMPDIR: process.env.TMPDIR, DATA_DIR: process.env.DATA_DIR };
  process.env.TMPDIR = root;
  // A CLI a test runs without a DATA_DIR of its own would otherwise save its index and open its
  // database in the checkout's data/, beside the person's own questions.
  process.env.DATA_DIR = join(root, 'data');
  return () => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(root, { recursive: true, force: true });
  };
}
