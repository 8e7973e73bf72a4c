import { describe, expect, it } from 'vitest';
import { renderAnswer } from '../../adapters/slack/blocks/render-answer.js';
import { escapeMrkdwn } from '../../adapters/slack/blocks/escape.js';
import { SLACK_LIMITS } from '../../adapters/slack/blocks/limits.js';
import type { Answer } from '../../src/answer/schema.js';

const long = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');

describe('escapeMrkdwn', () => {
  it('makes mentions and links inert', () => {
    expect(escapeMrkdwn('<!here> & <@U1|bob> <https://x|y>')).toBe('&lt;!here&gt; &amp; &lt;@U1|bob&gt; &lt;https://x|y&gt;');
  });
});

describe('renderAnswer (Slack)', () => {
  it('respects the section limit, escapes article text and always sends fallback text', () => {
    const quote = `${long(1500)} <!channel>`;
    const answer: Answer = {
      question: '<!everyone> how big?', status: 'answered', text: `${quote} [1]`,
      citations: [{ n: 1, source: 's', title: 'A <b> & C', publisher: null, published: null, url: null, quote, display: quote, start: 0, end: quote.length, alsoIn: [], reportedBy: 2 }],
      conflicts: [], suggestions: [], sourceCount: 5,
    };
    const { text, blocks } = renderAnswer(answer, 'id1', { restate: true, share: true });
    expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    for (const block of blocks as any[]) {
      if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    }
    const json = JSON.stringify(blocks);
    expect(json).not.toContain('<!everyone>');
    expect(json).not.toContain('<!channel>');
    expect(json).toContain('A &lt;b&gt; &amp; C');
    expect(json).toContain('reported by 2 of 5 sources');
    expect(text.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
  });
});
