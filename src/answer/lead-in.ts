import type { IndexedPassage, KnowledgeIndex } from '../index/index-model.js';
import type { QueryTerm } from './question.js';

/**
 * "Core differences from previous models:" introduces the lines that follow and says nothing
 * by itself. Quoted alone it would answer nobody, so it is quoted with what it introduces.
 */
export function isLeadIn(passage: IndexedPassage): boolean {
  const text = passage.text;
  let end = text.length - 1;
  while (end >= 0 && /\s/.test(text[end]!)) end--;
  return text[end] === ':';
}

/** The passages that follow a passage's quoted location in its article, in reading order. */
function followingPassages(index: KnowledgeIndex, passage: IndexedPassage, count: number): IndexedPassage[] {
  const { source, end } = passage.locations[0]!;
  const next: { passage: IndexedPassage; start: number }[] = [];
  for (const candidate of index.passages) {
    for (const l of candidate.locations) {
      if (l.source === source && l.start >= end) next.push({ passage: candidate, start: l.start });
    }
  }
  next.sort((a, b) => a.start - b.start);
  const out: IndexedPassage[] = [];
  for (const { passage: p } of next) {
    if (out.length >= count || p.kind === 'heading' || isLeadIn(p)) break;
    if (!out.includes(p) && p !== passage) out.push(p);
  }
  return out;
}

/** How far down a list a lead-in introduces to look for the items the question is about. */
const LIST_REACH = 6;

/**
 * The items a lead-in introduces that the question is about, in reading order: for "hardware
 * differences", the item on hardware from "Core differences from previous models:", not
 * merely the first two items. Ties keep reading order, so a question about the list as a
 * whole gets its first items.
 */
export function introducedPassages(index: KnowledgeIndex, leadIn: IndexedPassage, terms: readonly QueryTerm[], count: number): IndexedPassage[] {
  const items = followingPassages(index, leadIn, LIST_REACH);
  const relevance = (p: IndexedPassage) => terms.reduce((sum, t) => sum + (t.known && !leadIn.termSet.has(t.term) && p.termSet.has(t.term) ? t.weight : 0), 0);
  const scored = items.map((p, order) => ({ p, order, score: relevance(p) }));
  // Items the question is about, if any; otherwise the list's first items.
  const relevant = scored.filter((c) => c.score > 0);
  const chosen = (relevant.length > 0 ? relevant : scored).sort((a, b) => b.score - a.score || a.order - b.order).slice(0, count);
  return chosen.sort((a, b) => a.order - b.order).map((c) => c.p);
}
