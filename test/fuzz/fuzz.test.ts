import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { questionFromMessage } from '../../adapters/discord/mention-text.js';
import { renderAnswer as renderDiscord } from '../../adapters/discord/render-answer.js';
import { DISCORD_LIMITS } from '../../adapters/discord/limits.js';
import { escapeMrkdwn } from '../../adapters/slack/blocks/escape.js';
import { renderAnswer as renderSlack } from '../../adapters/slack/blocks/render-answer.js';
import { SLACK_LIMITS } from '../../adapters/slack/blocks/limits.js';
import { parseDigestOn, questionFromMention } from '../../adapters/slack/mention-text.js';
import { AnswerSchema } from '../../src/answer/schema.js';
import { characterCount, checkQuestion, MAX_QUESTION_LENGTH } from '../../src/answer/validate-question.js';
import { seedEngine } from '../helpers/engine.js';

const engine = await seedEngine();
const raw = new Map(engine.index.articles.map((a) => [a.source, a.rawText]));
// Bounded runs keep npm test quick; each run is a fresh, shrinkable counterexample search.
const RUNS = { numRuns: Number(process.env.FUZZ_RUNS ?? 150) };

const markup = fc.constantFrom('<@123>', '<@!456>', '<!everyone>', '<!here>', '@here', '@everyone', '```code```', '**bold**', '<#C1>', '<https://x|y>', '&amp;', '\u200b', '\u202e', '\u0000', '\ud800', '🚀', 'שלום', 'параметры');
const words = fc.constantFrom('grok', 'parameters', 'how', 'many', 'when', 'cursor', 'blackwell', 'release', '1.5T', '$20', 'v9', '?', '...', 'xai', 'one', 'million', 'constructor', '__proto__', 'toString');
/** Any Unicode (lone surrogates included), markup, the articles' own words, and long repetitions. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 10_000, size: 'max' }),
  fc.string({ unit: 'grapheme', maxLength: 2000, size: 'large' }),
  fc.array(fc.oneof(markup, words, fc.string({ maxLength: 8 })), { maxLength: 300 }).map((parts) => parts.join(' ')),
  fc.tuple(words, fc.integer({ min: 1, max: 4000 })).map(([w, n]) => `${w} `.repeat(n)),
);

describe('fuzzing answer()', () => {
  it('never throws, always returns a schema-valid Answer with verbatim citations, and cuts long input first', () => {
    fc.assert(
      fc.property(hostile, fc.option(hostile, { nil: undefined }), (question, previous) => {
        const answer = engine.answer(question, { previous });
        expect(AnswerSchema.safeParse(answer).success).toBe(true);
        expect(characterCount(answer.question)).toBeLessThanOrEqual(MAX_QUESTION_LENGTH);
        for (const c of answer.citations) expect(raw.get(c.source)!.slice(c.start, c.end)).toBe(c.quote);
      }),
      {
        ...RUNS,
        examples: [
          ['parameters '.repeat(1000), undefined],
          ['\ud800'.repeat(5000), 'x'.repeat(10_000)],
          ['🚀'.repeat(700), '🚀 parameters '.repeat(100)],
          ['<@123> <!everyone> how many **parameters**?\u0000', undefined],
        ],
      },
    );
  });

  it('checkQuestion never throws and either accepts a trimmed question within the limit or says why in a few words', () => {
    fc.assert(
      fc.property(hostile, (input) => {
        const check = checkQuestion(input);
        if (check.ok) expect(characterCount(check.question)).toBeLessThanOrEqual(MAX_QUESTION_LENGTH);
        else expect(check.error.length).toBeLessThan(80);
      }),
      RUNS,
    );
  });

  it('checkQuestion counts code points: any wordy question of up to 500 characters is accepted, one more is refused', () => {
    // Astral characters (emoji, CJK extension, maths letters) are two UTF-16 units but one character to a person.
    const char = fc.oneof(fc.constantFrom('a', 'é', 'я', '中', '🚀', '𝒳', '👍', '𠀀'), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }));
    fc.assert(
      fc.property(fc.array(char, { minLength: 200, maxLength: 520, size: 'max' }), (chars) => {
        const question = `q${chars.join('').replace(/\s/g, 'x')}`;
        const check = checkQuestion(question);
        if (characterCount(question) <= MAX_QUESTION_LENGTH) expect(check).toEqual({ ok: true, question });
        else expect(check.ok ? '' : check.error).toMatch(/at most 500 characters/);
      }),
      RUNS,
    );
  });
});

describe('fuzzing the adapters’ parsing', () => {
  it('Discord: the question never keeps a mention of the bot and the reply stays within limits', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const question = questionFromMessage(`<@100> ${text} <@!100>`, '100');
        expect(question).not.toContain('<@100>');
        expect(question).not.toContain('<@!100>');
        const check = checkQuestion(question);
        if (!check.ok) return;
        const embed = renderDiscord(engine.answer(check.question), 'id').embeds[0]!;
        expect(embed.title!.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
        expect((embed.description ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
      }),
      RUNS,
    );
  });

  it('Slack: mentions of the bot are removed, escaped text has no < or >, blocks stay within limits', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const question = questionFromMention(`<@UBOT> ${text} <@UBOT|grok-facts>`, 'UBOT');
        expect(question).not.toMatch(/<@UBOT(\|[^>]*)?>/);
        expect(escapeMrkdwn(text)).not.toMatch(/[<>]/);
        const check = checkQuestion(question);
        if (!check.ok) return;
        const { text: fallback, blocks } = renderSlack(engine.answer(check.question), 'id', { restate: true, share: true });
        expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
        expect(fallback.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
        expect(JSON.stringify(blocks)).not.toMatch(/<!everyone>|<!here>|<!channel>|<@U/);
      }),
      RUNS,
    );
  });

  it('Slack: digest arguments never throw and only pick words that were given', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('08:30', '9', 'UTC', 'Europe/Berlin')), { maxLength: 20 }), (args) => {
        const { time, tz } = parseDigestOn(args);
        if (time !== undefined) expect(args).toContain(time);
        if (tz !== undefined) expect(args).toContain(tz);
      }),
      RUNS,
    );
  });
});
