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

/**
 * A passage's figures, each with what it counts ("19 hour", not "19": in a corpus of a thousand
 * articles every bare number stands somewhere, and nothing would ever be new), and its dates.
 */
function figures(p: IndexedPassage): string[] {
  const out: string[] = [];
  p.terms.forEach((t, i) => {
    if (!p.features.quantities.has(t.term)) return;
    const next = p.terms[i + 1];
    out.push(next && next.kind === 'word' && next.position - t.position <= 2 ? `${t.term} ${next.term}` : t.term);
  });
  return [...out, ...[...p.features.times].filter(isConcreteTime)];
}
