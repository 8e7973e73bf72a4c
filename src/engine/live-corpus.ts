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
  const watcher = watchCorpus(engine, corpusDir, logger, (result) => {
    // A build or a load starts the counts afresh; an add extended them.
    if (result.from !== 'added') void prepare();
    onReload?.(result);
  });
  // Once the bot is up, so the first article an admin adds is added as quickly as the rest.
  const prepare = () =>
    new Promise<void>((done) => setImmediate(done))
      .then(() => engine.prepareToAdd())
      .catch((error: Error) => logger.warn('could not prepare for adding articles; the first add will count the corpus itself', { error: error.message }));
  void prepare();
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
