import MiniSearch from 'minisearch';
import type { Answer } from '../answer/schema.js';
import type { KnowledgeIndex } from '../index/index-model.js';
import { normalizeForMatch } from '../text/fold.js';
import { type Alternative, type EvalQuestion, EvalQuestionSchema, type EvalReport } from './schema.js';

export class EvalFileError extends Error {}

/** Parses JSON Lines, naming the line of the first bad entry. */
export function parseEvalFile(text: string): EvalQuestion[] {
  return text.split(/\r?\n/).flatMap((line, i) => {
    if (!line.trim()) return [];
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new EvalFileError(`line ${i + 1}: not valid JSON`);
    }
    const parsed = EvalQuestionSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new EvalFileError(`line ${i + 1}: "${issue.path.join('.') || 'entry'}" ${issue.message}`);
    }
    return [parsed.data];
  });
}

export function quoteMatches(quote: string, alternatives: readonly Alternative[]): boolean {
  const text = normalizeForMatch(quote);
  return alternatives.some((alt) => (Array.isArray(alt) ? alt : [alt]).every((s) => text.includes(normalizeForMatch(s))));
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

type Ask = (question: string) => Answer;

/** Runs every question and scores the answers the way the quality issue defines. */
export function runEval(questions: readonly EvalQuestion[], ask: Ask, index: KnowledgeIndex): EvalReport {
  const rawText = new Map(index.articles.map((a) => [a.source, a.rawText]));
  const latencies: number[] = [];
  const misses: EvalReport['misses'] = [];
  let hit1 = 0, hit3 = 0, abstained = 0, falseAbstained = 0, conflictsShown = 0, nonVerbatim = 0;
  let answerable = 0, unanswerable = 0, conflicts = 0;

  for (const item of questions) {
    const started = performance.now();
    const answer = ask(item.q);
    latencies.push(performance.now() - started);
    for (const c of answer.citations) if (rawText.get(c.source)?.slice(c.start, c.end) !== c.quote) nonVerbatim++;
    const got = answer.citations.map((c) => c.quote);
    const top3 = got.slice(0, 3);

    if (item.kind === 'unanswerable') {
      unanswerable++;
      if (answer.status === 'no_answer') abstained++;
      else misses.push({ id: item.id, q: item.q, why: 'answered an out-of-scope question', got });
      continue;
    }
    if (item.kind === 'conflict') {
      conflicts++;
      const shown = item.sides.every((side) => top3.some((quote) => quoteMatches(quote, side)));
      if (shown) conflictsShown++;
      else misses.push({ id: item.id, q: item.q, why: 'did not show both sides', got });
      continue;
    }
    answerable++;
    if (answer.status === 'no_answer') {
      falseAbstained++;
      misses.push({ id: item.id, q: item.q, why: 'said not in sources', got });
      continue;
    }
    const first = top3[0] !== undefined && quoteMatches(top3[0], item.expect);
    const any = top3.some((quote) => quoteMatches(quote, item.expect));
    if (first) hit1++;
    if (any) hit3++;
    if (!first) misses.push({ id: item.id, q: item.q, why: any ? 'right passage not first' : 'no right passage in top 3', got });
  }

  latencies.sort((a, b) => a - b);
  const share = (n: number, d: number) => (d === 0 ? 1 : n / d);
  return {
    questions: questions.length,
    answerable,
    unanswerable,
    conflicts,
    hit1: share(hit1, answerable),
    hit3: share(hit3, answerable),
    abstention: share(abstained, unanswerable),
    falseAbstention: answerable === 0 ? 0 : falseAbstained / answerable,
    conflictsShown: share(conflictsShown, conflicts),
    nonVerbatim,
    latencyP50Ms: percentile(latencies, 50),
    latencyP99Ms: percentile(latencies, 99),
    misses,
  };
}

/**
 * The honest yardstick: MiniSearch with default options over the same passages, top three
 * results as citations, never abstaining unless nothing matches at all.
 */
export function plainMiniSearchAsker(index: KnowledgeIndex): Ask {
  const search = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  search.addAll(index.passages.map((p) => ({ id: p.id, text: p.text })));
  return (question) => {
    const results = search.search(question).slice(0, 3);
    const citations = results.map((r, i) => {
      const location = index.passages[r.id as number]!.locations[0]!;
      return {
        n: i + 1, source: location.source, title: '', publisher: null, published: null, url: null, quote: location.text, display: location.display ?? location.text, start: location.start, end: location.end,
        alsoIn: [], reportedBy: 1,
      };
    });
    return {
      question, status: citations.length > 0 ? 'answered' : 'no_answer', text: '', citations, conflicts: [], suggestions: [],
      sourceCount: index.articles.length,
    };
  };
}
