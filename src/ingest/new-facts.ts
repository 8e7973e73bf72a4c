import { isConcreteTime } from '../index/answer-features.js';
import type { IndexedPassage, KnowledgeIndex } from '../index/index-model.js';

/**
 * What an added article tells the corpus that it did not know: its passages that state a figure
 * or a date no other article states, reported by this article alone. Read straight off the
 * index the article was added to (its answer features and duplicate collapse), in the article's
 * own order; nothing is ranked.
 */
export function newFacts(index: KnowledgeIndex, source: string, limit = 3): IndexedPassage[] {
  const statedElsewhere = new Set<string>();
  for (const p of index.passages) {
    if (p.sources.length === 1 && p.sources[0] === source) continue;
    for (const figure of figures(p)) statedElsewhere.add(figure);
  }
  return index.passages
    .filter((p) => p.sources.length === 1 && p.sources[0] === source && p.kind !== 'heading' && !p.truncated)
    .filter((p) => figures(p).some((f) => !statedElsewhere.has(f)))
    .sort((a, b) => a.locations[0]!.start - b.locations[0]!.start)
    .slice(0, limit);
}

function figures(p: IndexedPassage): string[] {
  return [...p.features.quantities, ...[...p.features.times].filter(isConcreteTime)];
}
