import { readPidFile } from '../../../src/engine/pid-file.js';

/** `grok-facts reload`: asks the running bot (found through its pid file) to re-read the corpus. */
export function requestReload(dataDir: string, out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  const pid = readPidFile(dataDir);
  if (!pid) {
    err.write(`grok-facts: no running bot found (no pid file in ${dataDir}) — start it with npm start\n`);
    return 1;
  }
  try {
    process.kill(pid, 'SIGHUP');
  } catch {
    err.write(`grok-facts: the bot (pid ${pid}) is not running any more\n`);
    return 1;
  }
  out.write(`Asked the running bot (pid ${pid}) to reload the corpus; its log says when it is done.\n`);
  return 0;
}
