import { createHash } from 'node:crypto';
import type { IndexedPassage, KnowledgeIndex } from '../index/index-model.js';
import { isConcreteTime } from '../index/answer-features.js';

export interface KeyFact {
  key: string;
  passage: IndexedPassage;
}

const POOL = 15;

export function factKey(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 16);
}

/**
 * Facts worth a "fact of the day": complete sentences or label lines that carry a figure or
 * a date, best corroborated first — how many articles state that figure — then the more
 * direct (shorter) statement. Derived from the corpus, so new articles change the pool.
 */
const derived = new WeakMap<KnowledgeIndex, KeyFact[]>();

/** The pool changes only with the index, so it is derived once per index, not per digest. */
export function keyFacts(index: KnowledgeIndex): KeyFact[] {
  let pool = derived.get(index);
  if (!pool) {
    pool = deriveKeyFacts(index);
    derived.set(index, pool);
  }
  return pool;
}

function deriveKeyFacts(index: KnowledgeIndex): KeyFact[] {
  const articlesWith = new Map<string, Set<string>>();
  for (const p of index.passages) {
    for (const t of p.terms) {
      if (t.kind === 'word') continue;
      for (const l of p.locations) {
        const set = articlesWith.get(t.term) ?? new Set<string>();
        set.add(l.source);
        articlesWith.set(t.term, set);
      }
    }
  }
  const scored = index.passages
    .filter((p) => p.kind !== 'heading' && !p.truncated && !p.isDefinition && p.terms.length >= 4)
    .map((p) => {
      const figures = [...p.features.quantities, ...[...p.features.times].filter(isConcreteTime)].filter((f) => articlesWith.has(f));
      const corroboration = Math.max(0, ...figures.map((f) => articlesWith.get(f)!.size));
      return { p, figures, corroboration };
    })
    .filter((s) => s.figures.length > 0)
    .sort((a, b) => b.corroboration - a.corroboration || a.p.text.length - b.p.text.length);
  // One fact per figure, so the pool is not five phrasings of "1.5 trillion".
  const seen = new Set<string>();
  const pool: KeyFact[] = [];
  for (const s of scored) {
    const lead = [...s.figures].sort((x, y) => articlesWith.get(y)!.size - articlesWith.get(x)!.size)[0]!;
    if (seen.has(lead)) continue;
    seen.add(lead);
    pool.push({ key: factKey(s.p.text), passage: s.p });
    if (pool.length >= POOL) break;
  }
  return pool;
}
