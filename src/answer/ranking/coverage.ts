import type { IndexedPassage } from '../../index/index-model.js';
import type { Term } from '../../text/analyze.js';
import type { QueryTerm } from '../question.js';

const CORRECTED_MATCH = 0.8;
/** Matched words further apart than this are unlikely to be one statement about them. */
const WINDOW = 16;
const OUTSIDE_WINDOW = 0.5;
/** A word found only in the sentence before counts half: "This synergy…" continues "This merger…". */
export const CONTEXT_CREDIT = 0.5;

/** What coverage is measured against: the same for every candidate, so worked out once per question. */
export interface CoveragePlan {
  content: QueryTerm[];
  /** "Cursor or GitHub": alternatives are one slot, as heavy as the heaviest, met by any of them. */
  slot: QueryTerm[];
  slotWeight: number;
  alternatives: ReadonlySet<string>;
  total: number;
}

export function coveragePlan(terms: readonly QueryTerm[], subject: ReadonlySet<string>, alternatives: ReadonlySet<string> = new Set()): CoveragePlan {
  // Words carried over from a previous question only break ties (see rankPassages); the
  // question as asked decides whether a passage answers it.
  const asked = terms.some((t) => !t.fromPrevious && t.known) ? terms.filter((t) => !t.fromPrevious) : terms;
  // A word the articles never use can be met by no passage, so it tells candidates nothing apart:
  // coverage is of what the articles could say. Whether unknown words change what is asked is the
  // answer-or-refuse model's to weigh (unknownShare, unknownNames, unknownHead).
  const knowable = asked.some((t) => t.known) ? asked.filter((t) => t.known) : asked;
  const content = knowable.some((t) => !subject.has(t.term)) ? knowable.filter((t) => !subject.has(t.term)) : [...knowable];
  const slot = content.filter((t) => alternatives.has(t.term));
  const slotWeight = Math.max(0, ...slot.map((t) => t.weight));
  const total = (slot.length > 0 ? slotWeight : 0) + content.filter((t) => !alternatives.has(t.term)).reduce((sum, t) => sum + t.weight, 0);
  return { content, slot, slotWeight, alternatives, total };
}

/**
 * Weighted share of the question's words the passage contains. Words matched far from the
 * passage's densest cluster of matches count half; the story's subject counts only when the
 * question asks nothing else.
 */
export function coverageOf(passage: IndexedPassage, plan: CoveragePlan, contextCredit = CONTEXT_CREDIT): { coverage: number; matched: Set<string>; hits: Term[] } {
  const credit = new Map<string, number>();
  let fromContext = 0;
  let labelled = 0;
  const slotMet = plan.slot.find((t) => t.known && passage.termSet.has(t.term));
  if (slotMet) credit.set(slotMet.term, plan.slotWeight);
  for (const t of plan.content) {
    if (plan.alternatives.has(t.term)) continue;
    const match = t.weight * (t.corrected ? CORRECTED_MATCH : 1);
    if (t.known && passage.termSet.has(t.term)) credit.set(t.term, match);
    // A passage's label (the article's own question before it) says what it answers, wherever its words stand.
    else if (t.known && passage.labelTerms.has(t.term)) labelled += match;
    else if (t.known && passage.contextTerms.has(t.term)) fromContext += match * contextCredit;
  }
  const matched = new Set(credit.keys());
  if (plan.total === 0 || (matched.size === 0 && labelled === 0)) return { coverage: 0, matched, hits: [] };
  let all = 0;
  for (const value of credit.values()) all += value;
  let bestWindow = 0;
  // Where the matched words stand: the window here, and proximity in the ranking, both walk them.
  const hits = passage.terms.filter((t) => credit.has(t.term));
  const inWindow = new Set<string>();
  for (let i = 0; i < hits.length; i++) {
    inWindow.clear();
    let sum = 0;
    for (let j = i; j < hits.length && hits[j]!.position - hits[i]!.position < WINDOW; j++) {
      if (inWindow.has(hits[j]!.term)) continue;
      inWindow.add(hits[j]!.term);
      sum += credit.get(hits[j]!.term)!;
    }
    bestWindow = Math.max(bestWindow, sum);
  }
  return { coverage: (bestWindow + OUTSIDE_WINDOW * (all - bestWindow) + labelled + fromContext) / plan.total, matched, hits };
}
