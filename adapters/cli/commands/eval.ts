import { readFile } from 'node:fs/promises';
import { parseEvalFile, plainMiniSearchAsker, runEval } from '../../../src/eval/run-eval.js';
import type { EvalReport } from '../../../src/eval/schema.js';
import type { Engine } from '../../../src/engine/engine.js';
import { count } from '../../shared/plural.js';

export interface EvalOptions {
  verbose: boolean;
  baseline: boolean;
  json: boolean;
  thresholds: { minHit1?: number; minHit3?: number; minAbstain?: number; maxFalseAbstain?: number; minConflicts?: number };
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** A rate over no questions is not 100%: it was "conflicts shown 100%" for a file with no conflict in it. */
const rate = (x: number, over: number) => (over === 0 ? 'n/a' : pct(x));

/** The report as `--json` gives it: a rate over no questions is null there, as it is n/a in the summary. */
function forJson(r: EvalReport) {
  const over = (x: number, n: number) => (n === 0 ? null : x);
  return {
    ...r,
    hit1: over(r.hit1, r.answerable),
    hit3: over(r.hit3, r.answerable),
    falseAbstention: over(r.falseAbstention, r.answerable),
    abstention: over(r.abstention, r.unanswerable),
    conflictsShown: over(r.conflictsShown, r.conflicts),
  };
}

function summary(label: string, r: EvalReport): string {
  return [
    `${label}: ${count(r.questions, 'question')} (${r.answerable} answerable, ${r.unanswerable} out of scope, ${count(r.conflicts, 'conflict')})`,
    `  hit@1 ${rate(r.hit1, r.answerable)}  hit@3 ${rate(r.hit3, r.answerable)}  abstention ${rate(r.abstention, r.unanswerable)}  false abstention ${rate(r.falseAbstention, r.answerable)}`,
    `  conflicts shown ${rate(r.conflictsShown, r.conflicts)}  non-verbatim citations ${r.nonVerbatim}  latency p50 ${r.latencyP50Ms.toFixed(3)} ms  p99 ${r.latencyP99Ms.toFixed(3)} ms`,
  ].join('\n');
}

/** Which thresholds the report falls short of, as readable reasons. */
function shortfalls(r: EvalReport, t: EvalOptions['thresholds']): string[] {
  const out: string[] = [];
  // With nothing to measure, a rate reads 100% and would pass: a target on it fails instead.
  const hitTarget = t.minHit1 !== undefined || t.minHit3 !== undefined || t.maxFalseAbstain !== undefined;
  if (hitTarget && r.answerable === 0) out.push('no answerable questions to measure hit@1, hit@3 or false abstention on');
  if (t.minAbstain !== undefined && r.unanswerable === 0) out.push('no out-of-scope questions to measure abstention on');
  if (t.minConflicts !== undefined && r.conflicts === 0) out.push('no conflict questions to measure conflicts shown on');
  if (t.minHit1 !== undefined && r.hit1 * 100 < t.minHit1) out.push(`hit@1 ${pct(r.hit1)} < ${t.minHit1}%`);
  if (t.minHit3 !== undefined && r.hit3 * 100 < t.minHit3) out.push(`hit@3 ${pct(r.hit3)} < ${t.minHit3}%`);
  if (t.minAbstain !== undefined && r.abstention * 100 < t.minAbstain) out.push(`abstention ${pct(r.abstention)} < ${t.minAbstain}%`);
  if (t.maxFalseAbstain !== undefined && r.falseAbstention * 100 > t.maxFalseAbstain) out.push(`false abstention ${pct(r.falseAbstention)} > ${t.maxFalseAbstain}%`);
  if (t.minConflicts !== undefined && r.conflictsShown * 100 < t.minConflicts) out.push(`conflicts shown ${pct(r.conflictsShown)} < ${t.minConflicts}%`);
  if (r.nonVerbatim > 0) out.push(`${count(r.nonVerbatim, 'citation is', 'citations are')} not verbatim`);
  return out;
}

export async function evaluate(engine: Engine, file: string, options: EvalOptions): Promise<number> {
  let questions;
  try {
    questions = parseEvalFile(await readFile(file, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ? `cannot be read (${(error as NodeJS.ErrnoException).code})` : (error as Error).message;
    options.err.write(`grok-facts: ${file}: ${reason}\n`);
    return 2;
  }
  // An empty file would score 100% on every measure and pass any target.
  if (questions.length === 0) {
    options.err.write(`grok-facts: ${file}: no questions in it (one JSON object per line: id, kind, q, expect or sides)\n`);
    return 2;
  }
  // Measure answers as a running bot gives them: suggestions are derived at start, not inside the first refusal.
  engine.warmUp();
  const report = runEval(questions, (q) => engine.answer(q), engine.index);
  const baseline = options.baseline ? runEval(questions, plainMiniSearchAsker(engine.index), engine.index) : undefined;
  if (options.json) {
    options.out.write(`${JSON.stringify({ report: forJson(report), baseline: baseline && forJson(baseline) })}\n`);
  } else {
    if (options.verbose) {
      for (const m of report.misses) options.out.write(`MISS ${m.id} (${m.why}): ${m.q}\n${m.got.slice(0, 3).map((g) => `    → ${g.slice(0, 140)}`).join('\n')}\n`);
    }
    if (baseline) options.out.write(`${summary('plain MiniSearch (default options)', baseline)}\n`);
    options.out.write(`${summary('grok-facts', report)}\n`);
  }
  const failed = shortfalls(report, options.thresholds);
  if (failed.length > 0) {
    options.err.write(`grok-facts: below target — ${failed.join('; ')}\n`);
    return 1;
  }
  return 0;
}
