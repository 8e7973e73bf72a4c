import type { Engine, ReloadResult } from '../engine/engine.js';
import type { KnowledgeIndex } from '../index/index-model.js';
import type { CorpusHealth } from './schema.js';

/** What the running bot knows about its corpus beyond the index: files left out, the last load. */
export interface CorpusStatus {
  recordReload(result: ReloadResult, at?: Date): void;
  health(index: KnowledgeIndex): CorpusHealth;
}

type Load = NonNullable<CorpusHealth['lastReload']>;

const loadOf = (result: ReloadResult, at: string, kind: Load['kind']): Load => ({ at, kind, from: result.from, articles: result.articles, passages: result.passages });

export function createCorpusStatus(initial: { skipped?: ReloadResult['skipped']; lastReload?: Load | null } = {}): CorpusStatus {
  let skipped = initial.skipped ?? [];
  let lastReload: CorpusHealth['lastReload'] = initial.lastReload ?? null;
  return {
    recordReload(result, at = new Date()) {
      skipped = result.skipped;
      lastReload = loadOf(result, at.toISOString(), 'reload');
    },
    health(index) {
      return { articles: index.articles.length, passages: index.passages.length, terms: index.documentFrequency.size, skipped: [...skipped], lastReload };
    },
  };
}

/**
 * The status of an engine as it stands now: the files its start (or last reload) left out and
 * when that load ran, so the admin page and `grok-facts report` show them before any reload.
 */
export function corpusStatusOf(engine: Engine): CorpusStatus {
  const loaded = engine.loaded();
  return createCorpusStatus({ skipped: engine.skipped(), lastReload: loaded ? loadOf(loaded.result, loaded.at, 'start') : null });
}
