import { describe, expect, it } from 'vitest';
import { chatCommand } from '../../adapters/cli/chat-command.js';
import { AnswerSchema } from '../../src/answer/schema.js';
import { readableLine } from '../../src/log/readable.js';
import { analyze } from '../../src/text/analyze.js';
import { tokenize } from '../../src/text/tokenize.js';
import { seedEngine } from '../helpers/engine.js';

// Every name a plain object inherits: a word table looked up with `table[word]` finds these too.
const INHERITED = Object.getOwnPropertyNames(Object.prototype);

describe('words named like what every object inherits', () => {
  it('are read as words: the engine answers or refuses, never throws', async () => {
    const engine = await seedEngine();
    for (const word of INHERITED) {
      for (const question of [`${word} ${word}`, `how many ${word} million parameters?`, `one ${word}`, `${word} one million`]) {
        const answer = engine.answer(question);
        expect(AnswerSchema.safeParse(answer).success, question).toBe(true);
      }
    }
  });

  it('tokenize and analyze give strings for them, as for any word', () => {
    for (const word of INHERITED) {
      for (const token of tokenize(`${word} two ${word}`)) expect(typeof token.text).toBe('string');
      for (const term of analyze(`${word} million ${word}`)) expect(typeof term.term).toBe('string');
    }
  });

  it('are no console-chat command, and a log level of that name is printed as written', () => {
    for (const word of INHERITED) {
      expect(chatCommand(word)).toBeUndefined();
      expect(readableLine(word, 'hello')).toBe(`grok-facts ${word}: hello\n`);
    }
  });
});
