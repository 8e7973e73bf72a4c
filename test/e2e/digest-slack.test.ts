import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackApp, type SlackApp } from '../../adapters/slack/app.js';
import { createBotCore, type BotCore } from '../../src/bot/bot-core.js';
import { createDigestScheduler } from '../../src/digest/scheduler.js';
import { createLogger } from '../../src/log/logger.js';
import { openDatabase } from '../../src/store/database.js';
import { FakeSlack, form, signedRequest } from '../fakes/fake-slack.js';
import { seedEngine } from '../helpers/engine.js';
import { GENEROUS_LIMITS } from '../helpers/limits.js';

const SECRET = 'digest-test-signing-secret-0123456789';
const fake = new FakeSlack();
const logger = createLogger({ level: 'silent' });
let slack: SlackApp;
let core: BotCore;
let events: string;
let clock = Date.parse('2026-06-01T05:00:00Z');

async function command(text: string, channel = fake.channel) {
  const url = fake.responseUrl();
  const payload = { ...fake.slashCommand(text, url), channel_id: channel };
  expect((await signedRequest(events, form(payload), 'application/x-www-form-urlencoded', SECRET)).status).toBe(200);
  return (await fake.waitForResponse(url)).body;
}

const digestPosts = () => fake.calls.filter((c) => c.method === 'chat.postMessage' && c.params.blocks?.[0]?.type === 'header');

beforeAll(async () => {
  await fake.start();
  core = createBotCore({ engine: await seedEngine(), db: openDatabase(':memory:'), now: () => new Date(clock), limits: GENEROUS_LIMITS });
  slack = createSlackApp({ core, logger, botToken: 'xoxb-digest-test', signingSecret: SECRET, port: 0, host: '127.0.0.1', apiUrl: fake.apiUrl });
  const server = await slack.start();
  events = `http://127.0.0.1:${(server!.address() as AddressInfo).port}/slack/events`;
});

afterAll(async () => {
  await slack.stop();
  await fake.close();
});

describe('Slack daily digest, end to end', () => {
  it('says "invite me first" when the bot cannot post in the channel, and does not subscribe', async () => {
    fake.failNext.set('chat.postMessage', 'not_in_channel');
    const reply = await command('digest on 08:30 Europe/Berlin', 'C0LOCKED');
    expect(reply.text).toBe(`:warning: I can't post in this channel — invite me first: \`/invite <@${fake.botUserId}>\``);
    expect(core.digests.subscriptions.find('slack', 'C0LOCKED')).toBeUndefined();
  });

  it('rejects a bad time or time zone with an example', async () => {
    expect((await command('digest on 25:00')).text).toMatch(/HH:MM.*09:00/);
    expect((await command('digest on 08:00 Mars/Olympus')).text).toMatch(/Europe\/Berlin/);
  });

  it('subscribes by command, and the digest arrives once when the clock reaches the time', async () => {
    const reply = await command('digest on 08:30 Europe/Berlin');
    expect(reply.text).toBe(':white_check_mark: Daily digest here at 08:30 (Europe/Berlin).');
    const confirmation = fake.calls.find((c) => c.method === 'chat.postMessage' && c.params.channel === fake.channel && /every day at 08:30/.test(c.params.text));
    expect(confirmation).toBeDefined();

    const scheduler = createDigestScheduler({ digests: core.digests, senders: { slack: slack.digestSender }, now: () => new Date(clock), logger });
    clock = Date.parse('2026-06-01T06:29:00Z');
    await scheduler.tick();
    expect(digestPosts()).toHaveLength(0);
    clock = Date.parse('2026-06-01T06:30:00Z');
    await scheduler.tick();
    await scheduler.tick();
    const posts = digestPosts();
    expect(posts).toHaveLength(1);
    expect(posts[0]!.params.channel).toBe(fake.channel);
    expect(posts[0]!.params.blocks[0].text.text).toBe('📰 Grok V9-Medium digest — Monday, 1 June 2026');
    expect(JSON.stringify(posts[0]!.params.blocks)).toMatch(/Fact of the day/);
    expect(posts[0]!.params.text.length).toBeGreaterThan(0);
  });

  it('shows most asked questions of the workspace in the next digest', async () => {
    clock = Date.parse('2026-06-02T05:00:00Z'); // within 24 hours of the next digest
    for (let i = 0; i < 2; i++) await command('How many parameters does Grok V9 Medium have?');
    await command('Where is the Colossus supercomputer?');
    clock = Date.parse('2026-06-02T07:00:00Z');
    const scheduler = createDigestScheduler({ digests: core.digests, senders: { slack: slack.digestSender }, now: () => new Date(clock), logger });
    await scheduler.tick();
    const second = JSON.stringify(digestPosts()[1]!.params.blocks);
    expect(second).toMatch(/Most asked in the last 24 hours/);
    expect(second).toMatch(/How many parameters does Grok V9 Medium have\?\* \(2×\)/);
    expect(second).toMatch(/No new articles since the last digest/);
  });

  it('shows status and a private preview, and turns off', async () => {
    expect((await command('digest status')).text).toMatch(/<#C0000001> at 08:30 \(Europe\/Berlin\) — next <!date\^\d+/);
    const preview = await command('digest preview');
    expect(preview.response_type).toBe('ephemeral');
    expect(preview.blocks[0].type).toBe('header');
    expect((await command('digest')).text).toMatch(/digest on \[HH:MM\] \[Area\/City\]/);
    expect((await command('digest off')).text).toMatch(/No more digests/);
    expect((await command('digest status')).text).toMatch(/No channel gets a digest yet/);
  });
});
