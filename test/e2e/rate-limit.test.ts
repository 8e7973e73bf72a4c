import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordBot } from '../../adapters/discord/bot.js';
import { createSlackApp, type SlackApp } from '../../adapters/slack/app.js';
import { createBotCore } from '../../src/bot/bot-core.js';
import { createLogger } from '../../src/log/logger.js';
import { openDatabase } from '../../src/store/database.js';
import { FakeDiscord } from '../fakes/fake-discord.js';
import { FakeSlack, form, signedRequest } from '../fakes/fake-slack.js';
import { startDiscordBot } from '../helpers/discord-bot.js';
import { seedEngine } from '../helpers/engine.js';

const logger = createLogger({ level: 'silent' });
const SECRET = 'rate-limit-signing-secret-0123456789';
const discord = new FakeDiscord();
const slack = new FakeSlack();
let bot: DiscordBot;
let slackApp: SlackApp;
let events: string;

beforeAll(async () => {
  await discord.start();
  await slack.start();
  // One core with the default limits, shared by both adapters as in npm start.
  const core = createBotCore({ engine: await seedEngine(), db: openDatabase(':memory:') });
  bot = await startDiscordBot(discord, core, logger, 'rate.limit.token');
  slackApp = createSlackApp({ core, logger, botToken: 'xoxb-rate', signingSecret: SECRET, port: 0, host: '127.0.0.1', apiUrl: slack.apiUrl });
  events = `http://127.0.0.1:${((await slackApp.start())!.address() as AddressInfo).port}/slack/events`;
});

afterAll(async () => {
  await bot.stop();
  await slackApp.stop();
  await discord.close();
  await slack.close();
});

describe('rate limits through the adapters (defaults: 5 questions per user per 30 s)', () => {
  it('answers a sixth Discord question in 30 s with a private "slow down"', async () => {
    const replies = [];
    for (let i = 0; i < 6; i++) {
      const { id } = discord.slashCommand('grok-facts', [{ name: 'question', type: 3, value: 'Where is Colossus?' }]);
      replies.push((await discord.waitForRequest((r) => r.path.startsWith(`/interactions/${id}/`))).body.data);
    }
    expect(replies.slice(0, 5).every((r) => r.embeds?.length === 1)).toBe(true);
    expect(replies[5].content).toMatch(/^⏳ Slow down — try again in \d+ s$/);
    expect(replies[5].flags & 64).toBe(64);
  });

  it('answers a sixth Slack question in 30 s with a private "slow down"', async () => {
    const texts = [];
    for (let i = 0; i < 6; i++) {
      const url = slack.responseUrl();
      await signedRequest(events, form(slack.slashCommand('Where is Colossus?', url)), 'application/x-www-form-urlencoded', SECRET);
      texts.push((await slack.waitForResponse(url)).body);
    }
    expect(texts.slice(0, 5).every((b) => b.blocks?.length > 0)).toBe(true);
    expect(texts[5]).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/Slow down — try again in \d+ s/) });
  });

  it('answers a sixth app mention in 30 s privately (chat.postEphemeral to the asker), not in the thread', async () => {
    const user = 'U0MENTION1';
    const mentions = [];
    for (let i = 0; i < 6; i++) {
      const mention = slack.mentionEvent(`<@${slack.botUserId}> Where is Colossus?`, { user });
      mentions.push(mention);
      await signedRequest(events, JSON.stringify(mention), 'application/json', SECRET);
      if (i < 5) await slack.waitForCall('chat.postMessage', (c) => c.params.thread_ts === mention.event.ts);
    }
    const sixth = mentions[5]!.event;
    const notice = await slack.waitForCall('chat.postEphemeral', (c) => c.params.thread_ts === sixth.ts);
    expect(notice.params).toMatchObject({ channel: slack.channel, user, text: expect.stringMatching(/Slow down — try again in \d+ s/) });
    // Nothing public in the sixth mention's thread.
    await new Promise((r) => setTimeout(r, 300));
    expect(slack.calls.some((c) => c.method === 'chat.postMessage' && c.params.thread_ts === sixth.ts)).toBe(false);
  });

  it('falls back to the thread when Slack refuses the ephemeral notice', async () => {
    // The same user is still over the limit from the test above.
    slack.failNext.set('chat.postEphemeral', 'user_not_in_channel');
    const mention = slack.mentionEvent(`<@${slack.botUserId}> Where is Colossus?`, { user: 'U0MENTION1' });
    await signedRequest(events, JSON.stringify(mention), 'application/json', SECRET);
    const reply = await slack.waitForCall('chat.postMessage', (c) => c.params.thread_ts === mention.event.ts);
    expect(reply.params.text).toMatch(/Slow down — try again in \d+ s/);
  });
});
