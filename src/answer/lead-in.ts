import type { IndexedPassage, KnowledgeIndex } from '../index/index-model.js';

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
export function followingPassages(index: KnowledgeIndex, passage: IndexedPassage, count: number): IndexedPassage[] {
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
