import type { Term } from '../text/analyze.js';
import { isMonthTerm, isQuantityTerm, isYear } from '../index/answer-features.js';

/**
 * Finds figures the sources disagree on. A claim is a figure with its unit (a percentage, an
 * amount of money, a scaled number, or a number and the word after it), the content words
 * around it (its measure), the names around it (its subject) and the dates around it. Two
 * claims conflict when they come from different articles, share their unit and enough rare
 * context words to measure the same thing, name the same subject, give different values, and
 * no single article states both values: an article that mentions 0.5T and 1.5T shows they are
 * two different things (two models), not a disagreement.
 *
 * The subject is the set of names near the figure, other than the story's own (Grok, xAI,
 * implied everywhere): "Shares of A climbed 1.8%" and "Shares of B climbed 2.6%" name two
 * companies, so they are two facts, not one disputed; nor are "climbed 1.8% on Sunday" and
 * "climbed 2.6% on Monday", two days.
 */
export interface Claim {
  passageId: number;
  source: string;
  value: string;
  unit: string;
  context: Set<string>;
}

export interface DetectedConflict {
  /** Context words both sides share, as the first side's article writes them and in its order. */
  about: string[];
  claims: Claim[];
}

/** What marks a claim as about one subject at one time; kept only while detecting. */
interface ClaimScope {
  claim: Claim;
  /** The names near the figure, joined: claims with different names are about different things. */
  subject: string;
  times: ReadonlySet<string>;
  /**
   * The rare words near the figure, in order: the first of each term says how it is written and
   * where, for showing what a disagreement is about. Kept as the list (not as Maps) since every
   * figure of the corpus has a claim and only a few ever conflict.
   */
  measure: readonly Term[];
}

interface ClaimInput {
  id: number;
  sources: readonly string[];
  terms: readonly Term[];
}

export interface NameLexicon {
  /** Names learned from the corpus (see entity-lexicon.ts). */
  entities: ReadonlySet<string>;
  /** The story's own names, implied by every claim: they tell no two claims apart. */
  subjectTerms: ReadonlySet<string>;
  /**
   * The names in each article's headline (by source): a claim that names nothing ("the company
   * said it used 226,000 chips") is about its article's story, and two headlines naming
   * different subjects are two stories.
   */
  headlineNames: ReadonlyMap<string, ReadonlySet<string>>;
}

const WEEKDAY = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?$/;
const isTimeTerm = (t: Term) => (t.kind === 'number' && isYear(t.term)) || (t.kind === 'word' && (isMonthTerm(t.term) || WEEKDAY.test(t.surface)));

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

/** Names near a figure: runs of adjacent name terms, each run one name ("pux dynam"). */
export function nameRuns(near: readonly Term[], names: Omit<NameLexicon, 'headlineNames'>): string[] {
  const runs: string[] = [];
  let run: string[] = [];
  let last = -2;
  for (const t of near) {
    // A capitalised word counts as well: a name the lexicon missed (a word seen only in "Pux-9" and
    // at the start of sentences) still tells two subjects apart.
    const isName = (t.kind === 'word' || t.kind === 'compound' || t.kind === 'version') && (names.entities.has(t.term) || t.capitalized) && !names.subjectTerms.has(t.term) && !isTimeTerm(t);
    if (isName && t.position === last + 1 && run.length > 0) run.push(t.term);
    else if (isName) {
      if (run.length > 0) runs.push(run.join(' '));
      run = [t.term];
    }
    if (isName) last = t.position;
  }
  if (run.length > 0) runs.push(run.join(' '));
  // Two-letter acronyms (AI, US) are vocabulary, not a subject.
  return [...new Set(runs)].filter((r) => r.length > 2).sort();
}

function subjectOf(near: readonly Term[], names: NameLexicon): string {
  return nameRuns(near, names).join('|');
}

/** Claims are about their articles' stories: the same one unless the headlines name different subjects. */
function sameStory(a: string, b: string, names: NameLexicon): boolean {
  const na = names.headlineNames.get(a);
  const nb = names.headlineNames.get(b);
  if (!na || !nb || na.size === 0 || nb.size === 0) return true;
  for (const n of na) if (nb.has(n)) return true;
  return false;
}

/** Most figures have no date near them: one empty set, never written to, stands for theirs. */
const NO_TIMES: ReadonlySet<string> = new Set();
const setOrNone = (terms: string[]): ReadonlySet<string> => (terms.length === 0 ? NO_TIMES : new Set(terms));

function claimsOf(passage: ClaimInput, rare: (term: string) => boolean, names: NameLexicon): ClaimScope[] {
  const claims: ClaimScope[] = [];
  passage.terms.forEach((t, i) => {
    const unit = unitOf(passage.terms, i);
    if (!unit) return;
    const near = passage.terms.filter((o) => o !== t && Math.abs(o.position - t.position) <= CONTEXT_RADIUS);
    const measure = near.filter((o) => o.kind === 'word' && !isQuantityTerm(o) && rare(o.term));
    claims.push({
      claim: { passageId: passage.id, source: passage.sources[0]!, value: t.term, unit, context: new Set(measure.map((o) => o.term)) },
      subject: subjectOf(near, names),
      times: setOrNone(near.filter(isTimeTerm).map((o) => o.term)),
      measure,
    });
  });
  return claims;
}

/**
 * The rare words around each figure of a passage: a rival claim must share at least
 * MIN_SHARED_RARE of them, so an incremental add (add-articles.ts) looks only at passages that do.
 */
export function claimContexts(passage: ClaimInput, rare: (term: string) => boolean, names: NameLexicon): { context: ReadonlySet<string>; needs: number }[] {
  return claimsOf(passage, rare, names).map((c) => ({ context: c.claim.context, needs: MIN_SHARED_RARE }));
}

function statedTogether(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const article of small) if (large.has(article)) return true;
  return false;
}

/** Two dates given, and none in common: two moments, not one fact disputed. */
function differentTimes(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  for (const t of a) if (b.has(t)) return false;
  return true;
}

export function detectConflicts(
  passages: readonly ClaimInput[],
  articlesWithValue: ReadonlyMap<string, ReadonlySet<string>>,
  idf: (term: string) => number,
  rareIdf: number,
  names: NameLexicon,
): DetectedConflict[] {
  // Figures stated in one article are never a disagreement (see below): a corpus of one article has none,
  // and working out its claims (two Maps and two Sets a figure) was 300 MB for the 20 MB article.
  if (new Set(passages.flatMap((p) => p.sources)).size < 2) return [];
  const rare = (term: string) => idf(term) >= rareIdf;
  const byId = new Map(passages.map((p) => [p.id, p]));
  const claims = passages.flatMap((p) => claimsOf(p, rare, names));

  // Only claims with the same unit, the same subject and a shared rare context word can be about the same thing.
  const buckets = new Map<string, ClaimScope[]>();
  for (const claim of claims) {
    for (const word of claim.claim.context) {
      const key = `${claim.claim.unit}\u0000${claim.subject}\u0000${word}`;
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
        const sa = bucket[i]!;
        const sb = bucket[j]!;
        const a = sa.claim;
        const b = sb.claim;
        if (a.value === b.value || a.passageId === b.passageId) continue;
        // The cheap tests first: most pairs in a bucket fail one of them, and allocate nothing.
        // Also with names near the figure: "it used 226,000 Trainium chips" names the chips, not whose they are.
        if (!sameStory(a.source, b.source, names) || differentTimes(sa.times, sb.times)) continue;
        let sharedCount = 0;
        for (const w of a.context) if (b.context.has(w)) sharedCount++;
        if (sharedCount < MIN_SHARED_RARE) continue;
        const sourcesB = byId.get(b.passageId)!.sources;
        if (byId.get(a.passageId)!.sources.some((s) => sourcesB.includes(s))) continue;
        const withA = articlesWithValue.get(a.value);
        const withB = articlesWithValue.get(b.value);
        if (withA && withB && statedTogether(withA, withB)) continue;
        // A pair sharing several words meets in several buckets: it is reported once.
        const key = a.passageId < b.passageId ? `${a.passageId}-${b.passageId}-${a.value}-${b.value}` : `${b.passageId}-${a.passageId}-${b.value}-${a.value}`;
        if (seenPairs.has(key)) continue;
        seenPairs.add(key);
        const shared = [...a.context].filter((w) => b.context.has(w));
        const first = (w: string) => sa.measure.find((o) => o.term === w)!;
        const about = shared.sort((x, y) => first(x).position - first(y).position).map((w) => first(w).surface);
        conflicts.push({ about, claims: [a, b] });
      }
    }
  }
  return conflicts;
}
