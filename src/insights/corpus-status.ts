import type { ReloadResult } from '../engine/engine.js';
import type { KnowledgeIndex } from '../index/index-model.js';
import type { CorpusHealth } from './schema.js';

/** What the running bot knows about its corpus beyond the index: files left out, the last reload. */
export interface CorpusStatus {
  recordReload(result: ReloadResult, at?: Date): void;
  health(index: KnowledgeIndex): CorpusHealth;
}

export function createCorpusStatus(initial: { skipped?: ReloadResult['skipped'] } = {}): CorpusStatus {
  let skipped = initial.skipped ?? [];
  let lastReload: CorpusHealth['lastReload'] = null;
  return {
    recordReload(result, at = new Date()) {
      skipped = result.skipped;
      lastReload = { at: at.toISOString(), from: result.from, articles: result.articles, passages: result.passages };
    },
    health(index) {
      return { articles: index.articles.length, passages: index.passages.length, terms: index.documentFrequency.size, skipped: [...skipped], lastReload };
    },
  };
}
