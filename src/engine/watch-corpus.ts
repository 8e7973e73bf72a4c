import { watch, type FSWatcher } from 'node:fs';
import type { Logger } from '../log/logger.js';
import type { Engine, ReloadResult } from './engine.js';

const DEBOUNCE_MS = 500;

/**
 * Reloads the engine when a file in the corpus folder is added, changed or removed. Bursts of
 * events (an editor saving, a copy of many files) become one reload; a change arriving during
 * a reload causes one more afterwards, so the last state always wins.
 */
export function watchCorpus(engine: Engine, corpusDir: string, logger: Logger, onReload?: (result: ReloadResult) => void): { close(): void; reloadNow(): Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  const reloadNow = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          const started = performance.now();
          const result = await engine.reload();
          logger.info('corpus reloaded', { articles: result.articles, passages: result.passages, from: result.from, skipped: result.skipped.length, ms: Math.round(performance.now() - started) });
          onReload?.(result);
        } catch (error) {
          logger.error('corpus reload failed; still serving the previous index', { error: (error as Error).message });
        }
      } while (again);
    })();
    try {
      await running;
    } finally {
      running = undefined;
    }
  };

  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(corpusDir, () => {
      clearTimeout(timer);
      timer = setTimeout(() => void reloadNow(), DEBOUNCE_MS);
    });
    watcher.on('error', (error) => logger.warn('corpus watcher stopped', { error: error.message }));
  } catch (error) {
    logger.warn('cannot watch the corpus folder; use `grok-facts reload` after changes', { error: (error as Error).message });
  }

  return {
    reloadNow,
    close() {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
