import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../src/engine/engine.js';
import { currentModel, useModel } from '../../src/answer/model/model.js';
import { AnswerSchema } from '../../src/answer/schema.js';
import { SEEDS_DIR, seedEngine } from '../helpers/engine.js';

const engine = await seedEngine();
const raw = new Map(engine.index.articles.map((a) => [a.source, a.rawText]));

function firstQuote(question: string, previous?: string): string {
  const answer = engine.answer(question, { previous });
  expect(answer.status, question).toBe('answered');
  return answer.citations[0]!.quote;
}

describe('answer', () => {
  it('cites the passage that answers plain questions', () => {
    expect(firstQuote('How many parameters does Grok V9 Medium have?')).toMatch(/1\.5 trillion|1\.5T/);
    expect(firstQuote('Where is the Colossus supercomputer?')).toContain('Memphis');
    expect(firstQuote('How much did xAI raise in its Series E?')).toContain('$20 billion');
    expect(firstQuote('Which GPU architecture is it optimized for?')).toMatch(/blackwell/i);
    expect(firstQuote('When did SpaceX absorb xAI?')).toContain('February 2026');
  });

  it('returns a schema-valid answer whose citations are verbatim slices with their sources', () => {
    const answer = engine.answer('How many GPUs does Colossus have?');
    expect(AnswerSchema.parse(answer)).toEqual(answer);
    expect(answer.citations.length).toBeGreaterThanOrEqual(1);
    expect(answer.citations.length).toBeLessThanOrEqual(3);
    for (const c of answer.citations) expect(raw.get(c.source)!.slice(c.start, c.end)).toBe(c.quote);
    expect(answer.citations.map((c) => c.n)).toEqual(answer.citations.map((_, i) => i + 1));
    expect(answer.text).toBe(`${answer.citations[0]!.quote} [#1]`);
  });

  it('counts the sources that report a repeated passage', () => {
    const answer = engine.answer('How many parameters does Grok V9 Medium have?');
    for (const c of answer.citations) {
      const passage = engine.index.passages.find((p) => p.locations[0]!.start === c.start && p.locations[0]!.source === c.source)!;
      expect(c.reportedBy).toBe(new Set(passage.locations.map((l) => l.source)).size);
      expect(c.alsoIn.map((a) => a.source)).toEqual([...new Set(passage.locations.map((l) => l.source))].filter((s) => s !== c.source));
    }
  });

  it.each([
    'What is the capital of Australia?',
    'How many parameters does GPT-5 have?',
    "What is Tesla's stock price today?",
    'What is the population of Memphis?',
    'Who founded Anthropic?',
    'How many parameters does Claude have?',
  ])('says "not in my sources" to %s', (question) => {
    const answer = engine.answer(question);
    expect(answer.status).toBe('no_answer');
    expect(answer.citations).toEqual([]);
    expect(answer.suggestions).toHaveLength(3);
  });

  it('never answers without a quote: a best match covering too little of the question is a refusal', () => {
    // Found by the Discord fuzz test: answered, with no citation and an empty text, which Discord rejects.
    const answer = engine.answer('<@123> blackwell release nd $20 2');
    expect(answer.status === 'no_answer' || (answer.citations.length > 0 && answer.text.length > 0)).toBe(true);
  });

  it('shows both sides when the sources disagree on the per-token cost', () => {
    const answer = engine.answer('How much did the per-token cost fall?');
    const quotes = answer.citations.slice(0, 3).map((c) => c.quote).join('\n');
    expect(quotes).toContain('90%');
    expect(quotes).toContain('40%');
    expect(answer.conflicts).toHaveLength(1);
    expect(answer.conflicts[0]!.sides.map((s) => s.value).sort()).toEqual(['40%', '90%']);
    expect(answer.text).toContain('90%');
    expect(answer.text).toContain('40%');
  });

  it('every citation of the text is one the text refers to, and [#1] leads when the sides are others', () => {
    const answer = engine.answer('did it get cheaper?');
    expect(answer.conflicts.length).toBeGreaterThan(0);
    expect(answer.text.startsWith(`${answer.citations[0]!.display} [#1]`)).toBe(true);
    for (const side of answer.conflicts[0]!.sides) expect(answer.text).toContain(`[#${side.n}]`);
  });

  it('does not report figures that one article states together as a disagreement', () => {
    // 0.5T (V8-Small) and 1.5T (V9-Medium) stand side by side in several articles: two models, not a conflict.
    expect(engine.index.conflicts.every((c) => !c.claims.some((claim) => /^[01]\.5t$/.test(claim.value)))).toBe(true);
  });

  it('understands an elliptical follow-up through the previous question', () => {
    const followUp = engine.answer('and who else invested?', { previous: 'How much did xAI raise in its Series E?' });
    expect(followUp.status).toBe('answered');
    expect(followUp.citations.slice(0, 3).map((c) => c.quote).join(' ')).toMatch(/Valor|Fidelity|Nvidia and Cisco/);
  });

  it('says a bare follow-up has no question before it, rather than that the sources lack it', () => {
    for (const q of ['and?', 'and where?', 'what about it?']) {
      const answer = engine.answer(q);
      expect(answer.status).toBe('no_answer');
      expect(answer.text).toBe("That follows up on a question, and there isn't one before it — ask the whole question.");
    }
    expect(engine.answer('and where?', { previous: 'how many gpus in colossus' }).status).toBe('answered');
    // A question with content of its own is answered or refused as any other.
    expect(engine.answer('and where is colossus?').text).not.toMatch(/follows up/);
  });

  it('a short question with its own subject is answered as it stands, whatever came before', async () => {
    // One content word and no "and …?" or pronoun: "Where was the briefing held?" does not lean on
    // the Megapacks asked about before (it was refused when read through them).
    const dir = mkdtempSync(join(tmpdir(), 'grok-follow-'));
    cpSync(SEEDS_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'site.md'), '# Colossus 2 power draw, explained\n\n## What people said\n\n- The site uses 168 Tesla Megapacks for backup.\n- Cooling water comes from a new 13-million-gallon recycling plant.\n');
    writeFileSync(join(dir, 'briefing.txt'), 'Grok V9-Medium developer briefing\n\nAt the developer briefing, xAI said Grok V9-Medium would support a 2 million token context window.\nPricing for the API was not announced at the briefing.\nThe briefing was held in Palo Alto on May 29, 2026, and lasted 90 minutes.\n');
    // A second outlet's copy that differs in one figure, as real coverage does.
    writeFileSync(join(dir, 'briefing-2.txt'), 'Grok V9-Medium developer briefing\n\nAt the developer briefing, xAI said Grok V9-Medium would support a 2 million token context window.\nPricing for the API was not announced at the briefing.\nThe briefing was held in Palo Alto on May 29, 2026, and lasted 95 minutes.\n');
    const small = await createEngine({ corpusDir: dir });
    const first = 'How many Tesla Megapacks are used for backup?';
    expect(small.answer(first).citations[0]?.quote).toMatch(/168 Tesla Megapacks/);
    const briefing = small.answer('Where was the briefing held?', { previous: first });
    expect(briefing.status).toBe('answered');
    expect(briefing.citations[0]!.quote).toMatch(/held in Palo Alto/);
    // A question that says it follows on still reads through the one before.
    expect(engine.answer('and v8 small?', { previous: 'how many parameters does v9 medium have' }).citations[0]!.quote).toMatch(/V8 Small is 0\.5T/);
  });

  it('a follow-up asking something else of the same thing drops what was asked before', () => {
    // "How many GPUs in Colossus?" then "and where is it located?": Colossus carries over, the GPUs do not.
    const where = engine.answer('and where is it located?', { previous: 'how many gpus in colossus' });
    expect(where.status).toBe('answered');
    expect(where.citations[0]!.quote).toMatch(/Colossus supercomputer cluster in Memphis, Tennessee/);
    // What the question before was about stays: "what's colossus?" then "where is it located?".
    for (const [previous, q, quote] of [
      ["what's colossus?", 'where is it located?', /Memphis, Tennessee/],
      ['what is colossus', 'and where is it?', /Memphis, Tennessee/],
      ['what is the ipo', 'and when is it?', /June 2026/],
    ] as const) {
      const answer = engine.answer(q, { previous });
      expect(answer.status, `${previous} → ${q}`).toBe('answered');
      expect(answer.citations[0]!.quote, `${previous} → ${q}`).toMatch(quote);
    }
    // Asking the same kind of thing again keeps it all: "and v8 small?" after "how many parameters…".
    const same = engine.answer('and v8 small?', { previous: 'how many parameters does v9 medium have' });
    expect(same.citations[0]!.quote).toMatch(/V8 Small is 0\.5T/);
  });

  it('never throws on hostile input and never quotes more than the limit', () => {
    for (const input of ['', '   ', '?!?', '\u0000\u0007', 'x'.repeat(10_000), '\uD800 lone surrogate', '<@123> <!everyone> **bold**']) {
      const answer = engine.answer(input);
      expect(AnswerSchema.safeParse(answer).success).toBe(true);
      expect(answer.question.length).toBeLessThanOrEqual(500);
    }
  });
});

describe('an answer always quotes something', () => {
  // The model may answer with a candidate that covers little of the question (it weighs the
  // evidence, no rule stops it); then that candidate is still quoted, never an empty answer.
  it('quotes at least one passage, with text, whenever it answers', () => {
    // A refusal model that always answers makes the engine answer with whatever candidate leads,
    // however little it covers (these two lead with one under the citing floor, 0.4): exactly the
    // case that came back answered with nothing quoted.
    const fitted = currentModel();
    useModel({ ...fitted, threshold: 0 });
    try {
      for (const q of ['1 LA AJ grok <@123>', 'is blackwell actually better than hopper or is that just nvidia marketing', 'how much cursor code are we talking, thousands of lines or millions']) {
        const answer = engine.answer(q);
        expect(answer.status, q).toBe('answered');
        expect(answer.citations.length, q).toBeGreaterThan(0);
        expect(answer.text.trim(), q).not.toBe('');
      }
    } finally {
      useModel(fitted);
    }
  });
});

describe('suggestions', () => {
  it('are questions the engine answers, derived from the corpus', () => {
    const all = engine.suggestions('', 25);
    expect(all.length).toBeGreaterThanOrEqual(5);
    for (const q of all) expect(engine.answer(q).status).toBe('answered');
  });

  it('filter by what has been typed, for autocomplete', () => {
    const matches = engine.suggestions('curs', 25);
    expect(matches.length).toBeGreaterThan(0);
    expect(matches.every((s) => /curs/i.test(s))).toBe(true);
    expect(engine.suggestions('zzzz', 25)).toEqual([]);
    expect(engine.suggestions('', 2)).toHaveLength(2);
  });
});
