import { livePids } from '../../../src/engine/pid-file.js';

/** `grok-facts reload`: asks every running bot on this DATA_DIR (found by their pid files) to re-read the corpus. */
export function requestReload(dataDir: string, out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  const signalled: number[] = [];
  for (const pid of livePids(dataDir)) {
    try {
      process.kill(pid, 'SIGHUP');
      signalled.push(pid);
    } catch {
      // It ended between the check and the signal.
    }
  }
  if (signalled.length === 0) {
    err.write(`grok-facts: no running bot found (no live pid file in ${dataDir}) — start it with npm start\n`);
    return 1;
  }
  const which = signalled.length === 1 ? `the running bot (pid ${signalled[0]})` : `${signalled.length} running bots (pids ${signalled.join(', ')})`;
  out.write(`Asked ${which} to reload the corpus; the log says when it is done.\n`);
  return 0;
}
