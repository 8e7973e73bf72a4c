import { describe, expect, it } from 'vitest';
import { chatCommand } from '../../adapters/cli/chat-command.js';

describe('chatCommand', () => {
  it.each([
    ['quit', 'quit'],
    ['/exit', 'quit'],
    [':q', 'quit'],
    ['how do I quit?', 'quit'],
    ['quit please', 'quit'],
    ['exit now', 'quit'],
    ['bye', 'quit'],
    ['Bye!', 'quit'],
    ['help', 'help'],
    ['help?', 'help'],
    ['?', 'help'],
    ['/?', 'help'],
    ['sources please', 'sources'],
    ['what are your sources?', 'sources'],
  ])('%j is the %s command', (line, command) => {
    expect(chatCommand(line)).toBe(command);
  });

  it.each([
    'How many parameters does Grok V9 Medium have?',
    'How can Grok help developers?',
    'Is the model quite large?',
    'what sources does xAI cite for the launch date?',
    'please please please please please please help',
    'what is it?',
    '',
  ])('%j is a question, not a command', (line) => {
    expect(chatCommand(line)).toBeUndefined();
  });
});
