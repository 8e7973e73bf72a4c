import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEvalFile, plainMiniSearchAsker, runEval } from '../../src/eval/run-eval.js';
import { seedEngine } from '../helpers/engine.js';
import { loadBatches } from '../tools/fit-data.js';

const engine = await seedEngine();
const DATA = resolve(import.meta.dirname, '../data');
// Our own questions: 443 answerable across the articles' facts, 211 out of scope (traps that reuse
// the articles' words included), 9 conflicts. fresh*.jsonl were each written, unseen, after the engine as it then was.
const questions = ['questions.jsonl', 'fresh.jsonl', 'fresh2.jsonl', 'fresh3.jsonl', 'fresh4.jsonl', 'fresh5.jsonl', 'fresh6.jsonl', 'fresh7.jsonl', 'fresh8.jsonl', 'fresh9.jsonl', 'fresh10.jsonl', 'fresh11.jsonl', 'fresh12.jsonl', 'fresh13.jsonl', 'fresh14.jsonl'].flatMap((f) => parseEvalFile(readFileSync(resolve(DATA, f), 'utf8')));

describe('answer quality on our own question sets', () => {
  const report = runEval(questions, (q) => engine.answer(q), engine.index);

  it('has enough questions to mean something', () => {
    expect(report.answerable).toBeGreaterThanOrEqual(60);
    expect(report.unanswerable).toBeGreaterThanOrEqual(20);
  });

  // Floors at what the fitted model reaches (README, Answer quality): abstention here fell from
  // 95.7% to 84.8% when the model was fitted to chat phrasing too, which halved chat false refusals,
  // and to 78.2% with the refusal trees, which halved them again (and false abstention here 2.5% → 1.1%).
  it('holds its floors: first citation right, out-of-scope refused, nothing invented', () => {
    expect(report.hit1).toBeGreaterThanOrEqual(0.9);
    expect(report.hit3).toBeGreaterThanOrEqual(0.955);
    expect(report.abstention).toBeGreaterThanOrEqual(0.76); // 77.7% fitted on 40 batches (78.2% on 38), threshold and reading weights within one standard error
    expect(report.falseAbstention).toBeLessThanOrEqual(0.02); // the target: 5 of 443 (1.1%) now, 7 or 8 under refits that put the threshold at 0.5
    expect(report.conflictsShown).toBe(1);
    expect(report.nonVerbatim).toBe(0);
  });

  it('is far ahead of plain MiniSearch on the same passages', () => {
    const baseline = runEval(questions, plainMiniSearchAsker(engine.index), engine.index);
    expect(report.hit1 - baseline.hit1).toBeGreaterThan(0.2);
    expect(baseline.abstention).toBeLessThan(0.1);
  });
});

// Written by independent writers who saw only the articles and who asks (Discord, Slack, non-native, hurried, typists, newcomers,
// terse power users, business people, dev-tools engineers, skeptics, students, people on phones, reporters and moderators,
// ML hobbyists, non-technical office colleagues, a gaming Discord, sales engineers, retail investors, infrastructure engineers,
// an ML paper-reading group, people relaying and checking what they heard elsewhere, people writing partly in their own language).
// Every chat-*.jsonl counts, so a new batch is gated from the day it is added.
const chatFiles = readdirSync(DATA).filter((f) => f.startsWith('chat-') && f.endsWith('.jsonl'));
const chat = chatFiles.flatMap((f) => parseEvalFile(readFileSync(resolve(DATA, f), 'utf8')));

describe('answer quality on the independent chat batches', () => {
  const report = runEval(chat, (q) => engine.answer(q), engine.index);

  it('holds its floors (far from the issue targets: README, Answer quality)', () => {
    // Floors a point or two under what the fitted model reaches over 23 batches, the two written
    // partly in other languages included (hit@1 70.6%, false abstention 12.7%, abstention 80.0%,
    // conflicts shown 51.6%; over the 21 in English 71.2%, 11.9%, 81.5%: README, Answer quality):
    // a refit moves single questions across the threshold.
    expect(chatFiles.length).toBeGreaterThanOrEqual(23);
    expect(report.answerable).toBeGreaterThanOrEqual(1105);
    expect(report.hit1).toBeGreaterThanOrEqual(0.69);
    expect(report.falseAbstention).toBeLessThanOrEqual(0.145);
    expect(report.abstention).toBeGreaterThanOrEqual(0.79);
    expect(report.conflictsShown).toBeGreaterThanOrEqual(0.48);
    expect(report.nonVerbatim).toBe(0);
  });
});

// Written at the end of a round and scored once on main (README, Answer quality), never fitted on:
// the next round's honest check of its changes, before it moves them into test/data.
const HELD = resolve(DATA, 'held');
describe('held-out batches (test/data/held)', () => {
  const files = readdirSync(HELD).filter((f) => f.endsWith('.jsonl'));

  it('are well formed and kept out of the fit and the floors above', () => {
    expect(files.length).toBeGreaterThan(0);
    const fitted = new Set(loadBatches().map((b) => b.name));
    for (const f of files) {
      expect(parseEvalFile(readFileSync(resolve(HELD, f), 'utf8')).length, f).toBeGreaterThanOrEqual(60);
      expect(fitted.has(f.replace('.jsonl', '')), f).toBe(false);
      expect(chatFiles, f).not.toContain(f);
    }
  });
});
