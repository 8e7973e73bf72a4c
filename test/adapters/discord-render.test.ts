import { describe, expect, it } from 'vitest';
import { renderAnswer } from '../../adapters/discord/render-answer.js';
import { DISCORD_LIMITS } from '../../adapters/discord/limits.js';
import { truncateWords } from '../../adapters/shared/truncate.js';
import type { Answer } from '../../src/answer/schema.js';

const long = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

function answerWith(text: string, question = 'q?'): Answer {
  const citation = { n: 1, source: 's', title: long(100), publisher: null, published: null, url: null, quote: text, display: text, start: 0, end: text.length, alsoIn: [], reportedBy: 1 };
  return {
    question, status: 'answered', text, citations: [citation, { ...citation, n: 2 }, { ...citation, n: 3 }],
    conflicts: [{ about: 'token cost', sides: [{ n: 1, value: '90%', source: 's' }, { n: 2, value: '40%', source: 't' }] }],
    suggestions: [], sourceCount: 5,
  };
}

describe('truncateWords', () => {
  it('cuts on a word boundary and marks the cut', () => {
    expect(truncateWords('alpha beta gamma delta', 12)).toBe('alpha beta…');
    expect(truncateWords('short', 10)).toBe('short');
    expect(truncateWords(long(50), 40).length).toBeLessThanOrEqual(40);
  });
});

describe('renderAnswer (Discord)', () => {
  it('stays within every embed limit and keeps the disagreement line', () => {
    const { embeds } = renderAnswer(answerWith(long(2000), long(200)), 'abc');
    const embed = embeds[0]!;
    expect(embed.title!.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
    expect(embed.description!.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    expect(embed.description).toMatch(/Sources disagree.*90% \*\*\[#1\]\*\* vs 40% \*\*\[#2\]\*\*/);
    for (const f of embed.fields!) {
      expect(f.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
    }
    const total = [embed.title, embed.description, embed.footer?.text, ...embed.fields!.flatMap((f) => [f.name, f.value])].join('').length;
    expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
    expect(embed.description!.endsWith('…') || embed.description!.includes('…\n')).toBe(true);
  });

  it('renders an answer without text (found by the fuzz test: "1 LA AJ grok <@123>") instead of throwing', () => {
    const empty: Answer = { question: '1 LA AJ grok <@123>', status: 'answered', text: '', citations: [], conflicts: [], suggestions: [], sourceCount: 5 };
    const { embeds } = renderAnswer(empty, 'abc');
    expect(embeds[0]!.title).toBe('1 LA AJ grok <@123>');
    expect(embeds[0]!.description).toBeUndefined();
  });
});
