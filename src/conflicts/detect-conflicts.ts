import type { Term } from '../text/analyze.js';
import { isQuantityTerm, isYear } from '../index/answer-features.js';

/**
 * Finds figures the sources disagree on. A claim is a figure with its unit (a percentage, an
 * amount of money, a scaled number, or a number and the word after it) and the content words
 * around it. Two claims conflict when they come from different articles, share their unit and
 * enough rare context words to be about the same thing, give different values, and no single
 * article states both values: an article that mentions 0.5T and 1.5T shows they are two
 * different things (two models), not a disagreement.
 */
export interface Claim {
  passageId: number;
  source: string;
  value: string;
  unit: string;
  /** The figure as written, e.g. "about 90%", for the conflict summary. */
  context: Set<string>;
}

export interface DetectedConflict {
  /** Context words both sides share, most telling first: what the disagreement is about. */
  about: string[];
  claims: Claim[];
}

interface ClaimInput {
  id: number;
  sources: readonly string[];
  terms: readonly Term[];
}

const CONTEXT_RADIUS = 6;
const MIN_SHARED_RARE = 2;

function unitOf(terms: readonly Term[], i: number): string | undefined {
  const t = terms[i]!;
  if (t.kind === 'percent') return 'percent';
  if (t.kind === 'money') return 'money';
  if (t.kind !== 'number' || isYear(t.term)) return undefined;
  if (/[tbmk]$/.test(t.term)) return 'scaled';
  const next = terms[i + 1];
  return next && next.kind === 'word' && next.position - t.position <= 2 ? `number:${next.term}` : undefined;
}

function claimsOf(passage: ClaimInput): Claim[] {
  const claims: Claim[] = [];
  passage.terms.forEach((t, i) => {
    const unit = unitOf(passage.terms, i);
    if (!unit) return;
    const context = new Set(
      passage.terms
        .filter((o) => o !== t && Math.abs(o.position - t.position) <= CONTEXT_RADIUS && o.kind === 'word' && !isQuantityTerm(o))
        .map((o) => o.term),
    );
    claims.push({ passageId: passage.id, source: passage.sources[0]!, value: t.term, unit, context });
  });
  return claims;
}

export function detectConflicts(
  passages: readonly ClaimInput[],
  articleValues: ReadonlyMap<string, ReadonlySet<string>>,
  idf: (term: string) => number,
  rareIdf: number,
): DetectedConflict[] {
  const claims = passages.flatMap(claimsOf);
  const byUnit = new Map<string, Claim[]>();
  for (const claim of claims) byUnit.set(claim.unit, [...(byUnit.get(claim.unit) ?? []), claim]);

  const conflicts: DetectedConflict[] = [];
  const seenPairs = new Set<string>();
  for (const group of byUnit.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const a = group[i]!;
        const b = group[j]!;
        if (a.value === b.value || a.passageId === b.passageId) continue;
        const sourcesA = passages.find((p) => p.id === a.passageId)!.sources;
        const sourcesB = passages.find((p) => p.id === b.passageId)!.sources;
        if (sourcesA.some((s) => sourcesB.includes(s))) continue;
        const statedTogether = [...articleValues.values()].some((values) => values.has(a.value) && values.has(b.value));
        if (statedTogether) continue;
        const shared = [...a.context].filter((w) => b.context.has(w) && idf(w) >= rareIdf);
        if (shared.length < MIN_SHARED_RARE) continue;
        const key = [a.passageId, b.passageId].sort().join('-');
        if (seenPairs.has(key)) continue;
        seenPairs.add(key);
        conflicts.push({ about: shared.sort((x, y) => idf(y) - idf(x)), claims: [a, b] });
      }
    }
  }
  return conflicts;
}
