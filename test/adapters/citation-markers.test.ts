import { describe, expect, it } from 'vitest';
import { formatAnswer } from '../../adapters/cli/format-answer.js';
import { styleFor } from '../../adapters/cli/style.js';
import { renderAnswer as renderDiscord } from '../../adapters/discord/render-answer.js';
import { answerSegments } from '../../adapters/shared/answer-segments.js';
import { renderAnswer as renderSlack } from '../../adapters/slack/blocks/render-answer.js';
import { seedEngine } from '../helpers/engine.js';

// The article's own reference marker "[5, 11]" is part of the quote and must stay as it is.
const QUESTION = 'Which strategic partners invested in xAI?';

describe("the bot's citation markers", async () => {
  const answer = (await seedEngine()).answer(QUESTION);
  const quote = answer.citations[0]!.quote;

  it('are unmistakable next to an article reference, and the quote stays verbatim', () => {
    expect(quote).toContain('strategic partners [5, 11].');
    expect(answer.text).toBe(`${quote} [#1]`);
    expect(answerSegments(answer)).toEqual([{ text: quote, n: 1 }]);
  });

  it('in the terminal: [#1] after the quote and before the source, coloured on a terminal', () => {
    const plain = formatAnswer(answer, styleFor({ isTTY: false } as NodeJS.WriteStream));
    expect(plain).toContain(`${quote} [#1]`);
    expect(plain).toMatch(/^\[#1\] /m);
    const coloured = formatAnswer(answer, styleFor({ isTTY: true } as NodeJS.WriteStream, {}));
    expect(coloured).toContain(`${quote} \u001b[36m[#1]\u001b[39m`);
  });

  it('on Discord: bold [#1] in the description and the source field', () => {
    const embed = renderDiscord(answer, 'a1').embeds[0]!;
    expect(embed.description).toContain(`${quote} **[#1]**`);
    expect(embed.fields![0]!.name).toMatch(/^\[#1\] /);
  });

  it('on Slack: bold [#1] after the escaped quote, and in the source line', () => {
    const json = JSON.stringify(renderSlack(answer, 'a1', { restate: false, share: false }).blocks);
    expect(json).toContain('strategic partners [5, 11]. *[#1]*');
    expect(json).toContain('*[#1]* ');
  });
});
