import { describe, expect, it } from 'vitest';
import { analyseQuestion } from '../../src/answer/question.js';
import { seedEngine } from '../helpers/engine.js';

const engine = await seedEngine();

describe('a question that offers two options', () => {
  it('reads the words of each option the articles use', () => {
    expect(analyseQuestion('was the problem the size of the model, or the quality of its data?', engine.index).options).toHaveLength(2);
    // One option the articles have no word for is kept, empty: there is nothing to look up for it.
    const [first, second] = analyseQuestion('is it zorbly or released to the public?', engine.index).options;
    expect(first).toEqual([]);
    expect(second!.length).toBeGreaterThan(0);
    expect(analyseQuestion('how many parameters does it have?', engine.index).options).toEqual([]);
  });

  it('quotes what the sources say of each option, not only of the one the first passage meets', () => {
    const answer = engine.answer('Will it be open to the public right away, or limited to X developers and Tesla at first?');
    expect(answer.status).toBe('answered');
    const shown = answer.text.toLowerCase();
    expect(shown).toMatch(/public/);
    expect(shown).toMatch(/x platform developers/);
    // Two citations are shown, and they are different passages.
    expect(answer.text.match(/\[#\d\]/g)?.length).toBe(2);
  });
});

describe('an option the articles have no words for, beside a figure the question names', () => {
  it('is answered by what another article says of that figure', () => {
    const answer = engine.answer('wait is the 2-3 weeks thing the public release or just when testing starts?');
    const shown = answer.text.toLowerCase();
    expect(shown).toMatch(/open to the public within 2 to 3 weeks/);
    // The other article gives the same weeks for the start of the evaluations, and is shown beside it.
    expect(shown).toMatch(/evaluations expected to begin in 2.3 weeks/);
    expect(new Set(answer.citations.slice(0, 2).map((c) => c.source)).size).toBe(2);
  });

  it('adds nothing when the question names no figure', () => {
    const answer = engine.answer('is it released to the public or zorbly?');
    expect(answer.text.match(/\[#\d\]/g)?.length ?? 0).toBeLessThanOrEqual(1);
  });
});
