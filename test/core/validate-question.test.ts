import { describe, expect, it } from 'vitest';
import { characterCount, checkQuestion, cleanQuestion, firstCharacters, MAX_QUESTION_LENGTH } from '../../src/answer/validate-question.js';

describe('checkQuestion', () => {
  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['?!?...', /punctuation/],
    ['🚀'.repeat(240), /^Ask in words — that was only emoji or punctuation\.$/],
    ['a'.repeat(501), /500 characters/],
    ['🚀'.repeat(501), /500 characters \(an emoji counts as one\)/],
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

  it('counts characters as a person does: code points, not UTF-16 units', () => {
    const rockets = (n: number) => `launch ${'🚀'.repeat(n - 7)}`;
    // 300 characters to a person, 593 UTF-16 units to JavaScript's .length.
    expect(rockets(300).length).toBeGreaterThan(MAX_QUESTION_LENGTH);
    expect(checkQuestion(rockets(300))).toEqual({ ok: true, question: rockets(300) });
    expect(characterCount(rockets(500))).toBe(500);
    expect(checkQuestion(rockets(500)).ok).toBe(true);
    expect(checkQuestion(rockets(501)).ok).toBe(false);
  });

  it('the engine guard cuts at 500 code points and never splits a surrogate pair', () => {
    const cut = cleanQuestion(`a${'🚀'.repeat(600)}`);
    expect(characterCount(cut)).toBe(MAX_QUESTION_LENGTH);
    expect(cut.endsWith('🚀')).toBe(true);
    expect(firstCharacters('ab🚀c', 3)).toBe('ab🚀');
    expect(firstCharacters('ab', 3)).toBe('ab');
  });
});
