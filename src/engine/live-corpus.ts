import type { Logger } from '../log/logger.js';
import type { Engine } from './engine.js';
import { writePidFile } from './pid-file.js';
import { watchCorpus } from './watch-corpus.js';

/**
 * Keeps an engine in step with its corpus folder wherever it serves people (the bot, the
 * console chat): file watching, SIGHUP (what `grok-facts reload` sends) and this process's own
 * pid file so that `reload` can find it.
 */
export function keepCorpusLive(
  engine: Engine,
  corpusDir: string,
  dataDir: string,
  logger: Logger,
  onReload?: Parameters<typeof watchCorpus>[3],
): { reloadNow(): Promise<void>; close(): void } {
  const watcher = watchCorpus(engine, corpusDir, logger, onReload);
  const onHangup = () => void watcher.reloadNow();
  process.on('SIGHUP', onHangup);
  let removePidFile = () => undefined as void;
  try {
    removePidFile = writePidFile(dataDir);
  } catch (error) {
    logger.warn(`cannot write a pid file in ${dataDir}; \`grok-facts reload\` will not find this process (file watching still works)`, { error: (error as Error).message });
  }
  return {
    reloadNow: () => watcher.reloadNow(),
    close() {
      watcher.close();
      process.off('SIGHUP', onHangup);
      removePidFile();
    },
  };
}
