import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordBot } from '../../adapters/discord/bot.js';
import { feedbackButtonId } from '../../adapters/discord/feedback-ids.js';
import { registerCommands } from '../../adapters/discord/register-commands.js';
import { createBotCore } from '../../src/bot/bot-core.js';
import type { Engine } from '../../src/engine/engine.js';
import { createLogger } from '../../src/log/logger.js';
import { openDatabase } from '../../src/store/database.js';
import { FakeDiscord, type RecordedRequest } from '../fakes/fake-discord.js';
import { startDiscordBot } from '../helpers/discord-bot.js';
import { seedEngine } from '../helpers/engine.js';
import { GENEROUS_LIMITS } from '../helpers/limits.js';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.fake-discord.token-for-tests-only-xyz';
const fake = new FakeDiscord();
let core: ReturnType<typeof createBotCore>;
const feedback = { entries: () => core.feedback.entries() };
const logLines: string[] = [];
let bot: DiscordBot;

const callbackFor = (id: string) => (r: RecordedRequest) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`);
const replyTo = (messageId: string) => (r: RecordedRequest) =>
  r.method === 'POST' && r.path === `/channels/${fake.channelId}/messages` && r.body?.message_reference?.message_id === messageId;

beforeAll(async () => {
  await fake.start();
  const real = await seedEngine();
  // A question containing "explode" makes the core throw, to prove one bad event is survived.
  const engine: Engine = { ...real, index: real.index, answer: (q, c) => (q.includes('explode') ? (() => { throw new Error('boom'); })() : real.answer(q, c)) };
  core = createBotCore({ engine, db: openDatabase(':memory:'), limits: GENEROUS_LIMITS });
  bot = await startDiscordBot(fake, core, createLogger({ level: 'info', secrets: [TOKEN], write: (line) => logLines.push(line) }), TOKEN);
});

afterAll(async () => {
  await bot.stop();
  await fake.close();
});

describe('Discord adapter against a fake Discord', () => {
  it('becomes ready with only the Guilds, GuildMessages and DirectMessages intents', () => {
    expect(bot.client.isReady()).toBe(true);
    expect(fake.identify.intents).toBe((1 << 0) | (1 << 9) | (1 << 12));
    expect(fake.identify.token).toBe(TOKEN);
  });

  it('logs an invite URL with exactly the scopes and permissions it needs, and never the token', () => {
    const ready = logLines.find((l) => l.includes('discord ready'))!;
    const invite = new URL(JSON.parse(ready).invite);
    expect(invite.searchParams.get('client_id')).toBe(fake.appId);
    expect(invite.searchParams.get('scope')).toBe('bot applications.commands');
    // View Channel, Send Messages, Embed Links, Read Message History, Send Messages in Threads.
    expect(BigInt(invite.searchParams.get('permissions')!)).toBe((1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 16n) | (1n << 38n));
    expect(logLines.join('\n')).not.toContain(TOKEN);
  });

  it('answers /grok-facts with an embed citing the passage', async () => {
    const { id } = fake.slashCommand('grok-facts', [{ name: 'question', type: 3, value: 'How many parameters does Grok V9 Medium have?' }]);
    const callback = await fake.waitForRequest(callbackFor(id));
    expect(callback.body.type).toBe(4);
    const data = callback.body.data;
    const embed = data.embeds[0];
    expect(embed.title).toBe('How many parameters does Grok V9 Medium have?');
    expect(embed.description).toMatch(/1\.5 ?(trillion|T)/);
    expect(embed.description).toContain('**[#1]**');
    expect(embed.fields[0].value).toMatch(/reported by \d of 5 sources/);
    expect(data.flags ?? 0).toBe(0);
    expect(data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(data.components[0].components.map((b: { custom_id: string }) => b.custom_id.split(':')[1])).toEqual(['up', 'down']);
  });

  it('shows a "sources disagree" line for the per-token cost', async () => {
    const { id } = fake.slashCommand('grok-facts', [{ name: 'question', type: 3, value: 'How much did the per-token cost fall?' }]);
    const embed = (await fake.waitForRequest(callbackFor(id))).body.data.embeds[0];
    expect(embed.description).toMatch(/Sources disagree/);
    expect(embed.description).toContain('90%');
    expect(embed.description).toContain('40%');
  });

  it('answers privately with private:true', async () => {
    const { id } = fake.slashCommand('grok-facts', [
      { name: 'question', type: 3, value: 'Where is Colossus?' },
      { name: 'private', type: 5, value: true },
    ]);
    const callback = await fake.waitForRequest(callbackFor(id));
    expect(callback.body.data.flags & 64).toBe(64);
  });

  it('says "not in my sources" with three questions it can answer', async () => {
    const { id } = fake.slashCommand('grok-facts', [{ name: 'question', type: 3, value: 'What is the capital of Australia?' }]);
    const embed = (await fake.waitForRequest(callbackFor(id))).body.data.embeds[0];
    expect(embed.description).toMatch(/isn't in my sources/);
    expect(embed.description.match(/^• /gm)).toHaveLength(3);
  });

  it('autocompletes from the core suggestions', async () => {
    const { id } = fake.autocomplete('grok-facts', 'question', 'cursor');
    const callback = await fake.waitForRequest(callbackFor(id));
    expect(callback.body.type).toBe(8);
    const choices = callback.body.data.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) {
      expect(c.name.toLowerCase()).toContain('cursor');
      expect(c.name.length).toBeLessThanOrEqual(100);
    }
  });

  it('replies to a mention without pinging anyone', async () => {
    const messageId = fake.message({ content: `<@${fake.bot.id}> Where is the Colossus supercomputer?`, mentionsBot: true });
    const reply = await fake.waitForRequest(replyTo(messageId));
    expect(reply.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(reply.body.embeds[0].description).toContain('Memphis');
    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('pings nobody for "@everyone how big is it?" and ignores @everyone alone', async () => {
    const ignored = fake.message({ content: '@everyone how big is it?', mentionEveryone: true });
    const asked = fake.message({ content: `@everyone <@${fake.bot.id}> how big is it?`, mentionsBot: true, mentionEveryone: true });
    const reply = await fake.waitForRequest(replyTo(asked));
    expect(reply.body.allowed_mentions.parse).toEqual([]);
    expect(reply.body.embeds[0].title).not.toContain(`<@${fake.bot.id}>`);
    expect(fake.requests.some(replyTo(ignored))).toBe(false);
  });

  it('gives a short help text for a mention with no question', async () => {
    const messageId = fake.message({ content: `<@${fake.bot.id}>`, mentionsBot: true });
    const reply = await fake.waitForRequest(replyTo(messageId));
    expect(reply.body.embeds[0].description).toMatch(/Mention me with a question/);
  });

  it('ignores messages from bots', async () => {
    const fromBot = fake.message({ content: `<@${fake.bot.id}> how big is it?`, mentionsBot: true, author: { ...fake.user, id: '600000000000000006', bot: true } });
    const control = fake.message({ content: `<@${fake.bot.id}> Who announced Grok V9 Medium?`, mentionsBot: true });
    await fake.waitForRequest(replyTo(control));
    expect(fake.requests.some(replyTo(fromBot))).toBe(false);
  });

  it('answers a reply to its answer as a follow-up of the previous question', async () => {
    const first = fake.message({ content: `<@${fake.bot.id}> How much did xAI raise in its Series E?`, mentionsBot: true });
    await fake.waitForRequest(replyTo(first));
    const answerMessageId = await waitForBotMessageReplying(first);
    const followUp = fake.message({ content: `<@${fake.bot.id}> and who else invested?`, mentionsBot: true, replyTo: answerMessageId });
    const reply = await fake.waitForRequest(replyTo(followUp));
    expect(reply.body.embeds[0].description).toMatch(/Valor|Fidelity|Nvidia and Cisco/);
  });

  it('answers direct messages without a mention', async () => {
    const messageId = fake.message({ content: 'How many GPUs does Colossus have?', dm: true });
    const reply = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${fake.dmChannelId}/messages` && r.body?.message_reference?.message_id === messageId);
    expect(reply.body.embeds[0].description).toContain('555,000');
  });

  it('records a feedback click and acknowledges it privately', async () => {
    const { id } = fake.slashCommand('grok-facts', [{ name: 'question', type: 3, value: 'Who announced Grok V9 Medium?' }]);
    const answered = await fake.waitForRequest(callbackFor(id));
    const downId = answered.body.data.components[0].components[1].custom_id as string;
    const before = feedback.entries().length;
    const click = fake.buttonClick(downId, 'unknown-message');
    const ack = await fake.waitForRequest(callbackFor(click.id));
    expect(ack.body.data).toMatchObject({ content: 'Thanks — noted', flags: 64 });
    expect(feedback.entries()).toHaveLength(before + 1);
    expect(feedback.entries().at(-1)).toMatchObject({ helpful: false, question: 'Who announced Grok V9 Medium?', platform: 'discord' });
    expect(feedbackButtonId('x', true)).toBe('fb:up:x');
  });

  it('answers "something went wrong" when a handler throws, and keeps serving', async () => {
    const broken = fake.slashCommand('grok-facts', [{ name: 'question', type: 3, value: 'please explode' }]);
    const error = await fake.waitForRequest(callbackFor(broken.id));
    expect(error.body.data).toMatchObject({ content: '❌ Something went wrong — please try again', flags: 64 });
    expect(logLines.some((l) => l.includes('discord interaction failed') && l.includes('boom'))).toBe(true);
    const after = fake.slashCommand('grok-facts', [{ name: 'question', type: 3, value: 'Where is Colossus?' }]);
    await fake.waitForRequest(callbackFor(after.id));
    expect(fake.connected).toBe(true);
    expect(bot.client.isReady()).toBe(true);
  });

  it('keeps serving after a Discord API error on a reply', async () => {
    fake.failNext = (r) => r.path.startsWith('/channels/') && r.method === 'POST';
    const failing = fake.message({ content: `<@${fake.bot.id}> Where is Colossus?`, mentionsBot: true });
    await fake.waitForRequest(replyTo(failing));
    const next = fake.message({ content: `<@${fake.bot.id}> Who announced Grok V9 Medium?`, mentionsBot: true });
    await fake.waitForRequest(replyTo(next));
    expect(logLines.some((l) => l.includes('discord message failed'))).toBe(true);
  });

  it('logs one line per event with a request id', () => {
    const events = logLines.map((l) => JSON.parse(l)).filter((e) => e.msg === 'discord event');
    expect(events.length).toBeGreaterThan(10);
    expect(events.every((e) => typeof e.requestId === 'string' && e.requestId.length > 0 && typeof e.ms === 'number')).toBe(true);
    expect(new Set(events.map((e) => e.requestId)).size).toBe(events.length);
  });

  it('registers the commands through REST, to one guild when asked', async () => {
    const count = await registerCommands({ token: TOKEN, appId: fake.appId, guildId: fake.guildId, apiBase: fake.apiBase });
    expect(count).toBe(2);
    const put = await fake.waitForRequest((r) => r.method === 'PUT' && r.path === `/applications/${fake.appId}/guilds/${fake.guildId}/commands`);
    const command = put.body[0];
    expect(command.name).toBe('grok-facts');
    const digest = put.body[1];
    expect(digest.name).toBe('grok-facts-digest');
    expect(digest.default_member_permissions).toBe(String(1 << 5)); // Manage Server
    expect(digest.options.map((o: { name: string }) => o.name)).toEqual(['subscribe', 'unsubscribe', 'status', 'preview']);
    expect(command.options[0]).toMatchObject({ name: 'question', required: true, autocomplete: true, max_length: 500 });
    expect(command.options[1]).toMatchObject({ name: 'private', type: 5 });
  });
});

/** The id of the message the bot posted in reply to `messageId`. */
async function waitForBotMessageReplying(messageId: string): Promise<string> {
  await fake.waitForRequest(replyTo(messageId));
  return fake.botReplyTo(messageId)!.id;
}
