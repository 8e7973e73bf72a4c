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
/** Candidate pairs come from claims sharing a rare context word; a word shared by more is too common to tell. */
const MAX_BUCKET = 200;

function unitOf(terms: readonly Term[], i: number): string | undefined {
  const t = terms[i]!;
  if (t.kind === 'percent') return 'percent';
  if (t.kind === 'money') return 'money';
  if (t.kind !== 'number' || isYear(t.term)) return undefined;
  if (/[tbmk]$/.test(t.term)) return 'scaled';
  const next = terms[i + 1];
  return next && next.kind === 'word' && next.position - t.position <= 2 ? `number:${next.term}` : undefined;
}

function claimsOf(passage: ClaimInput, rare: (term: string) => boolean): Claim[] {
  const claims: Claim[] = [];
  passage.terms.forEach((t, i) => {
    const unit = unitOf(passage.terms, i);
    if (!unit) return;
    const context = new Set(
      passage.terms
        .filter((o) => o !== t && Math.abs(o.position - t.position) <= CONTEXT_RADIUS && o.kind === 'word' && !isQuantityTerm(o) && rare(o.term))
        .map((o) => o.term),
    );
    claims.push({ passageId: passage.id, source: passage.sources[0]!, value: t.term, unit, context });
  });
  return claims;
}

export function detectConflicts(
  passages: readonly ClaimInput[],
  articlesWithValue: ReadonlyMap<string, ReadonlySet<string>>,
  idf: (term: string) => number,
  rareIdf: number,
): DetectedConflict[] {
  const rare = (term: string) => idf(term) >= rareIdf;
  const byId = new Map(passages.map((p) => [p.id, p]));
  const claims = passages.flatMap((p) => claimsOf(p, rare));

  // Only claims with the same unit and a shared rare context word can be about the same thing.
  const buckets = new Map<string, Claim[]>();
  for (const claim of claims) {
    for (const word of claim.context) {
      const key = `${claim.unit}\u0000${word}`;
      const bucket = buckets.get(key) ?? [];
      if (bucket.length <= MAX_BUCKET) bucket.push(claim);
      buckets.set(key, bucket);
    }
  }

  const conflicts: DetectedConflict[] = [];
  const seenPairs = new Set<string>();
  for (const bucket of buckets.values()) {
    if (bucket.length < 2 || bucket.length > MAX_BUCKET) continue;
    for (let i = 0; i < bucket.length; i++) {
      for (let j = i + 1; j < bucket.length; j++) {
        const a = bucket[i]!;
        const b = bucket[j]!;
        if (a.value === b.value || a.passageId === b.passageId) continue;
        const key = a.passageId < b.passageId ? `${a.passageId}-${b.passageId}-${a.value}-${b.value}` : `${b.passageId}-${a.passageId}-${b.value}-${a.value}`;
        if (seenPairs.has(key)) continue;
        seenPairs.add(key);
        const sourcesB = byId.get(b.passageId)!.sources;
        if (byId.get(a.passageId)!.sources.some((s) => sourcesB.includes(s))) continue;
        const withA = articlesWithValue.get(a.value);
        const withB = articlesWithValue.get(b.value);
        if (withA && withB && [...withA].some((article) => withB.has(article))) continue;
        const shared = [...a.context].filter((w) => b.context.has(w));
        if (shared.length < MIN_SHARED_RARE) continue;
        conflicts.push({ about: shared.sort((x, y) => idf(y) - idf(x)), claims: [a, b] });
      }
    }
  }
  return conflicts;
}
