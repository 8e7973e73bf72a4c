import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordBot } from '../../adapters/discord/bot.js';
import { createBotCore, type BotCore } from '../../src/bot/bot-core.js';
import { createDigestScheduler } from '../../src/digest/scheduler.js';
import { createLogger } from '../../src/log/logger.js';
import { openDatabase } from '../../src/store/database.js';
import { FakeDiscord, type RecordedRequest } from '../fakes/fake-discord.js';
import { startDiscordBot } from '../helpers/discord-bot.js';
import { seedEngine } from '../helpers/engine.js';
import { GENEROUS_LIMITS } from '../helpers/limits.js';

const fake = new FakeDiscord();
let bot: DiscordBot;
let core: BotCore;
let clock = Date.parse('2026-06-01T05:00:00Z');
const logger = createLogger({ level: 'silent' });

const callbackFor = (id: string) => (r: RecordedRequest) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`);
const digestPosts = (channel: string) => fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channel}/messages` && r.body?.embeds?.[0]?.title?.startsWith('📰'));

async function digestCommand(sub: string, options: { name: string; type: number; value: unknown }[] = [], extra: Parameters<FakeDiscord['slashCommand']>[2] = {}) {
  const { id } = fake.slashCommand('grok-facts-digest', [{ name: sub, type: 1, options }], extra);
  return (await fake.waitForRequest(callbackFor(id))).body.data;
}

beforeAll(async () => {
  await fake.start();
  core = createBotCore({ engine: await seedEngine(), db: openDatabase(':memory:'), now: () => new Date(clock), limits: GENEROUS_LIMITS });
  bot = await startDiscordBot(fake, core, logger, 'digest.test.token');
});

afterAll(async () => {
  await bot.stop();
  await fake.close();
});

describe('Discord daily digest, end to end', () => {
  it('subscribes by command, and the digest arrives in the channel once when the clock reaches the time', async () => {
    const reply = await digestCommand('subscribe', [{ name: 'time', type: 3, value: '08:30' }, { name: 'timezone', type: 3, value: 'Europe/Berlin' }]);
    expect(reply.flags & 64).toBe(64);
    expect(reply.content).toMatch(/Daily digest in <#\d+> at 08:30 \(Europe\/Berlin\)/);

    const scheduler = createDigestScheduler({ digests: core.digests, senders: { discord: bot.digestSender }, now: () => new Date(clock), logger });
    clock = Date.parse('2026-06-01T06:29:00Z'); // 08:29 in Berlin
    await scheduler.tick();
    expect(digestPosts(fake.channelId)).toHaveLength(0);
    clock = Date.parse('2026-06-01T06:30:00Z');
    await scheduler.tick();
    await scheduler.tick();
    clock = Date.parse('2026-06-01T20:00:00Z');
    await scheduler.tick();
    const posts = digestPosts(fake.channelId);
    expect(posts).toHaveLength(1);
    const embed = posts[0]!.body.embeds[0];
    expect(embed.title).toBe('📰 Grok V9-Medium digest — Monday, 1 June 2026');
    expect(embed.description).toMatch(/I read these 5 articles/);
    expect(embed.fields[0].name).toBe('📌 Fact of the day');
    expect(posts[0]!.body.enforce_nonce).toBe(true);
    expect(posts[0]!.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('sends the same day again (a crash between send and bookkeeping) without a second message', async () => {
    const subscription = core.digests.subscriptions.find('discord', fake.channelId)!;
    const { digest } = core.digests.compose(subscription, '2026-06-01');
    const before = fake.storedMessagesIn(fake.channelId).length;
    await bot.digestSender.send(subscription, digest);
    expect(fake.storedMessagesIn(fake.channelId)).toHaveLength(before);
  });

  it('shows the status and a private preview', async () => {
    const status = await digestCommand('status');
    expect(status.content).toMatch(/<#\d+> at 08:30 \(Europe\/Berlin\) — next <t:\d+:f>, last sent 2026-06-01/);
    const preview = await digestCommand('preview');
    expect(preview.flags & 64).toBe(64);
    expect(preview.embeds[0].title).toMatch(/^📰 Grok V9-Medium digest/);
  });

  it('names the missing permission when it cannot post in the chosen channel', async () => {
    const reply = await digestCommand('subscribe', [{ name: 'channel', type: 7, value: fake.lockedChannelId }], { resolvedChannels: [fake.lockedChannelId] });
    expect(reply.content).toMatch(/missing the \*\*Send Messages\*\* permission/);
    expect(core.digests.subscriptions.find('discord', fake.lockedChannelId)).toBeUndefined();
  });

  it('gives a clear message with an example for a bad time or time zone', async () => {
    expect((await digestCommand('subscribe', [{ name: 'time', type: 3, value: '9am' }])).content).toMatch(/HH:MM.*09:00/);
    expect((await digestCommand('subscribe', [{ name: 'timezone', type: 3, value: 'Berlin' }])).content).toMatch(/Europe\/Berlin/);
  });

  it('checks Manage Server again when the command runs', async () => {
    const reply = await digestCommand('subscribe', [], { memberPermissions: String(1 << 11) });
    expect(reply.content).toMatch(/Manage Server/);
  });

  it('pauses a subscription whose channel it lost access to, and says why in status', async () => {
    clock = Date.parse('2026-06-02T05:00:00Z');
    fake.noAccess.add(fake.channelId);
    const scheduler = createDigestScheduler({ digests: core.digests, senders: { discord: bot.digestSender }, now: () => new Date(clock), logger });
    clock = Date.parse('2026-06-02T07:00:00Z');
    expect(await scheduler.tick()).toMatchObject({ disabled: 1 });
    fake.noAccess.delete(fake.channelId);
    const status = await digestCommand('status');
    expect(status.content).toMatch(/paused/);
    expect(status.content).toMatch(/Paused: Discord: Missing Access/);
  });

  it('unsubscribes', async () => {
    expect((await digestCommand('unsubscribe')).content).toMatch(/No more digests/);
    expect((await digestCommand('status')).content).toMatch(/No channel in this server gets a digest yet/);
  });
});
