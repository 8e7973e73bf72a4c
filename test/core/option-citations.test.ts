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
