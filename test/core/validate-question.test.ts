import { describe, expect, it } from 'vitest';
import { checkQuestion } from '../../src/answer/validate-question.js';

describe('checkQuestion', () => {
  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['?!?...', /punctuation/],
    ['a'.repeat(501), /500 characters/],
    ['what\u0007 is it', /control characters/],
  ])('rejects %j with a short message', (input, message) => {
    const result = checkQuestion(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(message);
      expect(result.error.length).toBeLessThan(80);
    }
  });

  it('accepts and trims a normal question', () => {
    expect(checkQuestion('  how big is it?  ')).toEqual({ ok: true, question: 'how big is it?' });
  });
});
